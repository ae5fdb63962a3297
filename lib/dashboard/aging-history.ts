import type { BucketKey } from "@/lib/aging/buckets";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { monthStart } from "./months";

export interface MonthEndSnapshot extends Record<BucketKey, number> {
  /** First day of the month. */
  month: DateOnly;
  /** The snapshot's day: the month's last day, or the latest day on record in it. */
  day: DateOnly;
  currency: string;
  open: number;
  overdue: number;
  source: "worker" | "demo";
}

/** A bar of the aging history: a month-end snapshot, or this month's figures as of today (not a snapshot). */
export type AgingHistoryPoint = Omit<MonthEndSnapshot, "source"> & { source: MonthEndSnapshot["source"] | "today" };

interface SnapshotDbRow {
  day: Date;
  currency: string;
  current_minor: bigint;
  d1_30_minor: bigint;
  d31_60_minor: bigint;
  d61_90_minor: bigint;
  d90_plus_minor: bigint;
  open_minor: bigint;
  overdue_minor: bigint;
  source: string;
}

/**
 * The last snapshot of each month from `from` up to today, per currency: the
 * month-end figure as it was recorded on that day (aging_snapshots, by its
 * primary key). A month with no snapshot is absent.
 */
export async function getMonthEndSnapshots(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; today: DateOnly },
): Promise<MonthEndSnapshot[]> {
  const rows = await tx.$queryRaw<SnapshotDbRow[]>`
    SELECT DISTINCT ON (currency, date_trunc('month', day)) day, currency, current_minor, d1_30_minor,
      d31_60_minor, d61_90_minor, d90_plus_minor, open_minor, overdue_minor, source
    FROM aging_snapshots
    WHERE org_id = ${opts.orgId}::uuid AND day >= ${opts.from}::date AND day <= ${opts.today}::date
    ORDER BY currency, date_trunc('month', day), day DESC`;
  return rows.map((r) => {
    const day = dateOnlyFromDb(r.day);
    return {
      month: monthStart(day),
      day,
      currency: r.currency,
      current: toMinor(r.current_minor),
      d1_30: toMinor(r.d1_30_minor),
      d31_60: toMinor(r.d31_60_minor),
      d61_90: toMinor(r.d61_90_minor),
      d90_plus: toMinor(r.d90_plus_minor),
      open: toMinor(r.open_minor),
      overdue: toMinor(r.overdue_minor),
      source: r.source === "demo" ? "demo" : "worker",
    };
  });
}
