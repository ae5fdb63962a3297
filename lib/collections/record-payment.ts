import { invalid, parseDay, parsePositiveAmount } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { closeCaseIfSettled } from "@/lib/cases/open-case";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { isKnownCurrency, minorToPlain, toMinor } from "@/lib/money/money";
import { dateOnlyFromDb, dateOnlyToDb, formatDateOnly, todayIn } from "@/lib/time/dates";

export interface RecordPaymentInput {
  orgId: string;
  actor: Actor;
  customerId: string;
  currency: string;
  /** As typed: "1,250.50"; or, from a machine, `amountMinor` exactly (the API's decimal strings are read by the API). */
  amount?: string;
  amountMinor?: number;
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
    // Lock order everywhere: the open case, then the invoices.
    await tx.$queryRaw`SELECT id FROM collection_cases WHERE org_id = ${input.orgId}::uuid AND customer_id = ${customer.id}::uuid AND currency = ${input.currency} AND closed_at IS NULL FOR UPDATE`;
    const open = await tx.$queryRaw<
      { id: string; number: string; open: bigint; issue_date: Date; disputed: boolean }[]
    >`
      SELECT i.id, i.number, i.amount_minor - i.paid_minor AS open, i.issue_date,
        EXISTS (SELECT 1 FROM invoice_disputes d WHERE d.invoice_id = i.id
          AND NOT EXISTS (SELECT 1 FROM account_events e WHERE e.dispute_id = d.id AND e.kind = 'DISPUTE_RESOLVED')) AS disputed
      FROM invoices i
      WHERE i.org_id = ${input.orgId}::uuid AND i.customer_id = ${customer.id}::uuid AND i.currency = ${input.currency} AND i.paid_minor < i.amount_minor
      ORDER BY i.due_date, i.issue_date, i.number
      FOR UPDATE OF i`;
    if (input.invoiceId) {
      const chosen = open.find((i) => i.id === input.invoiceId);
      if (!chosen) {
        const exists = await tx.invoice.findFirst({
          where: { id: input.invoiceId, orgId: input.orgId, customerId: customer.id, currency: input.currency },
        });
        throw exists
          ? invalid("invoiceId", `Invoice ${exists.number} is already paid in full.`)
          : new AppError("NOT_FOUND", "That invoice was not found on this account.");
      }
      const issued = dateOnlyFromDb(chosen.issue_date);
      if (receivedOn < issued)
        throw invalid(
          "receivedOn",
          `Invoice ${chosen.number} was issued on ${formatDateOnly(issued, org.locale)}; a payment for it cannot be dated earlier.`,
        );
      open.sort((a, b) => (a === chosen ? -1 : b === chosen ? 1 : 0));
    } else {
      open.sort((a, b) => Number(a.disputed) - Number(b.disputed));
    }
    const payable = open.filter((i) => dateOnlyFromDb(i.issue_date) <= receivedOn);
    const paymentRow = (invoiceId: string | null, part: number) =>
      tx.payment.create({
        data: {
          orgId: input.orgId,
          customerId: customer.id,
          invoiceId,
          currency: input.currency,
          amountMinor: BigInt(part),
          receivedOn: dateOnlyToDb(receivedOn),
          method: input.method?.trim() || "bank transfer",
          reference: input.reference?.trim() ?? "",
          enteredById: input.actor.userId,
        },
      });
    let left = amount;
    const allocations: { paymentId: string; invoiceId: string; amountMinor: number }[] = [];
    for (const invoice of payable) {
      if (left === 0) break;
      const part = Math.min(left, toMinor(invoice.open));
      const payment = await paymentRow(invoice.id, part);
      allocations.push({ paymentId: payment.id, invoiceId: invoice.id, amountMinor: part });
      left -= part;
    }
    const unapplied = left > 0 ? { paymentId: (await paymentRow(null, left)).id, amountMinor: left } : undefined;
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "payment.recorded",
        payload: {
          customerId: customer.id,
          currency: input.currency,
          amountMinor: amount,
          receivedOn,
          allocations,
          unapplied,
        },
      },
    );
    await emitEvent(tx, {
      orgId: input.orgId,
      type: "payment.recorded",
      data: {
        customerId: customer.id,
        currency: input.currency,
        amount: minorToPlain(amount, input.currency),
        receivedOn,
        reference: input.reference?.trim() ?? "",
        allocations: allocations.map((a) => ({
          paymentId: a.paymentId,
          invoiceId: a.invoiceId,
          amount: minorToPlain(a.amountMinor, input.currency),
        })),
        unapplied: minorToPlain(unapplied?.amountMinor ?? 0, input.currency),
      },
      at: input.now,
    });
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
