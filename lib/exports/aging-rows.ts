import { asOfNeeded, invoicesAsOf } from "@/lib/aging/aging-as-of";
import { INVOICES } from "@/lib/aging/aging-totals";
import { AGING_BUCKETS, bucketFor } from "@/lib/aging/buckets";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, daysBetween } from "@/lib/time/dates";

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

export const AGING_EXPORT_HEADERS = [
  "Customer reference",
  "Customer",
  "Invoice number",
  "Issue date",
  "Due date",
  "Currency",
  "Amount",
  "Paid",
  "Open",
  "Days past due",
  "Bucket",
  "As of",
];
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
  opts: { orgId: string; asOf: DateOnly; today: DateOnly },
): AsyncGenerator<AgingExportRow> {
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
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${cursor}
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
