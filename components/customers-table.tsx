import Link from "next/link";
import { CUSTOMER_TYPE_LABEL, LANGUAGE_LABEL } from "@/lib/customers/customer-fields";
import type { CustomerListRow, CustomerQuery } from "@/lib/customers/list-customers";
import { formatDateOnly } from "@/lib/time/dates";
import { Money } from "./money";
import { ScrollRegion } from "./scroll-region";

type Sort = CustomerQuery["sort"];

/** The list's URL with the same search and filters and another sort or page. */
export function customersHref(query: CustomerQuery, change: Partial<CustomerQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const key of ["q", "language", "currency", "country", "type", "balance", "paused", "assigned"] as const) {
    if (next[key]) params.set(key, next[key]);
  }
  params.set("sort", next.sort);
  params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  return `/customers?${params}`;
}

function SortHeader({ query, sort, children }: { query: CustomerQuery; sort: Sort; children: React.ReactNode }) {
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      className="whitespace-nowrap px-2.5 py-2 text-left font-medium"
    >
      <Link
        href={customersHref(query, { sort, dir, page: 1 })}
        className={`inline-flex items-center gap-1 hover:text-slate-900 ${active ? "text-slate-900" : ""}`}
      >
        {children}
        <span aria-hidden className="text-[10px]">
          {active ? (query.dir === "asc" ? "▲" : "▼") : ""}
        </span>
      </Link>
    </th>
  );
}

export function CustomersTable({
  rows,
  query,
  locale,
}: {
  rows: CustomerListRow[];
  query: CustomerQuery;
  locale: string;
}) {
  if (!rows.length)
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm text-slate-600">
        No customer matches. Search looks at names, references, email addresses and invoice numbers; accents and case do
        not matter.
      </p>
    );
  return (
    <ScrollRegion label="Customers" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="customers-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            <SortHeader query={query} sort="name">
              Customer
            </SortHeader>
            <SortHeader query={query} sort="reference">
              Reference
            </SortHeader>
            <th scope="col" className="hidden px-2.5 py-2 text-left font-medium md:table-cell">
              Email
            </th>
            <th scope="col" className="hidden px-2.5 py-2 text-left font-medium lg:table-cell">
              Country · type · language
            </th>
            <th scope="col" className="px-2.5 py-2 text-right font-medium">
              Open balance
            </th>
            <th scope="col" className="hidden px-2.5 py-2 text-left font-medium sm:table-cell">
              Dunning
            </th>
            <th scope="col" className="hidden px-2.5 py-2 text-left font-medium md:table-cell">
              Assigned to
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((c) => (
            <tr key={c.id} className="hover:bg-slate-50">
              <td className="px-2.5 py-2">
                <Link href={`/customers/${c.id}`} className="font-medium text-slate-900 hover:underline">
                  {c.name}
                </Link>
              </td>
              <td className="whitespace-nowrap px-2.5 py-2 font-mono text-xs text-slate-600">{c.reference}</td>
              <td className="hidden px-2.5 py-2 text-slate-600 md:table-cell">{c.email}</td>
              <td className="hidden whitespace-nowrap px-2.5 py-2 text-slate-600 lg:table-cell">
                {c.countryCode ?? "—"} · {CUSTOMER_TYPE_LABEL[c.type as keyof typeof CUSTOMER_TYPE_LABEL] ?? c.type} ·{" "}
                {LANGUAGE_LABEL[c.language as keyof typeof LANGUAGE_LABEL] ?? c.language}
              </td>
              <td className="px-2.5 py-2 text-right tabular-nums">
                {c.open.length ? (
                  c.open.map((o) => (
                    <div key={o.currency}>
                      <Money minor={o.minor} currency={o.currency} locale={locale} />
                    </div>
                  ))
                ) : (
                  <span className="text-slate-500">Paid up</span>
                )}
              </td>
              <td className="hidden px-2.5 py-2 sm:table-cell">
                {c.pause ? (
                  <span
                    className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900"
                    title={c.pause.reason}
                  >
                    Paused{c.pause.until ? ` until ${formatDateOnly(c.pause.until, locale)}` : ""}
                  </span>
                ) : (
                  <span className="text-xs text-slate-500">Active</span>
                )}
              </td>
              <td className="hidden px-2.5 py-2 text-slate-600 md:table-cell" data-testid="assigned-to">
                {c.assignedTo ?? <span className="text-xs text-slate-500">Nobody</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
