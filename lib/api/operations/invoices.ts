import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { compactRfReference, isRfReference } from "@/lib/iso/payment-reference";
import { upsertInvoice } from "@/lib/ledger/upsert-invoice";
import { amountString, amountToMinor, currency, day, outcome, reference } from "../fields";

export const invoiceBody = z
  .object({
    customerReference: reference,
    issueDate: day,
    dueDate: day,
    currency,
    amount: amountString.meta({ description: "The invoice total, a decimal string.", example: "1250.00" }),
    kid: z
      .string()
      .regex(/^\d{2,25}$/, "A KID is 2 to 25 digits.")
      .nullable()
      .optional()
      .meta({ description: "Norwegian payment reference, kept as given." }),
    rfReference: z
      .string()
      .transform(compactRfReference)
      .refine(
        isRfReference,
        "An RF reference is RF, 2 check digits and up to 21 letters or digits, its check digits right.",
      )
      .nullable()
      .optional()
      .meta({
        description: "ISO 11649 RF creditor reference, verified and kept as given.",
        example: "RF18539007547034",
      }),
  })
  .meta({ id: "InvoiceInput" });

const answer = z
  .object({ number: z.string(), issueYear: z.int(), id: z.uuid(), outcome })
  .meta({ id: "InvoiceUpsertResult" });

export const putInvoice = defineOperation({
  operationId: "putInvoice",
  method: "PUT",
  path: "/invoices/{number}",
  tag: "Invoices",
  summary: "Create or update an invoice by its number (and issue year)",
  description:
    "Identified as the imports identify invoices: by number within its issue year (give `issueYear`; absent, the issue date's year), or by number and customer when the organization numbers per customer. A changed customer or amount on an invoice with payments, letters or disputes is refused (409) with the reason: record a credit note instead. The same body twice answers `unchanged`.",
  scope: "write",
  params: z.object({ number: z.string().trim().min(1).max(100).meta({ example: "2026-0042" }) }),
  query: z.object({
    issueYear: z
      .string()
      .regex(/^(20\d\d)$/, "Give the issue year as YYYY.")
      .transform(Number)
      .optional()
      .meta({ description: "The invoice's issue year, YYYY.", example: "2026" }),
  }),
  body: invoiceBody,
  example: {
    params: { number: "2026-0042" },
    query: { issueYear: "2026" },
    body: {
      customerReference: "10042",
      issueDate: "2026-10-01",
      dueDate: "2026-10-15",
      currency: "NOK",
      amount: "12500.00",
      kid: "0010042202600427",
    },
  },
  responses: {
    200: { description: "Updated, or unchanged.", schema: answer },
    201: { description: "Created.", schema: answer },
  },
  run: async (ctx, { params, query, body }) => {
    const result = await upsertInvoice(ctx.db, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      number: params.number,
      issueYear: query.issueYear,
      customerReference: body.customerReference,
      issueDate: body.issueDate,
      dueDate: body.dueDate,
      currency: body.currency,
      amountMinor: amountToMinor(body.amount, body.currency),
      kid: body.kid,
      rfReference: body.rfReference,
      now: ctx.now,
    });
    return {
      status: result.outcome === "created" ? 201 : 200,
      body: {
        number: params.number,
        issueYear: query.issueYear ?? Number(body.issueDate.slice(0, 4)),
        id: result.invoiceId,
        outcome: result.outcome,
      },
    };
  },
});
