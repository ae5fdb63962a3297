import { invalid, parseDay, requireText } from "@/lib/actions/fields";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { amountCeilingText, MAX_AMOUNT_MINOR } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { assertKnownCurrency, inLedgerTransaction, lockInvoiceOrThrow, orgDay } from "./ledger-tx";
import { appendLedgerEntry } from "./record-entry";

export interface RecordCreditNoteInput {
  orgId: string;
  actor: Actor;
  /** The invoice credited; without it, `customerId` gets a credit on its account. */
  invoiceId?: string | null;
  customerId?: string | null;
  amountMinor: number;
  currency: string;
  reason: string;
  /** The credit note's own number, unique per organization. */
  number: string;
  issuedOn: DateOnly;
  /** Imports: a stable key of the source row, so re-importing inserts nothing twice. */
  importKey?: string | null;
  now: Date;
}

/**
 * A credit note, full or partial: reduces the invoice's open balance (never
 * below zero; more than is open is refused, naming what is open), or, issued
 * to no invoice, is a credit on the customer's account in that currency. Dated
 * on or before today and not before its invoice. Works in the caller's
 * transaction (an import) or its own.
 */
export async function recordCreditNote(db: Db | DbOrTx, input: RecordCreditNoteInput) {
  assertCanWork(input.actor);
  assertKnownCurrency(input.currency);
  const number = requireText(input.number, "number", "the credit note's number", 100);
  const reason = requireText(input.reason, "reason", "the reason for the credit");
  const issuedOn = parseDay(input.issuedOn, "issuedOn");
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
    throw invalid("amount", "Enter an amount above zero.");
  if (input.amountMinor > MAX_AMOUNT_MINOR)
    throw invalid("amount", `That amount is too large: ${amountCeilingText(input.currency)}.`);
  return inLedgerTransaction(db, async (tx) => {
    const { today, money, day } = await orgDay(tx, input.orgId, input.now);
    if (issuedOn > today)
      throw invalid("issuedOn", `A credit note cannot be dated after today (${day(today)}); record it on its date.`);
    const taken = await tx.ledgerEntry.findFirst({
      where: { orgId: input.orgId, kind: "CREDIT_NOTE", number },
      select: { importKey: true, id: true },
    });
    if (taken && input.importKey && taken.importKey === input.importKey)
      return { entryId: taken.id, caseClosed: false, duplicate: true };
    if (taken)
      throw new AppError("CONFLICT", `Credit note number ${number} is already used.`, { number: ["Already used."] });

    let customerId: string;
    let invoiceId: string | null = null;
    if (input.invoiceId) {
      const invoice = await lockInvoiceOrThrow(tx, { orgId: input.orgId, invoiceId: input.invoiceId });
      if (invoice.currency !== input.currency)
        throw invalid("currency", `Invoice ${invoice.number} is in ${invoice.currency}, not ${input.currency}.`);
      if (issuedOn < invoice.issueDate)
        throw invalid(
          "issuedOn",
          `A credit note cannot be dated before invoice ${invoice.number} (issued ${day(invoice.issueDate)}).`,
        );
      if (invoice.open === 0) throw invalid("amount", `Invoice ${invoice.number} has nothing open to credit.`);
      if (input.amountMinor > invoice.open)
        throw invalid(
          "amount",
          `${money(input.amountMinor, input.currency)} is more than invoice ${invoice.number}'s open balance of ${money(invoice.open, input.currency)}. Credit at most that; the rest can be a credit note on the account.`,
        );
      customerId = invoice.customerId;
      invoiceId = invoice.id;
    } else {
      if (!input.customerId) throw invalid("invoiceId", "Choose the invoice to credit, or the customer.");
      customerId = (await getCustomerOrThrow(tx, { orgId: input.orgId, customerId: input.customerId })).id;
    }
    try {
      const entry = await appendLedgerEntry(tx, {
        orgId: input.orgId,
        userId: input.actor.userId,
        customerId,
        currency: input.currency,
        kind: "CREDIT_NOTE",
        invoiceId,
        amountMinor: input.amountMinor,
        number,
        reason,
        effectiveOn: issuedOn,
        importKey: input.importKey,
        today,
        now: input.now,
      });
      return { ...entry, duplicate: false };
    } catch (error) {
      // Two people typing the same new number at once: the unique index decides.
      if (isUniqueViolation(error))
        throw new AppError("CONFLICT", `Credit note number ${number} is already used.`, { number: ["Already used."] });
      throw error;
    }
  });
}
