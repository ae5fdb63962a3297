import { asOfArgs, asOfNeeded } from "@/lib/aging/aging-as-of";
import { type AccountQuery, type AccountRow, listAgingAccounts } from "@/lib/aging/list-accounts";
import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, todayIn } from "@/lib/time/dates";
import type { ExportColumn } from "./columns";

// The report's accounts (customer + currency) as a file: one row per account, in the
// report's sort, with its filters, read through the very query the page reads
// (listAgingAccounts), a page at a time, so the file says what the screen says.

const PAGE = 1000;

export interface AgingAccountExportRow extends AccountRow {
  /** The account's open amount past due: every bucket but "current". */
  overdue: number;
  /** The day of the last contact in the organization's time zone. */
  lastContactOn: DateOnly | null;
}

const money = (pick: (r: AgingAccountExportRow) => number) => (r: AgingAccountExportRow) => ({
  amount: pick(r),
  currency: r.currency,
});

export const AGING_ACCOUNT_COLUMNS: ExportColumn<AgingAccountExportRow>[] = [
  { header: "Customer", width: 32, cell: (r) => ({ text: r.name }) },
  { header: "Currency", width: 9, cell: (r) => ({ text: r.currency }) },
  { header: "Open", width: 14, cell: money((r) => r.open) },
  { header: "Overdue", width: 14, cell: money((r) => r.overdue) },
  { header: "Current", width: 14, cell: money((r) => r.current) },
  { header: "1–30 days", width: 14, cell: money((r) => r.d1_30) },
  { header: "31–60 days", width: 14, cell: money((r) => r.d31_60) },
  { header: "61–90 days", width: 14, cell: money((r) => r.d61_90) },
  { header: "90+ days", width: 14, cell: money((r) => r.d90_plus) },
  { header: "Oldest days past due", width: 12, cell: (r) => ({ count: r.oldestDaysPastDue }) },
  { header: "Letter stage", width: 10, cell: (r) => ({ count: r.stage }) },
  { header: "Last contact", width: 12, cell: (r) => ({ date: r.lastContactOn }) },
];

/** Every account the report's query matches as of `asOf`, in its order (the page number is ignored). */
export async function* agingAccountExportRows(
  tx: DbOrTx,
  opts: { orgId: string; timeZone: string; today: DateOnly; asOf: DateOnly; query: AccountQuery },
): AsyncGenerator<AgingAccountExportRow> {
  // As getAgingReport does: a past day (or rows dated after today) reads the dated movements.
  const asOf = await asOfNeeded(tx, opts);
  const args = { orgId: opts.orgId, today: opts.today, ...(asOf ? asOfArgs({ ...opts, asOf }) : {}) };
  for (let page = 1; ; page++) {
    const { rows } = await listAgingAccounts(tx, { ...args, query: { ...opts.query, page }, pageSize: PAGE, total: 0 });
    for (const r of rows) {
      yield {
        ...r,
        overdue: r.open - r.current,
        lastContactOn: r.lastContactAt ? todayIn(opts.timeZone, r.lastContactAt) : null,
      };
    }
    if (rows.length < PAGE) return;
  }
}
