import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";

// The rule for changing a stored invoice from outside (an import, PUT
// /api/v1/invoices): one definition, so the file and the API refuse the same
// changes with the same reason.

/** An invoice's facts an import or the API can change, as stated before and after. */
export interface InvoiceFacts {
  customer: string; // the customer's reference
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  currency: string;
}

export function changedFacts(before: InvoiceFacts, after: InvoiceFacts) {
  return {
    amount: before.amountMinor !== after.amountMinor || before.currency !== after.currency,
    customer: before.customer !== after.customer,
    dates: before.issueDate !== after.issueDate || before.dueDate !== after.dueDate,
  };
}

export function isInvoiceChange(before: InvoiceFacts, after: InvoiceFacts): boolean {
  const what = changedFacts(before, after);
  return what.amount || what.customer || what.dates;
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

/**
 * Why a stored invoice may not take these facts, or null when it may: an
 * invoice with payments, letters or disputes keeps its customer and amount
 * (they are evidence of what was asked and paid). `by` names the channel in
 * the sentence ("an import", "the API"); the field is the one to correct.
 */
export function invoiceChangeRefusal(opts: {
  number: string;
  before: InvoiceFacts;
  after: InvoiceFacts;
  history: string[];
  by: string;
  hint: string;
}): { field: "customerReference" | "amount"; message: string } | null {
  const what = changedFacts(opts.before, opts.after);
  if (!opts.history.length || !(what.amount || what.customer)) return null;
  const { before, after } = opts;
  const change = what.customer
    ? `move from customer ${before.customer} to ${after.customer}`
    : `change from ${formatMoney(before.amountMinor, before.currency)} to ${formatMoney(after.amountMinor, after.currency)}`;
  return {
    field: what.customer ? "customerReference" : "amount",
    message: `invoice ${opts.number} of ${before.issueDate} has ${opts.history.join(" and ")}: it cannot ${change} by ${opts.by}. ${opts.hint}`,
  };
}
