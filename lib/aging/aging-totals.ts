import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
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
 * the open invoices (partial index invoices_open_by_account).
 */
export async function getAgingTotals(tx: DbOrTx, opts: { orgId: string; today: DateOnly; invoices?: Prisma.Sql }): Promise<CurrencyTotals[]> {
  const rows = await tx.$queryRaw<Record<string, bigint | string>[]>(Prisma.sql`
    WITH open_inv AS (
      SELECT customer_id, currency, amount_minor - paid_minor AS open_minor, ${opts.today}::date - due_date AS dpd
      FROM ${opts.invoices ?? INVOICES} i
      WHERE org_id = ${opts.orgId}::uuid AND paid_minor < amount_minor
    )
    SELECT currency,
      COALESCE(sum(open_minor), 0) AS open,
      COALESCE(sum(open_minor) FILTER (WHERE dpd > 0), 0) AS overdue,
      COALESCE(sum(open_minor) FILTER (WHERE dpd <= 0), 0) AS current,
      COALESCE(sum(open_minor) FILTER (WHERE dpd BETWEEN 1 AND 30), 0) AS d1_30,
      COALESCE(sum(open_minor) FILTER (WHERE dpd BETWEEN 31 AND 60), 0) AS d31_60,
      COALESCE(sum(open_minor) FILTER (WHERE dpd BETWEEN 61 AND 90), 0) AS d61_90,
      COALESCE(sum(open_minor) FILTER (WHERE dpd > 90), 0) AS d90_plus,
      count(DISTINCT customer_id) AS accounts,
      count(DISTINCT customer_id) FILTER (WHERE dpd > 0) AS overdue_accounts
    FROM open_inv
    GROUP BY currency
    ORDER BY currency`);
  return rows.map((r) => ({
    currency: String(r.currency),
    open: toMinor(r.open),
    overdue: toMinor(r.overdue),
    current: toMinor(r.current),
    d1_30: toMinor(r.d1_30),
    d31_60: toMinor(r.d31_60),
    d61_90: toMinor(r.d61_90),
    d90_plus: toMinor(r.d90_plus),
    accounts: toMinor(r.accounts),
    overdueAccounts: toMinor(r.overdue_accounts),
  }));
}
