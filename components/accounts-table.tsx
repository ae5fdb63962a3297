import Link from "next/link";
import { AGING_BUCKETS } from "@/lib/aging/buckets";
import type { AccountQuery, AccountRow, AccountSort } from "@/lib/aging/list-accounts";
import { Money } from "./money";
import { OverdueFlag } from "./overdue-flag";
import { ScrollRegion } from "./scroll-region";
import { SelectBox } from "./select-box";

function sortHref(query: AccountQuery, sort: AccountSort): string {
  const dir = query.sort === sort && query.dir === "desc" ? "asc" : "desc";
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.currency) params.set("currency", query.currency);
  if (query.bucket) params.set("bucket", query.bucket);
  if (query.asOf) params.set("asOf", query.asOf);
  params.set("sort", sort);
  params.set("dir", dir);
  return `/?${params}`;
}

function SortHeader({
  query,
  sort,
  children,
  align = "right",
}: {
  query: AccountQuery;
  sort: AccountSort;
  children: React.ReactNode;
  align?: "left" | "right";
}) {
  const active = query.sort === sort;
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      className={`whitespace-nowrap px-2.5 py-2 font-medium ${align === "right" ? "text-right" : "text-left"}`}
    >
      <Link
        href={sortHref(query, sort)}
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

export function AccountsTable({
  rows,
  query,
  locale,
  timeZone,
  selectForm,
}: {
  rows: AccountRow[];
  query: AccountQuery;
  locale: string;
  timeZone: string;
  /** The id of the selection toolbar's form; each account then has a checkbox posting to it. */
  selectForm?: string;
}) {
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  return (
    <ScrollRegion label="Accounts" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full text-sm" data-testid="accounts-table">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <SortHeader query={query} sort="name" align="left">
              Account
            </SortHeader>
            <SortHeader query={query} sort="open">
              Open
            </SortHeader>
            {AGING_BUCKETS.map((b) => (
              <SortHeader key={b.key} query={query} sort={b.key}>
                {b.label}
              </SortHeader>
            ))}
            <SortHeader query={query} sort="oldest">
              Oldest
            </SortHeader>
            <SortHeader query={query} sort="last_contact">
              Last contact
            </SortHeader>
            <SortHeader query={query} sort="stage">
              Letter
            </SortHeader>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.length === 0 && (
            <tr>
              <td colSpan={10} className="px-3 py-8 text-center text-slate-500">
                No accounts match these filters.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={`${r.customerId}-${r.currency}`} className="hover:bg-slate-50" data-customer-id={r.customerId}>
              <td className="min-w-60 px-2.5 py-2">
                <div className="flex items-center gap-2">
                  {selectForm && <SelectBox form={selectForm} account={r} label={`${r.name} (${r.currency})`} />}
                  <OverdueFlag daysPastDue={r.oldestDaysPastDue} />
                  <Link
                    href={`/customers/${r.customerId}`}
                    className="font-medium text-slate-900 hover:text-brand-700 hover:underline"
                  >
                    {r.name}
                  </Link>
                  <span className="text-xs text-slate-500">{r.currency}</span>
                </div>
              </td>
              <td className="px-2.5 py-2 text-right font-medium">
                <Money minor={r.open} currency={r.currency} locale={locale} />
              </td>
              {AGING_BUCKETS.map((b) => (
                <td key={b.key} className="px-2.5 py-2 text-right" data-bucket={b.key}>
                  <Money minor={r[b.key]} currency={r.currency} locale={locale} quietZero />
                </td>
              ))}
              <td className="whitespace-nowrap px-2.5 py-2 text-right">
                {r.oldestDaysPastDue > 0 ? (
                  <span className="font-medium text-red-700">{r.oldestDaysPastDue} d</span>
                ) : (
                  <span className="text-slate-500">not due</span>
                )}
              </td>
              <td className="whitespace-nowrap px-2.5 py-2 text-right text-slate-600">
                {r.lastContactAt ? dateFmt.format(r.lastContactAt) : <span className="text-slate-500">—</span>}
              </td>
              <td className="whitespace-nowrap px-2.5 py-2 text-right">
                {r.stage ? (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">
                    Letter {r.stage}
                  </span>
                ) : (
                  <span className="text-slate-500">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
