import { invalid, parseDay, parsePositiveAmount } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { formatMoney, toMinor } from "@/lib/money/money";
import { dateOnlyToDb, formatDateOnly, todayIn } from "@/lib/time/dates";
import { type Actor, assertCanWork } from "./actor";
import { closeCaseIfSettled } from "./open-case";

export interface RecordPaymentInput {
  orgId: string;
  actor: Actor;
  customerId: string;
  currency: string;
  /** As typed: "1,250.50". */
  amount: string;
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
 * last, split across invoices when it is larger than one's open balance. More
 * than the account's open balance is refused. The aging report, worklist and
 * case read payments directly, so they change at once; a case with nothing
 * overdue left closes in the same transaction.
 */
export async function recordPayment(db: Db, input: RecordPaymentInput) {
  assertCanWork(input.actor);
  const amount = parsePositiveAmount(input.amount, input.currency);
  const receivedOn = parseDay(input.receivedOn, "receivedOn");
  return db.$transaction(async (tx) => {
    const customer = await getCustomerOrThrow(tx, input);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
    const today = todayIn(org.timeZone, input.now);
    if (receivedOn > today)
      throw invalid("receivedOn", `A payment cannot be received after today (${formatDateOnly(today, org.locale)}).`);
    // Lock order everywhere: the open case, then the invoices.
    await tx.$queryRaw`SELECT id FROM collection_cases WHERE org_id = ${input.orgId}::uuid AND customer_id = ${customer.id}::uuid AND currency = ${input.currency} AND closed_at IS NULL FOR UPDATE`;
    const open = await tx.$queryRaw<{ id: string; number: string; open: bigint; disputed: boolean }[]>`
      SELECT i.id, i.number, i.amount_minor - i.paid_minor AS open,
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
      open.sort((a, b) => (a === chosen ? -1 : b === chosen ? 1 : 0));
    } else {
      open.sort((a, b) => Number(a.disputed) - Number(b.disputed));
    }
    const balance = open.reduce((s, i) => s + toMinor(i.open), 0);
    const money = (m: number) => formatMoney(m, input.currency, org.locale);
    if (amount > balance) {
      throw invalid(
        "amount",
        balance
          ? `${money(amount)} is more than the account's open balance of ${money(balance)}. Record at most ${money(balance)}.`
          : "This account has no open balance in that currency.",
      );
    }
    let left = amount;
    const allocations: { paymentId: string; invoiceId: string; amountMinor: number }[] = [];
    for (const invoice of open) {
      if (left === 0) break;
      const part = Math.min(left, toMinor(invoice.open));
      const payment = await tx.payment.create({
        data: {
          orgId: input.orgId,
          customerId: customer.id,
          invoiceId: invoice.id,
          currency: input.currency,
          amountMinor: BigInt(part),
          receivedOn: dateOnlyToDb(receivedOn),
          method: input.method?.trim() || "bank transfer",
          reference: input.reference?.trim() ?? "",
          enteredById: input.actor.userId,
        },
      });
      allocations.push({ paymentId: payment.id, invoiceId: invoice.id, amountMinor: part });
      left -= part;
    }
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "payment.recorded",
        payload: { customerId: customer.id, currency: input.currency, amountMinor: amount, receivedOn, allocations },
      },
    );
    const caseClosed = await closeCaseIfSettled(tx, {
      orgId: input.orgId,
      customerId: customer.id,
      currency: input.currency,
      today,
      userId: input.actor.userId,
      now: input.now,
    });
    return { allocations, caseClosed };
  });
}
