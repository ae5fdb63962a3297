import type { AccountQuery } from "@/lib/aging/list-accounts";

/**
 * The report's date: today or any past date, as a GET parameter so an as-of
 * report can be bookmarked; and the CSV and XLSX exports of exactly that date.
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
      <a
        href={`/api/exports/aging?asOf=${asOf}`}
        download
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Export CSV
      </a>
      <a
        href={`/api/exports/aging?asOf=${asOf}&format=xlsx`}
        download
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
      >
        Export XLSX
      </a>
      <p id="asOf-error" aria-live="polite" className="w-full text-sm text-red-700 empty:hidden">
        {error}
      </p>
    </div>
  );
}
