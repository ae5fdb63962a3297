import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { recordPayment } from "@/lib/ledger/record-payment";
import { invoiceRefFields, resolveAccountRefs } from "../account-refs";
import { amountOut, amountString, amountToMinor, currency, day, plain, reference } from "../fields";

export const paymentBody = z
  .object({
    customerReference: reference,
    currency,
    amount: amountString,
    receivedOn: day,
    ...invoiceRefFields,
    reference: z
      .string()
      .trim()
      .max(200)
      .default("")
      .meta({ description: "The bank's or accounting system's reference of the payment." }),
  })
  .meta({ id: "PaymentInput" });

const answer = z
  .object({
    customerReference: reference,
    currency,
    amount: amountOut,
    allocations: z.array(z.object({ paymentId: z.uuid(), invoiceId: z.uuid(), amount: amountOut })),
    unapplied: amountOut.meta({ description: "Kept on the account as credit (more than was open)." }),
    caseClosed: z.boolean(),
  })
  .meta({ id: "PaymentResult" });

export const postPayment = defineOperation({
  operationId: "postPayment",
  method: "POST",
  path: "/payments",
  tag: "Ledger",
  summary: "Record a payment (Idempotency-Key required)",
  description:
    "Recorded exactly as a payment entered by hand: the named invoice first, else the oldest open invoices, split where larger; what is left is credit on the account. Send an `Idempotency-Key` header (a UUID per payment): a retry with the same key records nothing and answers the first result again (header `Idempotent-Replayed: true`).",
  scope: "write",
  idempotencyKey: true,
  body: paymentBody,
  example: {
    headers: { "Idempotency-Key": "6f1c2a3e-8d4b-4e5f-9a0b-1c2d3e4f5a6b" },
    body: {
      customerReference: "10042",
      currency: "NOK",
      amount: "2500.00",
      receivedOn: "2026-11-18",
      invoiceNumber: "2026-0042",
      invoiceIssueYear: 2026,
      reference: "DNB 2026-11-18 #4471",
    },
  },
  responses: { 201: { description: "Recorded (or the first answer to this key).", schema: answer } },
  run: async (ctx, { body }) => {
    const { customerId, invoiceId } = await resolveAccountRefs(ctx, body);
    const minor = amountToMinor(body.amount, body.currency);
    const result = await recordPayment(ctx.db, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      customerId,
      currency: body.currency,
      amountMinor: minor,
      receivedOn: body.receivedOn,
      invoiceId,
      method: "API",
      source: "api",
      reference: body.reference,
      now: ctx.now,
    });
    return {
      status: 201,
      body: {
        customerReference: body.customerReference,
        currency: body.currency,
        amount: plain(minor, body.currency),
        allocations: result.allocations.map((a) => ({
          paymentId: a.paymentId,
          invoiceId: a.invoiceId,
          amount: plain(a.amountMinor, body.currency),
        })),
        unapplied: plain(result.unapplied, body.currency),
        caseClosed: Boolean(result.caseClosed),
      },
    };
  },
});
