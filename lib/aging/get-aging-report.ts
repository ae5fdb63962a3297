import { getCreditsByCurrency } from "@/lib/aging/account-credit";
import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { asOfArgs, asOfNeeded } from "./aging-as-of";
import { getAgingTotals } from "./aging-totals";
import { type AccountQuery, listAgingAccounts } from "./list-accounts";

/**
 * Everything the aging report page shows. With an `asOf` before today the
 * figures, last contacts and letter stages are as they stood at the end of that
 * day (aging-as-of.ts); so are today's when rows dated after today exist
 * (the summary tables already count them). Today's report without
 * a name or bucket filter reuses the totals' account count for the table
 * instead of counting every account again; otherwise both run side by side.
 */
export async function getAgingReport(
  tx: DbOrTx,
  opts: { orgId: string; timeZone: string; today: DateOnly; query: AccountQuery; asOf?: DateOnly },
) {
  const { query } = opts;
  const asOf = await asOfNeeded(tx, opts);
  const past = asOf ? asOfArgs({ orgId: opts.orgId, asOf, timeZone: opts.timeZone }) : null;
  const args = { ...opts, ...past };
  // Account credits (unapplied cash, credit notes to no invoice), shown as negative rows per currency.
  const creditsRead = getCreditsByCurrency(tx, { orgId: opts.orgId, asOf: opts.asOf ?? opts.today });
  const currencies = (totals: { currency: string }[], credits: { currency: string }[]) =>
    [...new Set([...totals.map((t) => t.currency), ...credits.map((c) => c.currency)])].sort();
  if (query.q || query.bucket || past) {
    const [totals, accounts, credits] = await Promise.all([
      getAgingTotals(tx, args),
      listAgingAccounts(tx, args),
      creditsRead,
    ]);
    return { totals, credits, accounts, currencies: currencies(totals, credits) };
  }
  const [totals, credits] = await Promise.all([getAgingTotals(tx, args), creditsRead]);
  const total = totals
    .filter((t) => !query.currency || t.currency === query.currency)
    .reduce((n, t) => n + t.accounts, 0);
  const accounts = await listAgingAccounts(tx, { ...args, total });
  return { totals, credits, accounts, currencies: currencies(totals, credits) };
}
