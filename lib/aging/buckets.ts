export const AGING_BUCKETS = [
  { key: "current", label: "Current", min: -Infinity, max: 0 },
  { key: "d1_30", label: "1–30", min: 1, max: 30 },
  { key: "d31_60", label: "31–60", min: 31, max: 60 },
  { key: "d61_90", label: "61–90", min: 61, max: 90 },
  { key: "d90_plus", label: "90+", min: 91, max: Infinity },
] as const;

export type BucketKey = (typeof AGING_BUCKETS)[number]["key"];
export const BUCKET_KEYS = AGING_BUCKETS.map((b) => b.key) as [BucketKey, ...BucketKey[]];

/** Bucket of an open invoice that is `daysPastDue` days past its due date (<= 0: not yet due). */
export function bucketFor(daysPastDue: number): BucketKey {
  return AGING_BUCKETS.find((b) => daysPastDue >= b.min && daysPastDue <= b.max)!.key;
}
