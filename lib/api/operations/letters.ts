import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { getContactHistory } from "@/lib/collections/contact-history";
import { findCustomerIdByReference } from "@/lib/customers/find-customer-by-reference";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { AppError } from "@/lib/errors/app-error";
import { pdfResponse } from "@/lib/http/route-auth";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { toMinor } from "@/lib/money/money";
import type { Stage } from "@/lib/stages/stage";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { amountOut, currency, day, plain, reference } from "../fields";

const letterId = z.object({ id: z.uuid("That is not a letter id.") });

const letterSchema = z
  .object({
    id: z.uuid(),
    customerReference: reference,
    currency,
    stage: z.int().min(1).max(4),
    language: z.string(),
    subject: z.string(),
    body: z.string(),
    totalDue: amountOut,
    deadline: day,
    sentAt: z.iso.datetime({ offset: true }),
    sentBy: z.string().nullable(),
    registeredMail: z.boolean(),
    contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
    pdf: z.string().meta({ description: "Where the letter's PDF is (GET, same token)." }),
  })
  .meta({ id: "Letter" });

export const getLetter = defineOperation({
  operationId: "getLetter",
  method: "GET",
  path: "/letters/{id}",
  tag: "Letters",
  summary: "A letter exactly as it was sent",
  description: "The stored text, amounts and the SHA-256 of its content; the PDF is at `pdf`.",
  scope: "read",
  params: letterId,
  example: { params: { id: "{letterId}" } },
  responses: { 200: { description: "The letter.", schema: letterSchema } },
  run: async (ctx, { params }) => {
    const letter = await ctx.db.letter.findFirst({
      where: { id: params.id, orgId: ctx.orgId },
      include: { customer: { select: { reference: true } }, sentBy: { select: { name: true } } },
    });
    if (!letter) throw new AppError("NOT_FOUND", "That letter was not found.");
    const code = letter.currency.trim();
    return {
      body: {
        id: letter.id,
        customerReference: letter.customer.reference,
        currency: code,
        stage: letter.stage,
        language: letter.language,
        subject: letter.subject,
        body: letter.body,
        totalDue: plain(toMinor(letter.totalDueMinor), code),
        deadline: dateOnlyFromDb(letter.deadlineDate),
        sentAt: letter.sentAt.toISOString(),
        sentBy: letter.sentBy?.name ?? null,
        registeredMail: letter.registeredMail,
        contentSha256: letter.contentSha256,
        pdf: `/api/v1/letters/${letter.id}/pdf`,
      },
    };
  },
});

export const getLetterPdfOperation = defineOperation({
  operationId: "getLetterPdf",
  method: "GET",
  path: "/letters/{id}/pdf",
  tag: "Letters",
  summary: "A letter's PDF",
  description: "Rendered from the letter row as sent, the same PDF the letter page offers.",
  scope: "read",
  params: letterId,
  example: { params: { id: "{letterId}" } },
  produces: "application/pdf",
  responses: { 200: { description: "The PDF." } },
  run: async (ctx, { params }) => {
    const { pdf, filename } = await getLetterPdf(ctx.db, { orgId: ctx.orgId, letterId: params.id });
    return pdfResponse(pdf, filename);
  },
});

export const sendLetterBody = z
  .object({
    customerReference: reference,
    currency,
    stage: z.int().min(1).max(4).meta({ description: "The stage you expect to send (as the button shows it)." }),
    channel: z.enum(["post", "email"]).default("post").meta({ description: "email: also emailed as a PDF." }),
  })
  .meta({ id: "SendLetterInput" });

const sentAnswer = z
  .object({
    letterId: z.uuid(),
    stage: z.int(),
    deadline: day,
    contentSha256: z.string(),
    emailedTo: z.string().nullable(),
    letter: z.string(),
  })
  .meta({ id: "SentLetter" });

export const postLetter = defineOperation({
  operationId: "postLetter",
  method: "POST",
  path: "/letters",
  tag: "Letters",
  summary: "Send the account's next letter, as the button does",
  description:
    "Every check of the Send button runs (law profile, pause, dispute, policy timing, freshness of the stage): a refusal answers the same message. A letter of that stage already in the case is a 409 naming who sent it, so a retry never sends twice.",
  scope: "write",
  body: sendLetterBody,
  example: { body: { customerReference: "10042", currency: "NOK", stage: 1, channel: "post" } },
  responses: { 201: { description: "Sent.", schema: sentAnswer } },
  run: async (ctx, { body }) => {
    const customerId = await findCustomerIdByReference(ctx.db, { orgId: ctx.orgId, reference: body.customerReference });
    const sent = await sendNextLetter(ctx.db, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      customerId,
      currency: body.currency,
      stage: body.stage as Stage,
      overrideReason: null,
      byEmail: body.channel === "email",
      now: ctx.now,
    });
    return {
      status: 201,
      body: {
        letterId: sent.letterId,
        stage: sent.stage,
        deadline: sent.deadline,
        contentSha256: sent.contentSha256,
        emailedTo: sent.delivery?.recipient ?? null,
        letter: `/api/v1/letters/${sent.letterId}`,
      },
    };
  },
});

const historySchema = z
  .object({
    customerReference: reference,
    entries: z.array(
      z.object({
        id: z.string(),
        at: z.iso.datetime({ offset: true }),
        by: z.string(),
        type: z.enum(["contact", "event"]),
        channel: z.string().nullable(),
        direction: z.string().nullable(),
        outcome: z.string().nullable(),
        event: z.string().nullable().meta({ description: "The kind of event (promise, dispute_opened, handoff…)." }),
        title: z.string().nullable(),
        note: z.string(),
        letterId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "ContactHistory" });

export const getCustomerHistory = defineOperation({
  operationId: "getCustomerHistory",
  method: "GET",
  path: "/customers/{reference}/history",
  tag: "Customers",
  summary: "The customer's contact history, oldest first",
  description:
    "Every contact attempt (letters, emails, calls) with who, when, channel and outcome, and the promises, plans, disputes, hand-offs and status changes around them, as the hand-off pack has it.",
  scope: "read",
  params: z.object({ reference }),
  example: { params: { reference: "10042" } },
  responses: { 200: { description: "The history.", schema: historySchema } },
  run: async (ctx, { params }) => {
    const customerId = await findCustomerIdByReference(ctx.db, {
      orgId: ctx.orgId,
      reference: params.reference,
      field: "reference",
    }).catch(() => {
      throw new AppError("NOT_FOUND", `No customer has the reference "${params.reference}".`);
    });
    const entries = await getContactHistory(ctx.db, { orgId: ctx.orgId, customerId });
    return {
      body: {
        customerReference: params.reference,
        entries: entries.map((e) =>
          e.type === "contact"
            ? {
                id: e.id,
                at: e.at.toISOString(),
                by: e.by,
                type: e.type,
                channel: e.channel,
                direction: e.direction,
                outcome: e.outcome,
                event: null,
                title: null,
                note: e.note,
                letterId: e.letter?.id ?? null,
              }
            : {
                id: e.id,
                at: e.at.toISOString(),
                by: e.by,
                type: e.type,
                channel: null,
                direction: null,
                outcome: null,
                event: e.event.kind,
                title: e.title,
                note: e.note,
                letterId: e.letterId ?? null,
              },
        ),
      },
    };
  },
});
