import { type CustomerListRow, type CustomerQuery, listCustomers } from "@/lib/customers/list-customers";
import type { DbOrTx } from "@/lib/db/client";
import { formatPlainAmount } from "@/lib/imports/parse-values";
import type { DateOnly } from "@/lib/time/dates";
import type { ExportColumn } from "./columns";

// The customer list as a file, with the list's search and filters, read through the
// query the page reads (listCustomers), a page at a time.

const PAGE = 1000;

export const CUSTOMER_EXPORT_COLUMNS: ExportColumn<CustomerListRow>[] = [
  { header: "Reference", width: 14, cell: (r) => ({ text: r.reference }) },
  { header: "Name", width: 32, cell: (r) => ({ text: r.name }) },
  { header: "Email", width: 28, cell: (r) => ({ text: r.email }) },
  { header: "Country", width: 8, cell: (r) => ({ text: r.countryCode ?? "" }) },
  { header: "Type", width: 12, cell: (r) => ({ text: r.type }) },
  { header: "Language", width: 9, cell: (r) => ({ text: r.language }) },
  { header: "Currency", width: 9, cell: (r) => ({ text: r.currency }) },
  {
    header: "Open",
    width: 28,
    cell: (r) => ({ text: r.open.map((o) => `${o.currency} ${formatPlainAmount(o.minor, o.currency)}`).join("; ") }),
  },
  { header: "Dunning paused", width: 24, cell: (r) => ({ text: r.pause ? r.pause.reason : "" }) },
  { header: "Paused until", width: 12, cell: (r) => ({ date: r.pause?.until ?? null }) },
];

/** Every customer the list's query matches, in its order (the page number is ignored). */
export async function* customerExportRows(
  tx: DbOrTx,
  /** userId: the signed-in user, for "assigned to me" (as on the page). */
  opts: { orgId: string; today: DateOnly; query: CustomerQuery; userId?: string },
): AsyncGenerator<CustomerListRow> {
  for (let page = 1; ; page++) {
    const { rows } = await listCustomers(tx, {
      ...opts,
      query: { ...opts.query, page },
      pageSize: PAGE,
      countless: true,
    });
    yield* rows;
    if (rows.length < PAGE) return;
  }
}
