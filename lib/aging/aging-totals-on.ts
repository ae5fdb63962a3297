import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { asOfNeeded, getAgingTotalsAsOf } from "./aging-as-of";
import { type CurrencyTotals, getAgingTotals } from "./aging-totals";

/**
 * The aging totals at the close of `day` (today or a past day), the way the
 * report decides it: from the summary tables when nothing is dated after that
 * day (a few hundred rows at any size), else from the dated movements as they
 * stood then (aging-as-of.ts).
 */
export async function getAgingTotalsOn(tx: DbOrTx, opts: { orgId: string; day: DateOnly }): Promise<CurrencyTotals[]> {
  const asOf = await asOfNeeded(tx, { orgId: opts.orgId, today: opts.day });
  return asOf
    ? getAgingTotalsAsOf(tx, { orgId: opts.orgId, asOf })
    : getAgingTotals(tx, { orgId: opts.orgId, today: opts.day });
}
