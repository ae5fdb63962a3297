import { AGING_BUCKETS } from "@/lib/aging/buckets";
import type { AccountQuery } from "@/lib/aging/list-accounts";

/** A plain GET form: filters live in the URL, so a filtered report can be bookmarked and shared. */
export function AccountFilters({ query, currencies }: { query: AccountQuery; currencies: string[] }) {
  const field =
    "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> around a form is still patchy in screen readers; role="search" is read everywhere
    <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Filter accounts">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      {query.asOf && <input type="hidden" name="asOf" value={query.asOf} />}
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Customer
        <input
          name="q"
          defaultValue={query.q ?? ""}
          placeholder="Name, reference, email, invoice no."
          className={`${field} mt-1 w-64`}
        />
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Bucket
        <select name="bucket" defaultValue={query.bucket ?? ""} className={`${field} mt-1`}>
          <option value="">All</option>
          {AGING_BUCKETS.map((b) => (
            <option key={b.key} value={b.key}>
              {b.key === "current" ? "Current" : `${b.label} days`}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Currency
        <select name="currency" defaultValue={query.currency ?? ""} className={`${field} mt-1`}>
          <option value="">All</option>
          {currencies.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Apply
      </button>
      {(query.q || query.bucket || query.currency) && (
        <a href="/" className="py-1.5 text-sm text-slate-600 hover:underline">
          Clear
        </a>
      )}
    </form>
  );
}
