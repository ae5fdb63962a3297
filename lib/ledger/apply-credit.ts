import { invalid } from "@/lib/actions/fields";
import { getAccountCredit } from "@/lib/aging/account-credit";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { inLedgerTransaction, lockAccountCredit, lockInvoiceOrThrow, orgDay } from "./ledger-tx";
import { appendLedgerEntry } from "./record-entry";

/**
 * Applies the account's credit (unapplied cash, credit notes to no invoice) to
 * one of its open invoices: as much as both allow, or `amountMinor`. Two
 * collectors applying the same credit at once take turns (advisory lock), so
 * credit is never applied twice.
 */
export async function applyCredit(
  db: Db,
  input: { orgId: string; actor: Actor; invoiceId: string; amountMinor?: number | null; now: Date },
) {
  assertCanWork(input.actor);
  return inLedgerTransaction(db, async (tx) => {
    const { today, money } = await orgDay(tx, input.orgId, input.now);
    const invoice = await lockInvoiceOrThrow(tx, input);
    await lockAccountCredit(tx, invoice);
    const credit = await getAccountCredit(tx, { ...invoice, asOf: today });
    if (credit <= 0) throw invalid("invoiceId", `This account has no credit in ${invoice.currency} to apply.`);
    if (invoice.open === 0) throw invalid("invoiceId", `Invoice ${invoice.number} is paid in full.`);
    const amount = input.amountMinor ?? Math.min(credit, invoice.open);
    if (amount <= 0) throw invalid("amount", "Enter an amount above zero.");
    if (amount > credit || amount > invoice.open)
      throw invalid(
        "amount",
        `At most ${money(Math.min(credit, invoice.open), invoice.currency)} can be applied (credit ${money(credit, invoice.currency)}, invoice ${invoice.number} open ${money(invoice.open, invoice.currency)}).`,
      );
    const entry = await appendLedgerEntry(tx, {
      orgId: input.orgId,
      userId: input.actor.userId,
      customerId: invoice.customerId,
      currency: invoice.currency,
      kind: "CREDIT_APPLIED",
      invoiceId: invoice.id,
      amountMinor: amount,
      reason: "Account credit applied",
      effectiveOn: today,
      today,
      now: input.now,
    });
    return { ...entry, customerId: invoice.customerId, applied: money(amount, invoice.currency) };
  });
}
