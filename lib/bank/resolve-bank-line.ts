import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import { assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { paymentRecordedEvent } from "@/lib/ledger/payment-recorded-event";
import { recordPayments } from "@/lib/ledger/record-payments";
import { clockNow, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { closeSettledCases } from "./record-statement-lines";

export type BankLineDecision = "invoices" | "credit_on_account" | "not_customer_payment";

/**
 * A collector's decision on a line of the review queue: record it on the invoices
 * they picked (the rest, if any, stays on the account as credit), as credit on a
 * customer's account, or as "not a customer payment" with the reason. The line is
 * the payments' evidence; the decision is audited in the same transaction. A line
 * decided already is refused, so two collectors cannot record it twice.
 */
export async function resolveBankLine(
  db: Db,
  input: {
    orgId: string;
    actor: Actor;
    lineId: string;
    decision: BankLineDecision;
    customerId?: string | null;
    invoiceIds?: string[];
    reason?: string;
    now?: Date;
  },
) {
  assertCanWork(input.actor);
  const now = input.now ?? clockNow();
  return db.$transaction(async (tx) => {
    const [line] = await tx.$queryRaw<
      {
        id: string;
        amount_minor: bigint;
        currency: string;
        booking_date: Date;
        status: string;
        structured_ref: string;
        entry_ref: string;
      }[]
    >`SELECT id, amount_minor, currency, booking_date, status, structured_ref, entry_ref FROM bank_lines
      WHERE id = ${input.lineId}::uuid AND org_id = ${input.orgId}::uuid FOR UPDATE`;
    if (!line) throw new AppError("NOT_FOUND", "That bank line was not found.");
    if (line.status !== "review") throw new AppError("CONFLICT", "That bank line was decided already.");
    const currency = line.currency.trim();
    const amountMinor = Number(line.amount_minor);
    const reason = (input.reason ?? "").trim();
    let customerId: string | null = null;
    let invoiceIds: string[] = [];
    if (input.decision === "not_customer_payment") {
      if (!reason)
        throw new AppError("INVALID_INPUT", "Write why this is not a customer payment.", {
          reason: ["Write the reason."],
        });
    } else {
      if (!input.customerId)
        throw new AppError("INVALID_INPUT", "Choose the customer who paid.", { customerId: ["Choose a customer."] });
      const customer = await tx.customer.findFirst({ where: { id: input.customerId, orgId: input.orgId } });
      if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
      customerId = customer.id;
      if (input.decision === "invoices") {
        invoiceIds = [...new Set(input.invoiceIds ?? [])];
        if (!invoiceIds.length)
          throw new AppError("INVALID_INPUT", "Pick the invoices this payment pays.", {
            invoiceIds: ["Pick at least one invoice."],
          });
        const invoices = await tx.invoice.findMany({
          where: { id: { in: invoiceIds }, orgId: input.orgId, customerId },
        });
        if (invoices.length !== invoiceIds.length)
          throw new AppError("INVALID_INPUT", "An invoice picked is not this customer's.");
        const other = invoices.find((i) => i.currency !== currency);
        if (other)
          throw new AppError(
            "INVALID_INPUT",
            `Invoice ${other.number} is in ${other.currency}; this payment is in ${currency}. Record it as credit on account instead.`,
          );
      }
      const receivedOn = dateOnlyFromDb(line.booking_date);
      const payment = {
        ...(input.decision === "invoices"
          ? { allocate: "invoices" as const, invoiceIds }
          : { allocate: "given" as const, invoiceId: null }),
        customerId,
        currency,
        amountMinor,
        receivedOn,
        method: "bank transfer",
        reference: (line.structured_ref || line.entry_ref).slice(0, 200),
        bankLineId: line.id,
      };
      const result = await recordPayments(tx, {
        orgId: input.orgId,
        actor: input.actor,
        source: "bank",
        audit: true,
        payments: [payment],
      });
      await emitEvent(tx, paymentRecordedEvent(input.orgId, { ...payment, source: "bank" }, result.recorded[0], now));
      const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { timeZone: true } });
      await closeSettledCases(tx, {
        orgId: input.orgId,
        userId: input.actor.userId,
        today: todayIn(org.timeZone, now),
        now,
        accounts: result.accounts,
      });
    }
    await tx.bankLine.update({
      where: { id: line.id },
      data: {
        status: "resolved",
        customerId,
        reason:
          reason ||
          (input.decision === "invoices" ? "recorded on the invoices picked" : "kept as credit on the account"),
        resolvedById: input.actor.userId,
        resolvedAt: now,
      },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "bank_line.resolved",
        payload: { lineId: line.id, decision: input.decision, customerId, invoiceIds, amountMinor, currency, reason },
      },
    );
    return { customerId };
  });
}
