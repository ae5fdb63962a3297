import type { BucketAmounts, CurrencyTotals } from "@/lib/aging/aging-totals";
import type { BaseCurrencyTotals } from "@/lib/aging/base-currency-totals";
import { AGING_BUCKETS } from "@/lib/aging/buckets";
import { formatMoney } from "@/lib/money/money";
import { BaseTotalBasis, showsBaseTotal } from "./base-currency-total";
import { Money } from "./money";
import { ScrollRegion } from "./scroll-region";

const BUCKET_BAR: Record<string, string> = {
  current: "bg-emerald-400",
  d1_30: "bg-amber-300",
  d31_60: "bg-orange-400",
  d61_90: "bg-red-500",
  d90_plus: "bg-red-700",
};

/**
 * Aging summary: one row per currency (amounts in different currencies are never
 * added up), and below it the accounts' credits in that currency as a negative
 * row (unapplied cash, credit notes to no invoice), as ERPNext lists them.
 * With `base`, a last row adds every currency up in the base currency at the
 * dated rates, with the rate days and any currency left out for want of a rate.
 */
export function AgingTotals({
  totals,
  credits = [],
  locale,
  base,
  admin = false,
}: {
  totals: CurrencyTotals[];
  credits?: { currency: string; credit: number; accounts: number }[];
  locale: string;
  base?: BaseCurrencyTotals;
  admin?: boolean;
}) {
  const creditOf = new Map(credits.map((c) => [c.currency, c]));
  const currencies = [...new Set([...totals.map((t) => t.currency), ...credits.map((c) => c.currency)])].sort();
  if (!currencies.length) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500">No open receivables.</p>;
  }
  const withBase = base && showsBaseTotal(base) ? base : undefined;
  return (
    <div className="space-y-2">
      <ScrollRegion label="Aging totals" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="figures min-w-full text-sm" data-testid="aging-totals">
          <caption className="sr-only">Open receivables by aging bucket and currency</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Currency
              </th>
              {AGING_BUCKETS.map((b) => (
                <th key={b.key} scope="col" className="px-3 py-2 text-right font-medium">
                  {b.key === "current" ? "Current" : `${b.label} days`}
                </th>
              ))}
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Total open
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                Overdue
              </th>
              <th scope="col" className="w-36 px-3 py-2 text-left font-medium">
                Distribution
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {currencies.flatMap((currency) => {
              const t = totals.find((row) => row.currency === currency);
              const credit = creditOf.get(currency);
              const rows = t ? [totalsRow(t, locale)] : [];
              if (credit)
                rows.push(
                  <tr
                    key={`${currency}-credit`}
                    data-testid="credit-row"
                    data-currency={currency}
                    className="bg-emerald-50/40"
                  >
                    <th scope="row" className="px-3 py-2 text-left">
                      <span className="font-semibold">{currency} credits</span>
                      <span className="block whitespace-nowrap text-xs font-normal text-slate-500">
                        {credit.accounts} account{credit.accounts === 1 ? "" : "s"} · unapplied cash and credit notes
                      </span>
                    </th>
                    <td colSpan={AGING_BUCKETS.length} />
                    <td className="px-3 py-2 text-right font-semibold text-emerald-800" data-testid="total-credit">
                      <Money minor={-credit.credit} currency={currency} locale={locale} />
                    </td>
                    <td colSpan={2} className="px-3 py-2 text-xs text-slate-500">
                      to apply to invoices
                    </td>
                  </tr>,
                );
              return rows;
            })}
          </tbody>
          {withBase && <tfoot className="border-t-2 border-slate-200 bg-slate-50">{baseRow(withBase, locale)}</tfoot>}
        </table>
      </ScrollRegion>
      {withBase && <BaseTotalBasis base={withBase} admin={admin} />}
    </div>
  );
}

/** A row's buckets, open and overdue cells (test ids `${prefix}-open`, `${prefix}-overdue`). */
function figureCells(
  f: BucketAmounts & { open: number; overdue: number },
  currency: string,
  locale: string,
  prefix: string,
) {
  // Their looks are the .figures rules in app/globals.css (a bucket's tone by data-bucket): a cell
  // carries its figure, not a class string, in the HTML and in the RSC payload alike.
  return (
    <>
      {AGING_BUCKETS.map((b) =>
        f[b.key] === 0 ? (
          <td key={b.key} data-bucket={b.key} data-nil>
            —
          </td>
        ) : (
          <td key={b.key} data-bucket={b.key}>
            {formatMoney(f[b.key], currency, locale)}
          </td>
        ),
      )}
      <td data-testid={`${prefix}-open`}>{formatMoney(f.open, currency, locale)}</td>
      <td data-testid={`${prefix}-overdue`}>{formatMoney(f.overdue, currency, locale)}</td>
    </>
  );
}

function baseRow(base: BaseCurrencyTotals, locale: string) {
  return (
    <tr data-testid="base-total-row" data-base-currency={base.base}>
      <th scope="row" className="px-3 py-3 text-left">
        <span className="font-semibold">All in {base.base}</span>
        <span className="block whitespace-nowrap text-xs font-normal text-slate-500">at dated rates</span>
      </th>
      {figureCells(base, base.base, locale, "base")}
      <td />
    </tr>
  );
}

function totalsRow(t: CurrencyTotals, locale: string) {
  return (
    <tr key={t.currency} data-currency={t.currency}>
      <th scope="row" className="px-3 py-3 text-left">
        <span className="font-semibold">{t.currency}</span>
        <span className="block whitespace-nowrap text-xs font-normal text-slate-500">
          {t.accounts} accounts · {t.overdueAccounts} overdue
        </span>
      </th>
      {figureCells(t, t.currency, locale, "total")}
      <td className="px-3 py-3">
        <div className="flex h-2.5 w-32 overflow-hidden rounded-full bg-slate-100" aria-hidden>
          {AGING_BUCKETS.map((b) => (
            <span
              key={b.key}
              className={BUCKET_BAR[b.key]}
              style={{ width: `${t.open ? (100 * t[b.key]) / t.open : 0}%` }}
            />
          ))}
        </div>
      </td>
    </tr>
  );
}
