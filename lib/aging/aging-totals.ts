import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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
 * Open receivables per currency and aging bucket as of `today`. The buckets are
 * ranges of due dates, so today's totals add up open_balances_by_due_date (one
 * row per currency and due date, kept exact by the invoice triggers) and count
 * accounts from open_accounts_by_oldest_due (open accounts per currency and
 * oldest open due date, kept by the same triggers): a few hundred rows each,
 * whatever the number of invoices or accounts.
 * For a past day (`invoices` = invoicesAsOf()) there are no such tables, and
 * the same sums and DISTINCT counts run over the open invoices.
 */
export async function getAgingTotals(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; invoices?: Prisma.Sql },
): Promise<CurrencyTotals[]> {
  const overdue = Prisma.sql`due_date < ${opts.today}::date`;
  const sums = (open: Prisma.Sql) => agingSums(opts.today, open);
  if (opts.invoices) {
    const rows = await tx.$queryRaw<Record<string, bigint | string>[]>(Prisma.sql`
      SELECT currency, ${sums(Prisma.sql`amount_minor - paid_minor`)},
        count(DISTINCT customer_id) AS accounts,
        count(DISTINCT customer_id) FILTER (WHERE ${overdue}) AS overdue_accounts
      FROM ${opts.invoices} i
      WHERE org_id = ${opts.orgId}::uuid AND paid_minor < amount_minor
      GROUP BY currency
      ORDER BY currency`);
    return rows.map((r) => totalsRow(r, r));
  }
  const [rows, counts] = await Promise.all([
    tx.$queryRaw<Record<string, bigint | string>[]>(Prisma.sql`
      SELECT currency, ${sums(Prisma.sql`open_minor`)}
      FROM open_balances_by_due_date
      WHERE org_id = ${opts.orgId}::uuid AND open_invoices > 0
      GROUP BY currency
      ORDER BY currency`),
    tx.$queryRaw<Record<string, bigint | string>[]>(Prisma.sql`
      SELECT currency, sum(accounts) AS accounts, COALESCE(sum(accounts) FILTER (WHERE oldest_open_due < ${opts.today}::date), 0) AS overdue_accounts
      FROM open_accounts_by_oldest_due
      WHERE org_id = ${opts.orgId}::uuid AND accounts > 0
      GROUP BY currency`),
  ]);
  const countsOf = new Map(counts.map((c) => [String(c.currency), c]));
  return rows.map((r) => totalsRow(r, countsOf.get(String(r.currency)) ?? { accounts: 0n, overdue_accounts: 0n }));
}

/** The report's figures over rows with a due_date: open, overdue and each bucket, summed from `open`. */
export function agingSums(today: DateOnly, open: Prisma.Sql): Prisma.Sql {
  const b = bucketConditions(today);
  return Prisma.sql`
    COALESCE(sum(${open}), 0) AS open,
    COALESCE(sum(${open}) FILTER (WHERE due_date < ${today}::date), 0) AS overdue,
    COALESCE(sum(${open}) FILTER (WHERE ${b.current}), 0) AS current,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d1_30}), 0) AS d1_30,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d31_60}), 0) AS d31_60,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d61_90}), 0) AS d61_90,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d90_plus}), 0) AS d90_plus`;
}

function totalsRow(sums: Record<string, bigint | string>, counts: Record<string, bigint | string>): CurrencyTotals {
  return {
    currency: String(sums.currency),
    open: toMinor(sums.open),
    overdue: toMinor(sums.overdue),
    current: toMinor(sums.current),
    d1_30: toMinor(sums.d1_30),
    d31_60: toMinor(sums.d31_60),
    d61_90: toMinor(sums.d61_90),
    d90_plus: toMinor(sums.d90_plus),
    accounts: toMinor(counts.accounts),
    overdueAccounts: toMinor(counts.overdue_accounts),
  };
}
