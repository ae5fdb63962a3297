import { z } from "zod";
import {
  currencyField,
  dateOnlyField,
  idField,
  parsePositiveAmount,
  textField,
  typedAmountField,
} from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { clockNow } from "@/lib/time/dates";
import { applyCredit } from "./apply-credit";
import { enterInvoice } from "./enter-invoice";
import { extendDueDate } from "./extend-due-date";
import { assertKnownCurrency } from "./ledger-tx";
import { recordCreditNote } from "./record-credit-note";
import { recordPayment } from "./record-payment";
import { recordWriteOff } from "./record-write-off";
import { reversePayment } from "./reverse-payment";

// Server-action definitions for the ledger: admins and collectors. Each returns
// the customer it touched so the route can refresh that customer's page.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });
const reason = textField(2000, { required: "Write the reason." });

export const enterInvoiceAction = actionDefinition({
  name: "ledger.enter_invoice",
  roles: WORKING_ROLES,
  schema: z.object({
    customerId: idField("a customer"),
    number: textField(100, { required: "Enter the invoice number." }),
    issueDate: dateOnlyField,
    dueDate: dateOnlyField,
    amount: typedAmountField,
    currency: currencyField,
  }),
  run: async (ctx, input) => {
    assertKnownCurrency(input.currency);
    const entered = await enterInvoice(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      amountMinor: parsePositiveAmount(input.amount, input.currency),
      now: clockNow(),
    });
    return { message: entered.message, data: { customerId: entered.customerId, invoiceId: entered.invoiceId } };
  },
});

export const recordCreditNoteAction = actionDefinition({
  name: "ledger.credit_note",
  roles: WORKING_ROLES,
  schema: z.object({
    invoiceId: idField("an invoice"),
    number: textField(100, { required: "Enter the credit note's number." }),
    amount: typedAmountField,
    issuedOn: dateOnlyField,
    reason,
  }),
  run: async (ctx, input) => {
    // The amount is read in the invoice's currency.
    const invoice = await ctx.db.invoice.findFirst({
      where: { id: input.invoiceId, orgId: ctx.orgId },
      select: { currency: true },
    });
    if (!invoice) throw new AppError("NOT_FOUND", "That invoice was not found.");
    const result = await recordCreditNote(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      currency: invoice.currency,
      amountMinor: parsePositiveAmount(input.amount, invoice.currency),
      now: clockNow(),
    });
    const closed = result.caseClosed ? " The case is closed." : "";
    const customer = await ctx.db.ledgerEntry.findUniqueOrThrow({
      where: { id: result.entryId },
      select: { customerId: true },
    });
    return { message: `Credit note ${input.number} recorded.${closed}`, data: { customerId: customer.customerId } };
  },
});

export const writeOffAction = actionDefinition({
  name: "ledger.write_off",
  roles: WORKING_ROLES,
  schema: z.object({ invoiceId: idField("an invoice"), reason }),
  run: async (ctx, input) => {
    const result = await recordWriteOff(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() });
    return { message: `${result.amount} written off.`, data: { customerId: result.customerId } };
  },
});

export const extendDueDateAction = actionDefinition({
  name: "ledger.extend_due_date",
  roles: WORKING_ROLES,
  schema: z.object({ invoiceId: idField("an invoice"), newDueDate: dateOnlyField, reason }),
  run: async (ctx, input) => {
    const result = await extendDueDate(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() });
    return { message: "Due date extended.", data: { customerId: result.customerId } };
  },
});

export const reversePaymentAction = actionDefinition({
  name: "ledger.reverse_payment",
  roles: WORKING_ROLES,
  schema: z.object({ paymentId: idField("a payment"), reason }),
  run: async (ctx, input) => {
    const result = await reversePayment(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() });
    return { message: "Payment reversed.", data: { customerId: result.customerId } };
  },
});

export const applyCreditAction = actionDefinition({
  name: "ledger.apply_credit",
  roles: WORKING_ROLES,
  schema: z.object({ invoiceId: idField("an invoice") }),
  run: async (ctx, input) => {
    const result = await applyCredit(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() });
    return { message: `${result.applied} of the account's credit applied.`, data: { customerId: result.customerId } };
  },
});

const account = { customerId: idField("a customer"), currency: currencyField };

export const recordPaymentAction = actionDefinition({
  name: "ledger.record_payment",
  roles: WORKING_ROLES,
  schema: z.object({
    ...account,
    amount: typedAmountField,
    receivedOn: dateOnlyField,
    // "" (the form's "oldest open invoice first") or the invoice to pay first.
    invoiceId: z.union([idField("an invoice"), z.literal("")], { message: "Choose an invoice from the list." }),
    method: textField(100),
    reference: textField(200),
  }),
  run: async (ctx, input) => {
    const result = await recordPayment(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      invoiceId: input.invoiceId || null,
      now: clockNow(),
    });
    const n = result.allocations.length;
    const kept = result.unapplied
      ? `; ${n ? "the rest " : ""}kept on the account as unapplied cash (a credit to apply later)`
      : "";
    return {
      message: `Payment recorded${n ? ` on ${n} invoice${n === 1 ? "" : "s"}` : ""}${kept}${result.caseClosed ? "; the case is closed" : ""}.`,
      data: { customerId: input.customerId },
    };
  },
});
