import type { CurrencyTotals } from "@/lib/aging/aging-totals";
import { AGING_BUCKETS } from "@/lib/aging/buckets";
import { Money } from "./money";
import { ScrollRegion } from "./scroll-region";

const BUCKET_TEXT: Record<string, string> = {
  current: "text-slate-700",
  d1_30: "text-amber-700",
  d31_60: "text-orange-700",
  d61_90: "text-red-700",
  d90_plus: "text-red-800 font-semibold",
};
const BUCKET_BAR: Record<string, string> = {
  current: "bg-emerald-400",
  d1_30: "bg-amber-300",
  d31_60: "bg-orange-400",
  d61_90: "bg-red-500",
  d90_plus: "bg-red-700",
};

/** Aging summary: one row per currency (amounts in different currencies are never added up). */
export function AgingTotals({ totals, locale }: { totals: CurrencyTotals[]; locale: string }) {
  if (!totals.length) {
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500">No open receivables.</p>;
  }
  return (
    <ScrollRegion label="Aging totals" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="aging-totals">
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
          {totals.map((t) => (
            <tr key={t.currency} data-currency={t.currency}>
              <th scope="row" className="px-3 py-3 text-left">
                <span className="font-semibold">{t.currency}</span>
                <span className="block whitespace-nowrap text-xs font-normal text-slate-500">
                  {t.accounts} accounts · {t.overdueAccounts} overdue
                </span>
              </th>
              {AGING_BUCKETS.map((b) => (
                <td key={b.key} className={`px-3 py-3 text-right ${BUCKET_TEXT[b.key]}`} data-bucket={b.key}>
                  <Money minor={t[b.key]} currency={t.currency} locale={locale} quietZero />
                </td>
              ))}
              <td className="px-3 py-3 text-right font-semibold" data-testid="total-open">
                <Money minor={t.open} currency={t.currency} locale={locale} />
              </td>
              <td className="px-3 py-3 text-right text-red-700" data-testid="total-overdue">
                <Money minor={t.overdue} currency={t.currency} locale={locale} />
              </td>
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
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
