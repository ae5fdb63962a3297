import Link from "next/link";
import { AGING_BUCKETS } from "@/lib/aging/buckets";
import type { AccountQuery, AccountRow, AccountSort } from "@/lib/aging/list-accounts";
import { formatMoney } from "@/lib/money/money";
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
  // The header's looks are on the <thead> (AccountsTable): ten of these on every report.
  return (
    <th
      scope="col"
      aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"}
      className={align === "left" ? "text-left!" : undefined}
    >
      <Link href={sortHref(query, sort)}>
        {children}
        <span aria-hidden>{active ? (query.dir === "asc" ? "▲" : "▼") : ""}</span>
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
  base,
}: {
  rows: AccountRow[];
  query: AccountQuery;
  locale: string;
  timeZone: string;
  /** The id of the selection toolbar's form; each account then has a checkbox posting to it. */
  selectForm?: string;
  /** The base currency: sorted by open, each foreign amount shows its converted figure below it. */
  base: string;
}) {
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const nil = <td data-nil>—</td>;
  // Cell styles live on the table ([&_td]:…, the .flag/.tag/[data-nil] rules in globals.css),
  // not on each of the 250 cells: the page's HTML and its React payload both carry every
  // attribute once per cell, so a row is its text and as few attributes as it needs.
  return (
    <ScrollRegion label="Accounts" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <table
        className="min-w-full text-sm [&_td]:whitespace-nowrap [&_td]:px-2.5 [&_td]:py-2 [&_td]:text-right [&_td:first-child]:min-w-60 [&_td:first-child]:whitespace-normal [&_td:first-child]:text-left [&_td:nth-child(2)]:font-medium [&_td:nth-child(9)]:text-slate-600 [&_td>a]:font-medium [&_td>a]:text-slate-900 [&_td>a:hover]:text-brand-700 [&_td>a:hover]:underline [&_small]:text-xs [&_small]:text-slate-500 [&_td>div]:text-xs [&_td>div]:font-normal [&_td>div]:text-slate-500 [&_td[data-late]]:font-medium [&_td[data-late]]:text-red-700 [&_input]:size-4 [&_input]:rounded [&_input]:border-slate-300 [&_input]:accent-brand-600"
        data-testid="accounts-table"
      >
        <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500 [&_th]:whitespace-nowrap [&_th]:px-2.5 [&_th]:py-2 [&_th]:text-right [&_th]:font-medium [&_a]:inline-flex [&_a]:items-center [&_a]:gap-1 [&_a:hover]:text-slate-900 [&_th:not([aria-sort=none])_a]:text-slate-900 [&_span]:text-[10px]">
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
        <tbody className="divide-y divide-slate-100 [&_tr:hover]:bg-slate-50">
          {rows.length === 0 && (
            <tr>
              <td colSpan={10} className="py-8 text-center! text-slate-500">
                No accounts match these filters.
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={`${r.customerId}-${r.currency}`}>
              <td>
                {selectForm && (
                  <>
                    <SelectBox form={selectForm} account={r} label={`${r.name} (${r.currency})`} bare />{" "}
                  </>
                )}
                <OverdueFlag daysPastDue={r.oldestDaysPastDue} />{" "}
                {/* A plain link: a page of 25 rows would otherwise prefetch 25 customer pages from the server. */}
                <a href={`/customers/${r.customerId}`}>{r.name}</a> <small>{r.currency}</small>
              </td>
              <td>
                {formatMoney(r.open, r.currency, locale)}
                {r.openInBase !== null && r.currency !== base && (
                  <div data-testid="open-in-base">≈ {formatMoney(r.openInBase, base, locale)}</div>
                )}
              </td>
              {AGING_BUCKETS.map((b) =>
                r[b.key] === 0 ? (
                  <td key={b.key} data-bucket={b.key} data-nil>
                    —
                  </td>
                ) : (
                  <td key={b.key} data-bucket={b.key}>
                    {formatMoney(r[b.key], r.currency, locale)}
                  </td>
                ),
              )}
              {r.oldestDaysPastDue > 0 ? <td data-late>{`${r.oldestDaysPastDue} d`}</td> : <td data-nil>not due</td>}
              {r.lastContactAt ? <td>{dateFmt.format(r.lastContactAt)}</td> : nil}
              {r.stage ? (
                <td>
                  <span className="tag">{`Letter ${r.stage}`}</span>
                </td>
              ) : (
                nil
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
