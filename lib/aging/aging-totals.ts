import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { bucketConditions } from "./bucket-sql";
import type { BucketKey } from "./buckets";

export type BucketAmounts = Record<BucketKey, number>;

export interface CurrencyTotals extends BucketAmounts {
  currency: string;
  open: number;
  overdue: number;
  accounts: number;
  overdueAccounts: number;
}

/** The invoices the report ages: the table itself, or invoicesAsOf() (a relation with the same columns). */
export const INVOICES = Prisma.raw("invoices");

/**
 * Open receivables per currency and aging bucket as of `today`: one pass over
 * the open invoices for the amounts (no DISTINCT, so PostgreSQL may scan in
 * parallel, as it does for the floor), and the account counts from `accounts`,
 * whose balance columns the invoice triggers keep exact. For a past day
 * (`invoices` = invoicesAsOf()) there is no such table, and the counts are
 * DISTINCTs over the same pass.
 */
export async function getAgingTotals(tx: DbOrTx, opts: { orgId: string; today: DateOnly; invoices?: Prisma.Sql }): Promise<CurrencyTotals[]> {
  const b = bucketConditions(opts.today);
  const open = Prisma.sql`amount_minor - paid_minor`;
  const overdue = Prisma.sql`due_date < ${opts.today}::date`;
  const distinctCounts = Prisma.sql`,
      count(DISTINCT customer_id) AS accounts,
      count(DISTINCT customer_id) FILTER (WHERE ${overdue}) AS overdue_accounts`;
  const [rows, counts] = await Promise.all([
    tx.$queryRaw<Record<string, bigint | string>[]>(Prisma.sql`
      SELECT currency,
        COALESCE(sum(${open}), 0) AS open,
        COALESCE(sum(${open}) FILTER (WHERE ${overdue}), 0) AS overdue,
        COALESCE(sum(${open}) FILTER (WHERE ${b.current}), 0) AS current,
        COALESCE(sum(${open}) FILTER (WHERE ${b.d1_30}), 0) AS d1_30,
        COALESCE(sum(${open}) FILTER (WHERE ${b.d31_60}), 0) AS d31_60,
        COALESCE(sum(${open}) FILTER (WHERE ${b.d61_90}), 0) AS d61_90,
        COALESCE(sum(${open}) FILTER (WHERE ${b.d90_plus}), 0) AS d90_plus
        ${opts.invoices ? distinctCounts : Prisma.empty}
      FROM ${opts.invoices ?? INVOICES} i
      WHERE org_id = ${opts.orgId}::uuid AND paid_minor < amount_minor
      GROUP BY currency
      ORDER BY currency`),
    opts.invoices ? Promise.resolve([]) : tx.$queryRaw<{ currency: string; accounts: bigint; overdue_accounts: bigint }[]>(Prisma.sql`
      SELECT currency, count(*) AS accounts, count(*) FILTER (WHERE oldest_open_due < ${opts.today}::date) AS overdue_accounts
      FROM accounts
      WHERE org_id = ${opts.orgId}::uuid AND open_minor > 0
      GROUP BY currency`),
  ]);
  const countsOf = new Map(counts.map((c) => [c.currency, c]));
  return rows.map((r) => ({
    currency: String(r.currency),
    open: toMinor(r.open),
    overdue: toMinor(r.overdue),
    current: toMinor(r.current),
    d1_30: toMinor(r.d1_30),
    d31_60: toMinor(r.d31_60),
    d61_90: toMinor(r.d61_90),
    d90_plus: toMinor(r.d90_plus),
    accounts: toMinor(r.accounts ?? countsOf.get(String(r.currency))?.accounts ?? 0n),
    overdueAccounts: toMinor(r.overdue_accounts ?? countsOf.get(String(r.currency))?.overdue_accounts ?? 0n),
  }));
}
