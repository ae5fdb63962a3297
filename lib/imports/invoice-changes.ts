import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DateOnly } from "@/lib/time/dates";

/** An invoice's facts an import can change, as stated before and after. */
export interface InvoiceFacts {
  customer: string; // the customer's reference
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  currency: string;
}

export interface InvoiceChange {
  line: number;
  number: string;
  before: InvoiceFacts;
  after: InvoiceFacts;
}

/** What an import would change in stored invoices: counts by what changes, and the first changes in full. */
export interface ImportChanges {
  invoices: number;
  amount: number;
  customer: number;
  dates: number;
  examples: InvoiceChange[];
}

export const CHANGE_EXAMPLES = 20;
export const noChanges = (): ImportChanges => ({ invoices: 0, amount: 0, customer: 0, dates: 0, examples: [] });

export function changedFacts(before: InvoiceFacts, after: InvoiceFacts) {
  return {
    amount: before.amountMinor !== after.amountMinor || before.currency !== after.currency,
    customer: before.customer !== after.customer,
    dates: before.issueDate !== after.issueDate || before.dueDate !== after.dueDate,
  };
}

export function addChange(changes: ImportChanges, change: InvoiceChange): void {
  const what = changedFacts(change.before, change.after);
  changes.invoices++;
  if (what.amount) changes.amount++;
  if (what.customer) changes.customer++;
  if (what.dates) changes.dates++;
  if (changes.examples.length < CHANGE_EXAMPLES) changes.examples.push(change);
}

/** What of an invoice's history forbids moving it or changing its amount, per invoice id (empty: nothing). */
export async function invoiceHistory(tx: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string[]>> {
  if (!ids.length) return new Map();
  const rows = await tx.$queryRaw<{ id: string; payments: boolean; letters: boolean; disputes: boolean }[]>(Prisma.sql`
    SELECT i.id,
      EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id) AS payments,
      EXISTS (SELECT 1 FROM letters l WHERE l.org_id = i.org_id AND l.customer_id = i.customer_id
        AND l.invoices @> jsonb_build_array(jsonb_build_object('invoiceId', i.id::text))) AS letters,
      EXISTS (SELECT 1 FROM invoice_disputes d WHERE d.invoice_id = i.id) AS disputes
    FROM invoices i WHERE i.org_id = ${orgId}::uuid AND i.id = ANY(${ids}::uuid[])`);
  return new Map(
    rows.map((r) => [r.id, (["payments", "letters", "disputes"] as const).filter((k) => r[k]).map((k) => k)]),
  );
}
