import { invalid, requireText } from "@/lib/actions/fields";
import { getAccountCredit } from "@/lib/aging/account-credit";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { toMinor } from "@/lib/money/money";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { inLedgerTransaction, lockAccountCredit, lockInvoiceOrThrow, orgDay } from "./ledger-tx";
import { appendLedgerEntry } from "./record-entry";

/**
 * Reverses a payment entered in error or bounced: a PAYMENT_REVERSAL entry for
 * its full amount, dated today; the payment row stays. The invoice opens again
 * by that amount; unapplied cash leaves the account's credit (refused if it was
 * already applied to invoices). Once per payment (unique index); a reversal
 * itself cannot be reversed.
 */
export async function reversePayment(
  db: Db,
  input: { orgId: string; actor: Actor; paymentId: string; reason: string; now: Date },
) {
  assertCanWork(input.actor);
  const reason = requireText(input.reason, "reason", "why the payment is reversed");
  return inLedgerTransaction(db, async (tx) => {
    const { today, money, day } = await orgDay(tx, input.orgId, input.now);
    const payment = await tx.payment.findFirst({ where: { id: input.paymentId, orgId: input.orgId } });
    if (!payment) {
      const entry = await tx.ledgerEntry.findFirst({ where: { id: input.paymentId, orgId: input.orgId } });
      if (entry?.kind === "PAYMENT_REVERSAL")
        throw invalid(
          "paymentId",
          "A reversal cannot itself be reversed. If the payment did arrive after all, record it again as a new payment.",
        );
      throw new AppError("NOT_FOUND", "That payment was not found.");
    }
    const amount = toMinor(payment.amountMinor);
    if (payment.invoiceId) await lockInvoiceOrThrow(tx, { orgId: input.orgId, invoiceId: payment.invoiceId });
    else await lockAccountCredit(tx, payment);
    const earlier = await tx.ledgerEntry.findFirst({
      where: { paymentId: payment.id, kind: "PAYMENT_REVERSAL" },
      include: { enteredBy: { select: { name: true } } },
    });
    if (earlier)
      throw new AppError(
        "CONFLICT",
        `This payment was already reversed on ${day(dateOnlyFromDb(earlier.effectiveOn))} by ${earlier.enteredBy?.name ?? "the system"}.`,
      );
    if (!payment.invoiceId) {
      // Every movement, whatever its date: the cash must still be there to leave.
      const credit = await getAccountCredit(tx, { ...payment, asOf: "9999-12-31" });
      if (credit < amount)
        throw invalid(
          "paymentId",
          `Only ${money(Math.max(credit, 0), payment.currency)} of this unapplied payment is still on the account; the rest was applied to invoices. Reverse those first by a credit note or ask an administrator.`,
        );
    }
    const entry = await appendLedgerEntry(tx, {
      orgId: input.orgId,
      userId: input.actor.userId,
      customerId: payment.customerId,
      currency: payment.currency,
      kind: "PAYMENT_REVERSAL",
      invoiceId: payment.invoiceId,
      paymentId: payment.id,
      amountMinor: amount,
      reason,
      effectiveOn: today,
      today,
      now: input.now,
    });
    return { ...entry, customerId: payment.customerId };
  });
}
