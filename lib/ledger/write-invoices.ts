import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DateOnly } from "@/lib/time/dates";
import { assignPaymentReferences } from "./assign-payment-references";

// The ledger's batch writer for invoice facts (issue 21, "one write path per fact"):
// an invoice entered by hand, an imported invoices file and the API's invoice batch
// write here, whatever their count, in one INSERT and one UPDATE. The callers have checked each invoice
// already (invoice-change-rule.ts) and keep their own audit records (hand entry and the API one
// event per invoice, an import its corrections and import.committed); the caller
// owns the transaction.

export interface InvoiceToCreate {
  /** Chosen by the caller (uuid7), so it can name the invoice in the same transaction. */
  id: string;
  customerId: string;
  number: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  currency: string;
  /** The accounting system's payment reference; absent: one is assigned when the organization uses KID. */
  kid?: string | null;
  /** An ISO 11649 RF reference issued with it (compact, verified by the caller); absent: one is built for EUR when the organization uses RF. */
  rfReference?: string | null;
}

export interface InvoiceCorrection {
  id: string;
  customerId: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  currency: string;
  /** The new KID (null clears it); undefined keeps the stored one. */
  kid?: string | null;
}

export async function writeInvoices(
  tx: DbOrTx,
  opts: { orgId: string; create: InvoiceToCreate[]; correct: InvoiceCorrection[] },
): Promise<void> {
  const { orgId, create, correct } = opts;
  if (create.length) {
    // The unique index invoices_identity refuses an invoice a concurrent writer created meanwhile.
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO invoices (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency, kid, rf_reference)
      SELECT r.id, ${orgId}::uuid, r.customer_id, r.number, r.issue_date, r.due_date, r.amount_minor, r.currency, r.kid,
        r.rf_reference
      FROM jsonb_to_recordset(${JSON.stringify(
        create.map((i) => ({
          ...columns(i),
          number: i.number,
          kid: i.kid || null,
          rf_reference: i.rfReference || null,
        })),
      )}::jsonb)
        AS r(id uuid, customer_id uuid, number text, issue_date date, due_date date, amount_minor bigint, currency text, kid text,
          rf_reference text)`);
    // A KID / RF reference for each new invoice that came without one, when the organization issues them.
    await assignPaymentReferences(tx, { orgId, invoiceIds: create.map((i) => i.id) });
  }
  if (correct.length) {
    await tx.$executeRaw(Prisma.sql`
      UPDATE invoices AS i SET customer_id = r.customer_id, issue_date = r.issue_date, due_date = r.due_date,
        amount_minor = r.amount_minor, currency = r.currency, kid = CASE WHEN r.set_kid THEN r.kid ELSE i.kid END
      FROM jsonb_to_recordset(${JSON.stringify(
        correct.map((i) => ({ ...columns(i), set_kid: i.kid !== undefined, kid: i.kid ?? null })),
      )}::jsonb)
        AS r(id uuid, customer_id uuid, issue_date date, due_date date, amount_minor bigint, currency text,
          set_kid boolean, kid text)
      WHERE i.id = r.id AND i.org_id = ${orgId}::uuid`);
  }
}

/** The facts both statements write, as their columns are named. */
function columns(i: InvoiceCorrection) {
  return {
    id: i.id,
    customer_id: i.customerId,
    issue_date: i.issueDate,
    due_date: i.dueDate,
    amount_minor: i.amountMinor,
    currency: i.currency,
  };
}
