import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";

/**
 * Days sales outstanding, the standard ("simple" or "average") method:
 *   DSO = receivables open today ÷ amount invoiced in the last 90 days × 90
 * (e.g. Investopedia, "Days Sales Outstanding (DSO)",
 * https://www.investopedia.com/terms/d/dso.asp; CFI, "Days Sales Outstanding").
 * Every invoice here is a credit sale, so "credit sales" is what was invoiced.
 * The ratio has no unit, so it is exact per currency; null when nothing was
 * invoiced in the period (the formula has no answer then).
 */
export const DSO_PERIOD_DAYS = 90;

export function daysSalesOutstanding(openMinor: number, invoicedMinor: number): number | null {
  if (invoicedMinor <= 0) return null;
  return (openMinor / invoicedMinor) * DSO_PERIOD_DAYS;
}

/** Invoiced per currency in the DSO period: the 90 days ending today, today included. */
export async function getInvoicedInDsoPeriod(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly },
): Promise<Map<string, number>> {
  const from = addDaysTo(opts.today, -(DSO_PERIOD_DAYS - 1));
  const rows = await tx.$queryRaw<{ currency: string; invoiced: bigint }[]>`
    SELECT currency, sum(amount_minor) AS invoiced
    FROM invoices
    WHERE org_id = ${opts.orgId}::uuid AND issue_date >= ${from}::date AND issue_date <= ${opts.today}::date
    GROUP BY currency`;
  return new Map(rows.map((r) => [r.currency, toMinor(r.invoiced)]));
}
