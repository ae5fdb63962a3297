import { AGING_BUCKETS } from "@/lib/aging/buckets";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import { formatMoney, minorDigits } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { BarChart, type ChartBar } from "./bar-chart";
import { ScrollRegion } from "./scroll-region";

// The same colours as the aging report's distribution bar (components/aging-totals.tsx).
const BUCKET_COLOR: Record<string, string> = {
  current: "#34d399",
  d1_30: "#fcd34d",
  d31_60: "#fb923c",
  d61_90: "#ef4444",
  d90_plus: "#b91c1c",
};
const BUCKET_SERIES = AGING_BUCKETS.map((b) => ({
  key: b.key,
  label: b.key === "current" ? "Current" : `${b.label} days`,
  color: BUCKET_COLOR[b.key],
}));

function monthLabels(month: string, i: number, locale: string) {
  const date = new Date(`${month}T00:00:00Z`);
  return {
    label: new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(date),
    sublabel: i === 0 || month.endsWith("-01-01") ? month.slice(0, 4) : undefined,
    long: new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(date),
  };
}

function tickFormatter(currency: string, locale: string) {
  const unit = 10 ** minorDigits(currency);
  const fmt = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
  return (minor: number) => fmt.format(minor / unit);
}

function FiguresTable(props: { caption: string; children: React.ReactNode }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-slate-50/60 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-700">The figures as a table</summary>
      <ScrollRegion label={`${props.caption}, table`} className="mt-2">
        <table className="min-w-full text-sm [&_td]:px-2 [&_td]:py-1 [&_td]:text-right [&_td]:whitespace-nowrap [&_tbody_th]:whitespace-nowrap [&_tbody_th]:px-2 [&_tbody_th]:py-1 [&_tbody_th]:text-left [&_tbody_th]:font-normal [&_tbody_tr]:border-t [&_tbody_tr]:border-slate-200 [&_thead]:text-xs [&_thead]:text-slate-500 [&_thead_th]:px-2 [&_thead_th]:py-1 [&_thead_th]:text-right [&_thead_th]:font-medium [&_thead_th]:whitespace-nowrap">
          <caption className="sr-only">{props.caption}</caption>
          {props.children}
        </table>
      </ScrollRegion>
    </details>
  );
}

/** A chart with its heading; the notes and the table behind it follow as children. */
function ChartPanel({
  id,
  title,
  children,
  ...chart
}: Omit<Parameters<typeof BarChart>[0], "testId"> & { id: string; children: React.ReactNode }) {
  return (
    <section
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      aria-labelledby={`${id}-h`}
    >
      <h3 id={`${id}-h`} className="font-semibold text-slate-900">
        {title}
      </h3>
      <BarChart title={title} {...chart} testId={`${id}-chart`} />
      {children}
    </section>
  );
}

// Cell styles are the figures table's own (FiguresTable): twelve rows of cells carry no class strings.

/** Aging by bucket at each month-end of the last 12 months, from the daily snapshots. */
export function AgingHistoryChart({
  dashboard,
  currency,
  locale,
}: {
  dashboard: Dashboard;
  currency: string;
  locale: string;
}) {
  const snapshots = dashboard.history.filter((s) => s.currency === currency);
  const rows = dashboard.months.map((month, i) => ({
    month,
    ...monthLabels(month, i, locale),
    snap: snapshots.find((s) => s.month === month),
  }));
  const bars: ChartBar[] = rows.map((r) => ({
    label: r.label,
    sublabel: r.sublabel,
    values: r.snap ? Object.fromEntries(BUCKET_SERIES.map((b) => [b.key, r.snap?.[b.key] ?? 0])) : null,
  }));
  const withData = rows.filter((r) => r.snap);
  const last = withData.at(-1)?.snap;
  const anyDemo = withData.some((r) => r.snap?.source === "demo");
  const summary = last
    ? `Stacked bars of open ${currency} receivables by aging bucket at each month-end, ${rows[0].long} to ${rows.at(-1)?.long}; ${withData.length} of 12 months on record. Latest, ${formatDateOnly(last.day, locale, "long")}: ${formatMoney(last.open, currency, locale)} open, ${formatMoney(last.overdue, currency, locale)} overdue.`
    : `No aging snapshots in ${currency} yet for the last 12 months.`;
  return (
    <ChartPanel
      id="aging-history"
      title={`Aging by bucket at month-end, ${currency}`}
      summary={summary}
      series={BUCKET_SERIES}
      bars={bars}
      formatTick={tickFormatter(currency, locale)}
    >
      <p className="text-xs text-slate-600" data-testid="snapshot-note">
        Month-end figures are snapshots taken on that day; later corrections do not change them. This month’s bar is
        today’s figures (live, not a snapshot); a month with no snapshot is shown as –.
        {anyDemo && " Months marked “demo” were made up by the demo data, not recorded by the worker."}
      </p>
      <FiguresTable caption={`Aging by bucket at month-end, ${currency}`}>
        <thead>
          <tr>
            <th scope="col" className="text-left!">
              Month
            </th>
            <th scope="col" className="text-left!">
              Snapshot of
            </th>
            {BUCKET_SERIES.map((s) => (
              <th key={s.key} scope="col">
                {s.label}
              </th>
            ))}
            <th scope="col">Open</th>
            <th scope="col">Overdue</th>
          </tr>
        </thead>
        <tbody data-testid="aging-history-table">
          {rows.map((r) => (
            <tr key={r.month} data-month={r.month}>
              <th scope="row">{r.long}</th>
              <td className="text-left!">
                {r.snap ? formatDateOnly(r.snap.day, locale) : "no snapshot"}
                {r.snap?.source === "today" && " (today, live)"}
                {r.snap?.source === "demo" && (
                  <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">demo</span>
                )}
              </td>
              {BUCKET_SERIES.map((s) => (
                <td key={s.key}>
                  {r.snap ? (r.snap[s.key] ? formatMoney(r.snap[s.key], currency, locale) : "—") : "–"}
                </td>
              ))}
              <td className="font-semibold">{r.snap ? formatMoney(r.snap.open, currency, locale) : "–"}</td>
              <td>{r.snap ? formatMoney(r.snap.overdue, currency, locale) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </FiguresTable>
    </ChartPanel>
  );
}

/** Money collected per month (payments less reversals), the last 12 months. */
export function CollectionsChart({
  dashboard,
  currency,
  locale,
}: {
  dashboard: Dashboard;
  currency: string;
  locale: string;
}) {
  const rows = dashboard.months.map((month, i) => {
    const c = dashboard.collected.find((x) => x.month === month && x.currency === currency);
    return { month, ...monthLabels(month, i, locale), collected: c?.collected ?? 0, payments: c?.payments ?? 0 };
  });
  const sum = rows.reduce((s, r) => s + r.collected, 0);
  const best = rows.reduce((a, b) => (b.collected > a.collected ? b : a), rows[0]);
  const summary = `Bars of ${currency} collected per month, ${rows[0].long} to ${rows.at(-1)?.long}: ${formatMoney(sum, currency, locale)} in all; most in ${best.long}, ${formatMoney(best.collected, currency, locale)}.`;
  return (
    <ChartPanel
      id="collections"
      title={`Collected per month, ${currency}`}
      summary={summary}
      series={[{ key: "collected", label: "Collected", color: "#2553e0" }]}
      bars={rows.map((r) => ({
        label: r.label,
        sublabel: r.sublabel,
        values: { collected: Math.max(0, r.collected) },
      }))}
      formatTick={tickFormatter(currency, locale)}
    >
      <p className="text-xs text-slate-600">
        Payments by the day received, less reversed payments by the day reversed; this month up to today.
      </p>
      <FiguresTable caption={`Collected per month, ${currency}`}>
        <thead>
          <tr>
            <th scope="col" className="text-left!">
              Month
            </th>
            <th scope="col">Payments</th>
            <th scope="col">Collected</th>
          </tr>
        </thead>
        <tbody data-testid="collections-table">
          {rows.map((r) => (
            <tr key={r.month} data-month={r.month}>
              <th scope="row">{r.long}</th>
              <td>{r.payments}</td>
              <td className="font-semibold">{formatMoney(r.collected, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </FiguresTable>
    </ChartPanel>
  );
}
