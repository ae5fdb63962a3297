/** Values of the fields that differ, before and after, for a change's audit record. */
export function fieldChanges<T extends Record<string, string | null>>(
  before: T,
  after: T,
): { before: Record<string, string | null>; after: Record<string, string | null> } {
  const keys = Object.keys(after).filter((k) => before[k] !== after[k]);
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  };
}
