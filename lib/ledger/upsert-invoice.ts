import { invalid, parseDay } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { assertCanWork } from "@/lib/auth/actor";
import { findCustomerIdByReference } from "@/lib/customers/find-customer-by-reference";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { toMinor } from "@/lib/money/money";
import { dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { type EnterInvoiceInput, enterInvoice } from "./enter-invoice";
import { type InvoiceFacts, invoiceChangeRefusal, invoiceHistory, isInvoiceChange } from "./invoice-change-rule";
import { invoiceNumbering } from "./invoice-numbering";
import { assertKnownCurrency, inLedgerTransaction } from "./ledger-tx";

export type UpsertInvoiceInput = Omit<EnterInvoiceInput, "customerId"> & {
  /** Which year's invoice of this number (numbering by year); absent: the issue date's year. */
  issueYear?: number;
  customerReference: string;
};

export type UpsertOutcome = "created" | "updated" | "unchanged";

/**
 * An invoice as the accounting system states it, by its identity (number in
 * its issue year, or number and customer, as the organization numbers
 * invoices): created when new, corrected when its facts differ (the same rule
 * as an import: not its customer or amount once payments, letters or disputes
 * rest on it), and left alone, saying so, when nothing differs. The invoice row
 * is locked while it is compared and written.
 */
export async function upsertInvoice(db: Db, input: UpsertInvoiceInput) {
  assertCanWork(input.actor);
  assertKnownCurrency(input.currency);
  const issueDate = parseDay(input.issueDate, "issueDate");
  const dueDate = parseDay(input.dueDate, "dueDate");
  if (dueDate < issueDate) throw invalid("dueDate", "The due date cannot be before the issue date.");
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0)
    throw invalid("amount", "Enter an amount above zero.");
  const year = input.issueYear ?? Number(issueDate.slice(0, 4));
  return inLedgerTransaction(db, async (tx) => {
    const numbering = await invoiceNumbering(tx, input.orgId);
    if (numbering === "year" && Number(issueDate.slice(0, 4)) !== year)
      throw invalid("issueDate", `Invoice ${input.number} of ${year} must have an issue date in ${year}.`);
    const customer = {
      id: await findCustomerIdByReference(tx, { orgId: input.orgId, reference: input.customerReference }),
      reference: input.customerReference,
    };
    const [stored] = await tx.$queryRaw<
      {
        id: string;
        reference: string;
        issue_date: Date;
        due_date: Date;
        amount_minor: bigint;
        currency: string;
        kid: string | null;
      }[]
    >`
      SELECT i.id, c.reference, i.issue_date, i.due_date, i.amount_minor, i.currency, i.kid
      FROM invoices i JOIN customers c ON c.id = i.customer_id
      WHERE i.org_id = ${input.orgId}::uuid AND i.number = ${input.number}
        AND (${numbering} = 'customer' AND i.customer_id = ${customer.id}::uuid
          OR ${numbering} = 'year' AND i.issue_date >= make_date(${year}::int, 1, 1) AND i.issue_date < make_date(${year}::int + 1, 1, 1))
      FOR UPDATE OF i`;
    if (!stored) {
      const entered = await enterInvoice(tx, { ...input, customerId: customer.id, issueDate, dueDate });
      return { invoiceId: entered.invoiceId, outcome: "created" as UpsertOutcome };
    }
    const before: InvoiceFacts = {
      customer: stored.reference,
      issueDate: dateOnlyFromDb(stored.issue_date),
      dueDate: dateOnlyFromDb(stored.due_date),
      amountMinor: toMinor(stored.amount_minor),
      currency: stored.currency.trim(),
    };
    const after: InvoiceFacts = {
      customer: customer.reference,
      issueDate,
      dueDate,
      amountMinor: input.amountMinor,
      currency: input.currency,
    };
    const kid = input.kid === undefined ? stored.kid : input.kid || null;
    if (!isInvoiceChange(before, after) && kid === stored.kid)
      return { invoiceId: stored.id, outcome: "unchanged" as UpsertOutcome };
    const history = await invoiceHistory(tx, input.orgId, [stored.id]);
    const refusal = invoiceChangeRefusal({
      number: input.number,
      before,
      after,
      history: history.get(stored.id) ?? [],
      by: "the API",
      hint: "If the invoice was reduced, record a credit note (POST /api/v1/credit-notes).",
    });
    if (refusal) {
      const message = refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1);
      throw new AppError("CONFLICT", message, { [refusal.field]: [message] });
    }
    await tx.invoice.update({
      where: { id: stored.id },
      data: {
        customerId: customer.id,
        issueDate: dateOnlyToDb(issueDate),
        dueDate: dateOnlyToDb(dueDate),
        amountMinor: BigInt(input.amountMinor),
        currency: input.currency,
        kid,
      },
    });
    if (isInvoiceChange(before, after))
      await recordAudit(
        tx,
        { orgId: input.orgId, userId: input.actor.userId },
        { kind: "invoice.corrected", payload: { invoiceId: stored.id, number: input.number, before, after } },
      );
    return { invoiceId: stored.id, outcome: "updated" as UpsertOutcome };
  });
}
