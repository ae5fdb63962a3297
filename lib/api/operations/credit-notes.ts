import { createHash } from "node:crypto";
import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { invoiceRefFields, resolveAccountRefs } from "../account-refs";
import { amountString, amountToMinor, currency, day, reference } from "../fields";

export const creditNoteBody = z
  .object({
    number: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: "The credit note's own number.", example: "CN-2026-7" }),
    customerReference: reference,
    ...invoiceRefFields,
    currency,
    amount: amountString,
    issuedOn: day,
    reason: z.string().trim().min(1, "Write the reason for the credit.").max(2000),
  })
  .meta({ id: "CreditNoteInput" });

const answer = z
  .object({ number: z.string(), id: z.uuid(), outcome: z.enum(["created", "unchanged"]) })
  .meta({ id: "CreditNoteResult" });

export const postCreditNote = defineOperation({
  operationId: "postCreditNote",
  method: "POST",
  path: "/credit-notes",
  tag: "Ledger",
  summary: "Record a credit note",
  description:
    "Reduces the invoice's open balance (never below zero), or credits the account when no invoice is named. The credit note's number is its identity: the same body again answers `unchanged`; another body with a number already used is a 409.",
  scope: "write",
  body: creditNoteBody,
  example: {
    body: {
      number: "CN-2026-7",
      customerReference: "10042",
      invoiceNumber: "2026-0042",
      invoiceIssueYear: 2026,
      currency: "NOK",
      amount: "500.00",
      issuedOn: "2026-11-19",
      reason: "Two pallets returned",
    },
  },
  responses: {
    201: { description: "Recorded.", schema: answer },
    200: { description: "Already recorded by an identical request.", schema: answer },
  },
  run: async (ctx, { body }) => {
    const { customerId, invoiceId } = await resolveAccountRefs(ctx, body);
    // The stable key of this exact credit note: a retried request finds it instead of a number clash.
    const importKey = `api:${createHash("sha256").update(JSON.stringify(body)).digest("hex")}`;
    const result = await recordCreditNote(ctx.db, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      customerId,
      invoiceId,
      amountMinor: amountToMinor(body.amount, body.currency),
      currency: body.currency,
      reason: body.reason,
      number: body.number,
      issuedOn: body.issuedOn,
      importKey,
      now: ctx.now,
    });
    return {
      status: result.duplicate ? 200 : 201,
      body: { number: body.number, id: result.entryId, outcome: result.duplicate ? "unchanged" : "created" },
    };
  },
});
