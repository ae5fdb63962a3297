import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";

/**
 * Moves the organization's cached bucket amounts (accounts.*_minor, the report's
 * bucket sorts) to `today`, its day in its own time zone. From yesterday it
 * rewrites only the accounts whose open invoices crossed a bucket edge; see
 * accounts_roll_buckets in the account_sort_keys migration. Returns the accounts written.
 */
export async function rollBucketDay(db: DbOrTx, opts: { orgId: string; today: DateOnly }): Promise<number> {
  const [row] = await db.$queryRaw<
    { n: number }[]
  >`SELECT accounts_roll_buckets(${opts.orgId}::uuid, ${opts.today}::date) AS n`;
  return row.n;
}

/** Whether the cached bucket amounts hold for `today`; if not, bucket sorts aggregate the invoices instead. */
export async function bucketDayIsCurrent(db: DbOrTx, opts: { orgId: string; today: DateOnly }): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM accounts_bucket_days WHERE org_id = ${opts.orgId}::uuid AND day = ${opts.today}::date`;
  return rows.length > 0;
}
