import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getAgingTotals } from "./aging-totals";
import { listAgingAccounts, type AccountQuery } from "./list-accounts";

/** Everything the aging report page shows, in two queries run side by side. */
export async function getAgingReport(tx: DbOrTx, opts: { orgId: string; today: DateOnly; query: AccountQuery }) {
  const [totals, accounts] = await Promise.all([getAgingTotals(tx, opts), listAgingAccounts(tx, opts)]);
  return { totals, accounts, currencies: totals.map((t) => t.currency) };
}
