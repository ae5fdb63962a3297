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
 * reversed, so a month is what actually stayed in. Aggregated in SQL through
 * payments_by_org_received_on and ledger_reversals_by_org_day.
 */
export async function getCollectedByMonth(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; today: DateOnly },
): Promise<CollectedMonth[]> {
  const rows = await tx.$queryRaw<CollectedRow[]>`
    WITH moves AS (
      SELECT date_trunc('month', received_on)::date AS month, currency, amount_minor AS amount, 1 AS payment
      FROM payments
      WHERE org_id = ${opts.orgId}::uuid AND received_on >= ${opts.from}::date AND received_on <= ${opts.today}::date
      UNION ALL
      SELECT date_trunc('month', effective_on)::date, currency, -amount_minor, 0
      FROM ledger_entries
      WHERE org_id = ${opts.orgId}::uuid AND kind = 'PAYMENT_REVERSAL'
        AND effective_on >= ${opts.from}::date AND effective_on <= ${opts.today}::date
    )
    SELECT month, currency, sum(amount) AS collected, sum(payment) AS payments
    FROM moves GROUP BY month, currency ORDER BY month, currency`;
  return rows.map((r) => ({
    month: dateOnlyFromDb(r.month),
    currency: r.currency,
    collected: toMinor(r.collected),
    payments: toMinor(r.payments),
  }));
}
