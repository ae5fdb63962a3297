import type { AccountQuery } from "@/lib/aging/list-accounts";

/**
 * The report's date: today or any past date, as a GET parameter so an as-of
 * report can be bookmarked; and the CSV and XLSX exports of exactly that date
 * and the filters on screen, per invoice and per account.
 */
export function AsOfForm({
  query,
  asOf,
  today,
  error,
}: {
  query: AccountQuery;
  asOf: string;
  today: string;
  error?: string;
}) {
  const keep = Object.entries({
    sort: query.sort,
    dir: query.dir,
    q: query.q,
    bucket: query.bucket,
    currency: query.currency,
  }).filter(([, v]) => v);
  // The exports follow what is on screen: the same filters, sort and date, parsed by the same schema.
  const exportQuery = new URLSearchParams([...keep, ["asOf", asOf]] as [string, string][]).toString();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form method="get" className="flex items-end gap-2" aria-label="Report date">
        {keep.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <div>
          <label htmlFor="asOf" className="block text-xs font-medium text-slate-600">
            As of
          </label>
          <input
            id="asOf"
            name="asOf"
            type="date"
            defaultValue={asOf}
            max={today}
            aria-invalid={error ? true : undefined}
            aria-describedby="asOf-error"
            className="mt-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100"
          />
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          Show
        </button>
      </form>
      <ExportLinks label="Invoices" href={`/api/exports/aging?${exportQuery}`} testId="export-invoices" primary />
      <ExportLinks label="Accounts" href={`/api/exports/aging/accounts?${exportQuery}`} testId="export-accounts" />
      <p id="asOf-error" aria-live="polite" className="w-full text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}

function ExportLinks({
  label,
  href,
  testId,
  primary,
}: {
  label: string;
  href: string;
  testId: string;
  primary?: boolean;
}) {
  const style = primary
    ? "bg-slate-900 text-white hover:bg-slate-700"
    : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50";
  return (
    <span className="inline-flex items-center gap-1 text-sm" data-testid={testId}>
      <span className="text-slate-600">{label}:</span>
      <a
        href={href}
        download
        className={`rounded-md px-3 py-1.5 font-medium ${style}`}
        aria-label={`Export ${label.toLowerCase()} as CSV`}
      >
        CSV
      </a>
      <a
        href={`${href}&format=xlsx`}
        download
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-50"
        aria-label={`Export ${label.toLowerCase()} as XLSX`}
      >
        XLSX
      </a>
    </span>
  );
}
