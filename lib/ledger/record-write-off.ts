import { invalid, requireText } from "@/lib/actions/fields";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { inLedgerTransaction, lockInvoiceOrThrow, orgDay } from "./ledger-tx";
import { appendLedgerEntry } from "./record-entry";

/**
 * Writes off what is left of an invoice, today, with the reason and the person
 * (the entry's entered_by and the audit record). A paid invoice is refused.
 */
export async function recordWriteOff(
  db: Db,
  input: { orgId: string; actor: Actor; invoiceId: string; reason: string; now: Date },
) {
  assertCanWork(input.actor);
  const reason = requireText(input.reason, "reason", "why it is written off");
  return inLedgerTransaction(db, async (tx) => {
    const { today, money } = await orgDay(tx, input.orgId, input.now);
    const invoice = await lockInvoiceOrThrow(tx, input);
    if (invoice.open === 0)
      throw invalid("invoiceId", `Invoice ${invoice.number} is paid in full; there is nothing to write off.`);
    const entry = await appendLedgerEntry(tx, {
      orgId: input.orgId,
      userId: input.actor.userId,
      customerId: invoice.customerId,
      currency: invoice.currency,
      kind: "WRITE_OFF",
      invoiceId: invoice.id,
      amountMinor: invoice.open,
      reason,
      effectiveOn: today,
      today,
      now: input.now,
    });
    return { ...entry, customerId: invoice.customerId, amount: money(invoice.open, invoice.currency) };
  });
}
