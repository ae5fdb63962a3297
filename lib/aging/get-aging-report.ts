import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getAgingTotals } from "./aging-totals";
import { listAgingAccounts, type AccountQuery } from "./list-accounts";

/**
 * Everything the aging report page shows. Without a name or bucket filter the
 * totals already count the matching accounts, so the table reuses that count
 * instead of counting every account again; with one, both run side by side.
 */
export async function getAgingReport(tx: DbOrTx, opts: { orgId: string; today: DateOnly; query: AccountQuery }) {
  const { query } = opts;
  if (query.q || query.bucket) {
    const [totals, accounts] = await Promise.all([getAgingTotals(tx, opts), listAgingAccounts(tx, opts)]);
    return { totals, accounts, currencies: totals.map((t) => t.currency) };
  }
  const totals = await getAgingTotals(tx, opts);
  const total = totals.filter((t) => !query.currency || t.currency === query.currency).reduce((n, t) => n + t.accounts, 0);
  const accounts = await listAgingAccounts(tx, { ...opts, total });
  return { totals, accounts, currencies: totals.map((t) => t.currency) };
}
