import type { WebhookEvent } from "@/lib/events/emit-event";
import { minorToPlain } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import type { PaymentSource, RecordedPayment } from "./record-payments";

/**
 * The `payment.recorded` webhook event of one recorded payment (docs/api.md), the
 * same whoever recorded it: typed on the account page, sent by the API, or
 * matched on a bank statement line (then `bankLineId` names the line). Amounts
 * are decimal strings.
 */
export function paymentRecordedEvent(
  orgId: string,
  payment: {
    customerId: string;
    currency: string;
    amountMinor: number;
    receivedOn: DateOnly;
    reference?: string;
    source: PaymentSource;
    bankLineId?: string;
  },
  recorded: RecordedPayment,
  at: Date,
): WebhookEvent {
  const { currency } = payment;
  return {
    orgId,
    type: "payment.recorded",
    at,
    data: {
      customerId: payment.customerId,
      currency,
      amount: minorToPlain(payment.amountMinor, currency),
      receivedOn: payment.receivedOn,
      reference: payment.reference?.trim() ?? "",
      source: payment.source,
      ...(payment.bankLineId ? { bankLineId: payment.bankLineId } : {}),
      allocations: recorded.allocations.map((a) => ({
        paymentId: a.paymentId,
        invoiceId: a.invoiceId,
        amount: minorToPlain(a.amountMinor, currency),
      })),
      unapplied: minorToPlain(recorded.unapplied?.amountMinor ?? 0, currency),
    },
  };
}
