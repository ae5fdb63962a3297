import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { promiseKeptRate } from "@/lib/dashboard/promise-kept";
import { formatDateOnly } from "@/lib/time/dates";
import { Money } from "./money";

type PerCurrency = Dashboard["perCurrency"][number];

/** Today's figures, one card per currency: amounts in different currencies are never added up. */
export function CurrencyCards({ rows, locale }: { rows: PerCurrency[]; locale: string }) {
  if (!rows.length)
    return <p className="rounded-xl border border-slate-200 bg-white p-6 text-slate-500">No receivables yet.</p>;
  return (
    <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {rows.map((r) => (
        <li
          key={r.currency}
          data-testid="currency-card"
          data-currency={r.currency}
          className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        >
          <h3 className="text-sm font-semibold text-slate-900">{r.currency}</h3>
          <dl className="mt-2 grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
            <Figure label="Total open" testId="dash-open">
              <Money minor={r.open} currency={r.currency} locale={locale} />
            </Figure>
            <Figure label={`Overdue (${r.overdueAccounts} of ${r.accounts} accounts)`} testId="dash-overdue">
              <span className="text-red-700">
                <Money minor={r.overdue} currency={r.currency} locale={locale} />
              </span>
            </Figure>
            <Figure label="DSO" testId="dash-dso">
              {r.dso === null ? (
                <span className="text-slate-500">no invoices in 90 days</span>
              ) : (
                `${r.dso.toLocaleString(locale, { maximumFractionDigits: 1 })} days`
              )}
            </Figure>
            <Figure label="Invoiced, last 90 days">
              <Money minor={r.invoicedInDsoPeriod} currency={r.currency} locale={locale} />
            </Figure>
            <Figure label="Collected this month" testId="dash-collected-this-month">
              <Money minor={r.collectedThisMonth} currency={r.currency} locale={locale} />
            </Figure>
            <Figure label="Collected last month">
              <Money minor={r.collectedLastMonth} currency={r.currency} locale={locale} />
            </Figure>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function Figure(props: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{props.label}</dt>
      <dd className="text-base font-semibold text-slate-900" data-testid={props.testId}>
        {props.children}
      </dd>
    </div>
  );
}

function percent(rate: number | null, locale: string): string {
  return rate === null ? "–" : rate.toLocaleString(locale, { style: "percent", maximumFractionDigits: 0 });
}

/** Promises kept, letters per stage, hand-offs: counts, the same in every currency. */
export function ActivityCards({ dashboard, locale }: { dashboard: Dashboard; locale: string }) {
  const { promises, letters, handoffs } = dashboard;
  const month = (day: string) => formatDateOnly(day, locale, "long").replace(/^\d+\.?\s*/, "");
  const handedThisMonth = handoffs.reduce((n, h) => n + h.inPeriod, 0);
  const handedTotal = handoffs.reduce((n, h) => n + h.total, 0);
  return (
    <div className="grid gap-4 md:grid-cols-3">
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="promises-h">
        <h3 id="promises-h" className="text-sm font-semibold text-slate-900">
          Promises to pay kept
        </h3>
        <p className="mt-1 text-2xl font-semibold" data-testid="promise-kept-rate">
          {percent(promiseKeptRate(promises.thisMonth), locale)}
        </p>
        <p className="text-xs text-slate-500" data-testid="promise-kept-this-month">
          Due this month: {promises.thisMonth.kept} kept, {promises.thisMonth.broken} broken,{" "}
          {promises.thisMonth.pending} not yet due or met
        </p>
        <p className="mt-1 text-xs text-slate-500">
          Last month: {percent(promiseKeptRate(promises.lastMonth), locale)} ({promises.lastMonth.kept} kept,{" "}
          {promises.lastMonth.broken} broken)
        </p>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="letters-h">
        <h3 id="letters-h" className="text-sm font-semibold text-slate-900">
          Letters sent this month
        </h3>
        <table className="mt-2 w-full text-sm" data-testid="letters-per-stage">
          <caption className="sr-only">Letters sent since {month(dashboard.thisMonth)} began, per stage</caption>
          <tbody>
            {letters.map((l) => (
              <tr key={l.stage} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1 text-left font-normal text-slate-600">
                  Letter {l.stage}
                  {l.stage === 4 && " (final, registered)"}
                </th>
                <td className="py-1 text-right font-semibold" data-stage={l.stage}>
                  {l.letters}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="handoffs-h">
        <h3 id="handoffs-h" className="text-sm font-semibold text-slate-900">
          Accounts handed to agencies
        </h3>
        <p className="mt-1 text-2xl font-semibold" data-testid="handoffs-this-month">
          {handedThisMonth} <span className="text-sm font-normal text-slate-500">this month</span>
        </p>
        <p className="text-xs text-slate-500" data-testid="handoffs-total">
          {handedTotal} in all
        </p>
        <ul className="mt-1 text-xs text-slate-600">
          {handoffs.map((h) => (
            <li key={h.currency}>
              {h.currency}: <Money minor={h.inPeriodMinor} currency={h.currency} locale={locale} /> this month,{" "}
              <Money minor={h.totalMinor} currency={h.currency} locale={locale} /> in all
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
