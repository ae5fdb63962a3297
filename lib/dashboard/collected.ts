import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface CollectedMonth {
  /** First day of the month. */
  month: DateOnly;
  currency: string;
  /** Payments received in the month less payment reversals dated in it, minor units. */
  collected: number;
  payments: number;
}

interface CollectedRow {
  month: Date;
  currency: string;
  collected: bigint;
  payments: bigint;
}

/**
 * Money collected per calendar month and currency from `from` up to today:
 * payments by the day received, less reversals (a bounced payment) by the day
 * reversed, so a month is what actually stayed in. Adds up collected_by_day
 * (kept by triggers on payments and ledger_entries): ~365 rows a year per
 * currency, whatever the number of payments.
 */
export async function getCollectedByMonth(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; today: DateOnly },
): Promise<CollectedMonth[]> {
  const rows = await tx.$queryRaw<CollectedRow[]>`
    SELECT date_trunc('month', day)::date AS month, currency, sum(collected_minor) AS collected, sum(payments) AS payments
    FROM collected_by_day
    WHERE org_id = ${opts.orgId}::uuid AND day >= ${opts.from}::date AND day <= ${opts.today}::date
    GROUP BY 1, 2
    HAVING sum(payments) <> 0 OR sum(collected_minor) <> 0
    ORDER BY 1, 2`;
  return rows.map((r) => ({
    month: dateOnlyFromDb(r.month),
    currency: r.currency,
    collected: toMinor(r.collected),
    payments: toMinor(r.payments),
  }));
}
