import { asOfNeeded, invoicesAsOf } from "@/lib/aging/aging-as-of";
import { INVOICES } from "@/lib/aging/aging-totals";
import { bucketConditions } from "@/lib/aging/bucket-sql";
import { AGING_BUCKETS, bucketFor } from "@/lib/aging/buckets";
import type { AccountQuery } from "@/lib/aging/list-accounts";
import { customerSearchSql } from "@/lib/customers/customer-search";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, daysBetween } from "@/lib/time/dates";
import type { ExportColumn } from "./columns";

/** One open invoice of the aging export, whatever the file format. */
export interface AgingExportRow {
  reference: string;
  name: string;
  number: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  currency: string;
  amountMinor: number;
  paidMinor: number;
  openMinor: number;
  daysPastDue: number;
  bucket: string;
  asOf: DateOnly;
}

/** The report's filters an invoice export follows (the page's query, lib/aging/list-accounts.ts). */
export type AgingExportFilter = Pick<AccountQuery, "q" | "currency" | "bucket">;

export const AGING_EXPORT_COLUMNS: ExportColumn<AgingExportRow>[] = [
  { header: "Customer reference", width: 14, cell: (r) => ({ text: r.reference }) },
  { header: "Customer", width: 32, cell: (r) => ({ text: r.name }) },
  { header: "Invoice number", width: 16, cell: (r) => ({ text: r.number }) },
  { header: "Issue date", width: 12, cell: (r) => ({ date: r.issueDate }) },
  { header: "Due date", width: 12, cell: (r) => ({ date: r.dueDate }) },
  { header: "Currency", width: 9, cell: (r) => ({ text: r.currency }) },
  { header: "Amount", width: 14, cell: (r) => ({ amount: r.amountMinor, currency: r.currency }) },
  { header: "Paid", width: 14, cell: (r) => ({ amount: r.paidMinor, currency: r.currency }) },
  { header: "Open", width: 14, cell: (r) => ({ amount: r.openMinor, currency: r.currency }) },
  { header: "Days past due", width: 12, cell: (r) => ({ count: r.daysPastDue }) },
  { header: "Bucket", width: 12, cell: (r) => ({ text: r.bucket }) },
  { header: "As of", width: 12, cell: (r) => ({ date: r.asOf }) },
];
export const AGING_EXPORT_HEADERS = AGING_EXPORT_COLUMNS.map((c) => c.header);
const PAGE = 5000;
const BUCKET_LABEL = Object.fromEntries(
  AGING_BUCKETS.map((b) => [b.key, b.key === "current" ? "Current" : `${b.label} days`]),
);

/**
 * The open invoices on `asOf` (today: from paid_minor unless rows are dated
 * after today; otherwise from the dated movements), in pages by customer name (sorted as on the report) and invoice
 * number, so that no export holds every invoice in memory.
 */
export async function* agingExportRows(
  tx: DbOrTx,
  opts: { orgId: string; asOf: DateOnly; today: DateOnly; filter?: AgingExportFilter },
): AsyncGenerator<AgingExportRow> {
  // The report's filters: its search (customerSearchSql, the same SQL), a currency, and a bucket, which here
  // keeps the invoices in it (on the report it keeps the accounts that have one).
  const f = opts.filter ?? {};
  const filters = Prisma.sql`${customerSearchSql(opts.orgId, f.q)}
    ${f.currency ? Prisma.sql`AND i.currency = ${f.currency}` : Prisma.empty}
    ${f.bucket ? Prisma.sql`AND ${bucketConditions(opts.asOf, "i.due_date")[f.bucket]}` : Prisma.empty}`;
  // Today too goes through invoicesAsOf when rows are dated after today (aging-as-of.ts).
  const asOf = await asOfNeeded(tx, opts);
  const source = asOf ? invoicesAsOf({ orgId: opts.orgId, asOf }) : INVOICES;
  let after: { name: string; number: string } | null = null;
  for (;;) {
    const cursor: Prisma.Sql = after
      ? Prisma.sql`AND (c.name COLLATE "und-x-icu", i.number) > (${after.name}, ${after.number})`
      : Prisma.empty;
    const rows = await tx.$queryRaw<
      {
        reference: string;
        name: string;
        number: string;
        issue_date: Date;
        due_date: Date;
        currency: string;
        amount_minor: bigint;
        paid_minor: bigint;
      }[]
    >(Prisma.sql`
      SELECT c.reference, c.name, i.number, i.issue_date, i.due_date, i.currency, i.amount_minor, i.paid_minor
      FROM ${source} i JOIN customers c ON c.id = i.customer_id
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${filters} ${cursor}
      ORDER BY c.name COLLATE "und-x-icu", i.number
      LIMIT ${PAGE}`);
    for (const r of rows) {
      const amountMinor = toMinor(r.amount_minor);
      const paidMinor = toMinor(r.paid_minor);
      const dueDate = dateOnlyFromDb(r.due_date);
      const daysPastDue = daysBetween(dueDate, opts.asOf);
      yield {
        reference: r.reference,
        name: r.name,
        number: r.number,
        issueDate: dateOnlyFromDb(r.issue_date),
        dueDate,
        currency: r.currency,
        amountMinor,
        paidMinor,
        openMinor: amountMinor - paidMinor,
        daysPastDue,
        bucket: BUCKET_LABEL[bucketFor(daysPastDue)],
        asOf: opts.asOf,
      };
    }
    if (rows.length < PAGE) return;
    after = { name: rows[rows.length - 1].name, number: rows[rows.length - 1].number };
  }
}
