import { invalid, parseDay, parsePositiveAmount } from "@/lib/actions/fields";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { closeCaseIfSettled } from "@/lib/cases/open-case";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { isKnownCurrency } from "@/lib/money/money";
import { dateOnlyFromDb, formatDateOnly, todayIn } from "@/lib/time/dates";
import { paymentRecordedEvent } from "./payment-recorded-event";
import { type PaymentSource, recordPayments } from "./record-payments";

export interface RecordPaymentInput {
  orgId: string;
  actor: Actor;
  customerId: string;
  currency: string;
  /** As typed: "1,250.50"; or, from a machine, `amountMinor` exactly (the API's decimal strings are read by the API). */
  amount?: string;
  amountMinor?: number;
  /** Where it came from: typed on the account page ("hand", the default) or sent by the API. */
  source?: Extract<PaymentSource, "hand" | "api">;
  receivedOn: string;
  /** Apply to this invoice first; otherwise the oldest open invoice first. */
  invoiceId?: string | null;
  method?: string;
  reference?: string;
  now: Date;
}

/**
 * Records a payment (partial allowed) against the account's open invoices: the
 * chosen invoice first, else oldest due date first with disputed invoices
 * last, split across invoices when it is larger than one's open balance. An
 * invoice issued after the payment's date is not paid by it (a payment dated
 * before its chosen invoice's issue date is refused). What is left over (more
 * than is open, or nothing open) is kept as unapplied cash on the account, a
 * payment row naming no invoice, shown as a credit until a collector applies
 * it: never refused, never lost. The aging report, worklist and case read
 * payments directly, so they change at once; a case with nothing overdue left
 * closes in the same transaction.
 */
export async function recordPayment(db: Db, input: RecordPaymentInput) {
  assertCanWork(input.actor);
  if (!isKnownCurrency(input.currency))
    throw invalid("currency", `"${input.currency.slice(0, 10)}" is not a currency we know.`);
  const amount = input.amountMinor ?? parsePositiveAmount(input.amount ?? "", input.currency);
  if (!Number.isSafeInteger(amount) || amount <= 0) throw invalid("amount", "Enter an amount above zero.");
  const receivedOn = parseDay(input.receivedOn, "receivedOn");
  return db.$transaction(async (tx) => {
    const customer = await getCustomerOrThrow(tx, input);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
    const today = todayIn(org.timeZone, input.now);
    if (receivedOn > today)
      throw invalid("receivedOn", `A payment cannot be received after today (${formatDateOnly(today, org.locale)}).`);
    if (input.invoiceId) {
      const chosen = await tx.invoice.findFirst({
        where: { id: input.invoiceId, orgId: input.orgId, customerId: customer.id, currency: input.currency },
      });
      if (!chosen) throw new AppError("NOT_FOUND", "That invoice was not found on this account.");
      if (chosen.paidMinor >= chosen.amountMinor)
        throw invalid("invoiceId", `Invoice ${chosen.number} is already paid in full.`);
      const issued = dateOnlyFromDb(chosen.issueDate);
      if (receivedOn < issued)
        throw invalid(
          "receivedOn",
          `Invoice ${chosen.number} was issued on ${formatDateOnly(issued, org.locale)}; a payment for it cannot be dated earlier.`,
        );
    }
    // The ledger's one payment writer spreads it (chosen invoice first, then oldest, disputed last).
    const { recorded } = await recordPayments(tx, {
      orgId: input.orgId,
      actor: input.actor,
      source: input.source ?? "hand",
      audit: true,
      payments: [
        {
          allocate: "oldest",
          firstInvoiceId: input.invoiceId,
          customerId: customer.id,
          currency: input.currency,
          amountMinor: amount,
          receivedOn,
          method: input.method,
          reference: input.reference,
        },
      ],
    });
    const { allocations, unapplied } = recorded[0];
    await emitEvent(
      tx,
      paymentRecordedEvent(
        input.orgId,
        {
          customerId: customer.id,
          currency: input.currency,
          amountMinor: amount,
          receivedOn,
          reference: input.reference,
          source: input.source ?? "hand",
        },
        recorded[0],
        input.now,
      ),
    );
    const caseClosed = await closeCaseIfSettled(tx, {
      orgId: input.orgId,
      customerId: customer.id,
      currency: input.currency,
      today,
      userId: input.actor.userId,
      now: input.now,
    });
    return { allocations, unapplied: unapplied?.amountMinor ?? 0, caseClosed };
  });
}
