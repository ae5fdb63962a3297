import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getCreditsByCurrency } from "./account-credit";
import { asOfNeeded, getAgingTotalsAsOf } from "./aging-as-of";
import { getAgingTotals } from "./aging-totals";

/**
 * The aging report's summary (totals per currency and bucket, and account
 * credits per currency) for today or a past day, as the report page computes
 * them: the summary tables for today, the dated movements for a past day.
 */
export async function getAgingSummary(tx: DbOrTx, opts: { orgId: string; today: DateOnly; asOf?: DateOnly }) {
  const asOf = opts.asOf ?? opts.today;
  const past = await asOfNeeded(tx, { orgId: opts.orgId, today: opts.today, asOf });
  const [totals, credits] = await Promise.all([
    past ? getAgingTotalsAsOf(tx, { orgId: opts.orgId, asOf: past }) : getAgingTotals(tx, opts),
    getCreditsByCurrency(tx, { orgId: opts.orgId, asOf }),
  ]);
  return { asOf, totals, credits };
}
