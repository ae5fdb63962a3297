import { getCreditsByCurrency } from "@/lib/aging/account-credit";
import type { DbOrTx } from "@/lib/db/client";
import { comparisonFor } from "@/lib/rates/comparison";
import { loadRateTable } from "@/lib/rates/convert";
import type { DateOnly } from "@/lib/time/dates";
import { asOfArgs, asOfNeeded } from "./aging-as-of";
import { getAgingTotals } from "./aging-totals";
import { type BaseCurrencyTotals, getBaseCurrencyTotals } from "./base-currency-totals";
import { type AccountQuery, listAgingAccounts } from "./list-accounts";

/**
 * Everything the aging report page shows. With an `asOf` before today the
 * figures, last contacts and letter stages are as they stood at the end of that
 * day (aging-as-of.ts); so are today's when rows dated after today exist
 * (the summary tables already count them). Today's report without
 * a name or bucket filter reuses the totals' account count for the table
 * instead of counting every account again; otherwise both run side by side.
 * The totals in the base currency (base-currency-totals.ts) run beside the accounts.
 */
export async function getAgingReport(
  tx: DbOrTx,
  opts: { orgId: string; timeZone: string; today: DateOnly; query: AccountQuery; asOf?: DateOnly },
) {
  const { query } = opts;
  const asOf = await asOfNeeded(tx, opts);
  const past = asOf ? asOfArgs({ orgId: opts.orgId, asOf, timeZone: opts.timeZone }) : null;
  const args = { ...opts, ...past };
  // Independent reads side by side: account credits (unapplied cash, credit notes to no
  // invoice, shown as negative rows per currency), the rates of the report's day (sorting
  // by open compares amounts in the base currency) and the totals.
  const [credits, rates, totals] = await Promise.all([
    getCreditsByCurrency(tx, { orgId: opts.orgId, asOf: opts.asOf ?? opts.today }),
    loadRateTable(tx, { orgId: opts.orgId, on: opts.asOf ?? opts.today }),
    getAgingTotals(tx, args),
  ]);
  const currencies = [...new Set([...totals.map((t) => t.currency), ...credits.map((c) => c.currency)])].sort();
  const totalCurrencies = [...new Set(totals.map((t) => t.currency))].sort();
  const inBase = (): Promise<BaseCurrencyTotals> => getBaseCurrencyTotals(tx, { ...args, rates });
  const report = ([accounts, base]: [Awaited<ReturnType<typeof listAgingAccounts>>, BaseCurrencyTotals]) => ({
    totals,
    base,
    credits,
    accounts,
    currencies,
    comparison: comparisonFor(rates, currencies),
  });
  // The open sort walks each currency's accounts (the totals' currencies).
  const withRates = { ...args, rates, currencies: totalCurrencies };
  if (query.q || query.bucket || past) return report(await Promise.all([listAgingAccounts(tx, withRates), inBase()]));
  const total = totals
    .filter((t) => !query.currency || t.currency === query.currency)
    .reduce((n, t) => n + t.accounts, 0);
  return report(await Promise.all([listAgingAccounts(tx, { ...withRates, total }), inBase()]));
}
