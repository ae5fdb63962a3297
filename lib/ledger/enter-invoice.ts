import { invalid, parseDay, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { uuid7 } from "@/lib/db/uuid";
import { AppError } from "@/lib/errors/app-error";
import { amountCeilingText, MAX_AMOUNT_MINOR } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { invoiceNumbering } from "./invoice-numbering";
import { assertKnownCurrency, inLedgerTransaction, orgDay } from "./ledger-tx";
import { type InvoiceToCreate, writeInvoices } from "./write-invoices";

/** The invoice's facts as the ledger's batch writer takes them; its KID, when given, is kept as given. */
export interface EnterInvoiceInput extends Omit<InvoiceToCreate, "id"> {
  orgId: string;
  actor: Actor;
  now: Date;
}

/**
 * An invoice entered by hand. Its number is unique in the organization. An
 * issue date after today is accepted: the invoice counts on the report from
 * that day (the report leaves it out until then), and the result says so.
 */
export async function enterInvoice(db: Db | DbOrTx, input: EnterInvoiceInput) {
  assertCanWork(input.actor);
  const { number, issueDate, dueDate } = checkInvoiceFields(input);
  return inLedgerTransaction(db, async (tx) => {
    const customer = await getCustomerOrThrow(tx, input);
    const { today, day } = await orgDay(tx, input.orgId, input.now);
    // A number is unique within its issue year, or within its customer, as the organization numbers invoices.
    const numbering = await invoiceNumbering(tx, input.orgId);
    const year = Number(issueDate.slice(0, 4));
    const clash = await tx.invoice.findFirst({
      where: {
        orgId: input.orgId,
        number,
        ...(numbering === "customer"
          ? { customerId: customer.id }
          : { issueDate: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } }),
      },
      include: { customer: { select: { name: true } } },
    });
    if (clash)
      throw new AppError(
        "CONFLICT",
        `Invoice number ${number} is already used (${clash.customer.name}${numbering === "year" ? `, ${year}` : ""}).`,
        { number: ["Already used."] },
      );
    const invoice = { id: uuid7() };
    try {
      // The ledger's one invoice writer (write-invoices.ts), which also gives it a KID when the organization uses KID.
      await writeInvoices(tx, {
        orgId: input.orgId,
        create: [
          {
            id: invoice.id,
            customerId: customer.id,
            number,
            issueDate,
            dueDate,
            amountMinor: input.amountMinor,
            currency: input.currency,
            kid: input.kid,
            rfReference: input.rfReference,
          },
        ],
        correct: [],
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("CONFLICT", `Invoice number ${number} is already used.`);
      throw error;
    }
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      {
        kind: "invoice.entered",
        payload: {
          invoiceId: invoice.id,
          customerId: customer.id,
          number,
          currency: input.currency,
          amountMinor: input.amountMinor,
          issueDate,
          dueDate,
        },
      },
    );
    const note = issueDate > today ? ` It is issued after today and counts on the report from ${day(issueDate)}.` : "";
    return { invoiceId: invoice.id, customerId: customer.id, message: `Invoice ${number} entered.${note}` };
  });
}

/** An invoice's own rules, whoever states it (a form, the API, one or a batch): the number, dates, amount, currency. */
export function checkInvoiceFields(input: {
  number: string;
  issueDate: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
}): { number: string; issueDate: DateOnly; dueDate: DateOnly } {
  assertKnownCurrency(input.currency);
  const number = requireText(input.number, "number", "the invoice number", 100);
  const issueDate = parseDay(input.issueDate, "issueDate");
  const dueDate = parseDay(input.dueDate, "dueDate");
  if (dueDate < issueDate) throw invalid("dueDate", "The due date cannot be before the issue date.");
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
    throw invalid("amount", "Enter an amount above zero.");
  if (input.amountMinor > MAX_AMOUNT_MINOR)
    throw invalid("amount", `That amount is too large: ${amountCeilingText(input.currency)}.`);
  return { number, issueDate, dueDate };
}
