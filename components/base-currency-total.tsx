import type { BaseCurrencyTotals } from "@/lib/aging/base-currency-totals";
import { EnterRatesLink } from "./comparison-note";
import { Money } from "./money";

/** Whether a base-currency total says anything the currency rows do not: some currency other than the base. */
export function showsBaseTotal(base: BaseCurrencyTotals): boolean {
  return base.comparison.rateDays.length > 0 || base.comparison.missing.length > 0;
}

/**
 * What a base-currency total rests on: "At rates of 2026-12-04 (KWD, NOK),
 * 2026-11-27 (JPY)", and each currency without a rate, named as left out.
 */
export function BaseTotalBasis({ base, admin }: { base: BaseCurrencyTotals; admin: boolean }) {
  const { rateDays, missing } = base.comparison;
  return (
    <div className="space-y-1 text-xs" data-testid="base-total-basis">
      {rateDays.length > 0 && (
        <p className="text-slate-600">
          In {base.base} at the rates of{" "}
          {rateDays.map((d, i) => (
            <span key={d.validOn}>
              {i > 0 && ", "}
              <time dateTime={d.validOn}>{d.validOn}</time> ({d.currencies.join(", ")})
            </span>
          ))}
          ; each currency's total converted once, rounded half to even.
        </p>
      )}
      {missing.length > 0 && (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-2 py-1 text-amber-900" role="status">
          No exchange rate for {missing.join(", ")}: not included in the {base.base} total.
          {admin && <EnterRatesLink />}
        </p>
      )}
    </div>
  );
}

/** The dashboard's card: all currencies' open and overdue in the base currency. */
export function BaseTotalCard({ base, locale, admin }: { base: BaseCurrencyTotals; locale: string; admin: boolean }) {
  return (
    <div
      className="space-y-2 rounded-xl border border-brand-100 bg-brand-50/40 p-4 shadow-sm"
      data-testid="base-total-card"
    >
      <h3 className="text-sm font-semibold text-slate-900">All currencies in {base.base}</h3>
      <dl className="grid grid-cols-2 gap-x-4 text-sm">
        <div>
          <dt className="text-xs text-slate-700">Total open</dt>
          <dd className="text-base font-semibold text-slate-900" data-testid="base-open">
            <Money minor={base.open} currency={base.base} locale={locale} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-700">Overdue</dt>
          <dd className="text-base font-semibold text-red-700" data-testid="base-overdue">
            <Money minor={base.overdue} currency={base.base} locale={locale} />
          </dd>
        </div>
      </dl>
      <BaseTotalBasis base={base} admin={admin} />
    </div>
  );
}
