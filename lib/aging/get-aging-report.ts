import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getAgingTotals } from "./aging-totals";
import { invoicesAsOf } from "./aging-as-of";
import { listAgingAccounts, type AccountQuery } from "./list-accounts";

/**
 * Everything the aging report page shows, in two queries run side by side. With
 * an `asOf` before today the figures come from the dated payments (aging-as-of.ts).
 */
export async function getAgingReport(tx: DbOrTx, opts: { orgId: string; today: DateOnly; query: AccountQuery; asOf?: DateOnly }) {
  const past = opts.asOf && opts.asOf < opts.today ? { today: opts.asOf, invoices: invoicesAsOf({ orgId: opts.orgId, asOf: opts.asOf }) } : {};
  const args = { ...opts, ...past };
  const [totals, accounts] = await Promise.all([getAgingTotals(tx, args), listAgingAccounts(tx, args)]);
  return { totals, accounts, currencies: totals.map((t) => t.currency) };
}
