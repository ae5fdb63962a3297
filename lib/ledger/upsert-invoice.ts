import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { type InvoiceStatement, type UpsertOutcome, upsertInvoices } from "./upsert-invoices";

export type { UpsertOutcome } from "./upsert-invoices";

export type UpsertInvoiceInput = InvoiceStatement & { orgId: string; actor: Actor; now: Date };

/**
 * One invoice as the accounting system states it (PUT /api/v1/invoices/{number}):
 * the batch verb with one statement, so one rule decides both, and its refusal
 * thrown as the request's answer.
 */
export async function upsertInvoice(
  db: Db,
  input: UpsertInvoiceInput,
): Promise<{ invoiceId: string; outcome: UpsertOutcome }> {
  const { orgId, actor, now, ...statement } = input;
  const [result] = await upsertInvoices(db, { orgId, actor, now, invoices: [statement] });
  if (result.outcome === "refused") throw result.error;
  return { invoiceId: result.invoiceId, outcome: result.outcome };
}
