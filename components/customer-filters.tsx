import { CUSTOMER_TYPE_LABEL, LANGUAGE_LABEL } from "@/lib/customers/customer-fields";
import type { CustomerQuery } from "@/lib/customers/list-customers";

const field =
  "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

function Select({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
}) {
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={value ?? ""} className={`${field} mt-1`}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A plain GET form: the list's search and filters live in the URL. */
export function CustomerFilters({
  query,
  currencies,
  countries,
}: {
  query: CustomerQuery;
  currencies: string[];
  countries: [string, string][];
}) {
  const filtered =
    query.q ||
    query.language ||
    query.currency ||
    query.country ||
    query.type ||
    query.balance ||
    query.paused ||
    query.assigned;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> around a form is still patchy in screen readers; role="search" is read everywhere
    <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Find customers">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <label className="flex flex-col text-xs font-medium text-slate-600">
        Search
        <input
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Name, reference, email, invoice no."
          className={`${field} mt-1 w-64`}
        />
      </label>
      <Select name="language" label="Language" value={query.language} options={Object.entries(LANGUAGE_LABEL)} />
      <Select name="currency" label="Currency" value={query.currency} options={currencies.map((c) => [c, c])} />
      <Select name="country" label="Country" value={query.country} options={countries} />
      <Select name="type" label="Type" value={query.type} options={Object.entries(CUSTOMER_TYPE_LABEL)} />
      <Select
        name="balance"
        label="Open balance"
        value={query.balance}
        options={[
          ["open", "With open balance"],
          ["none", "Paid up"],
        ]}
      />
      <Select
        name="paused"
        label="Dunning"
        value={query.paused}
        options={[
          ["yes", "Paused"],
          ["no", "Active"],
        ]}
      />
      <Select
        name="assigned"
        label="Assigned to"
        value={query.assigned}
        options={[
          ["me", "My accounts"],
          ["none", "Nobody"],
        ]}
      />
      <button
        type="submit"
        className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700"
      >
        Apply
      </button>
      {filtered && (
        <a href="/customers" className="py-1.5 text-sm text-slate-600 hover:underline">
          Clear
        </a>
      )}
    </form>
  );
}
