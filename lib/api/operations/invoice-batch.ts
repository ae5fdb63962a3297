import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { problemSchema } from "@/lib/api-runtime/openapi";
import { problemOf } from "@/lib/api-runtime/problem";
import { AppError } from "@/lib/errors/app-error";
import { type InvoiceStatement, type InvoiceUpsertResult, upsertInvoices } from "@/lib/ledger/upsert-invoices";
import { amountToMinor } from "../fields";
import { invoiceBody } from "./invoices";

/** At most this many invoices per request (about 250 KB of JSON, under the 1 MB body cap). */
export const MAX_INVOICE_BATCH = 1000;
/**
 * Written in transactions of this many: a chunk's invoice locks are held for one
 * chunk's statements only, and a failure undoes at most one chunk (the items
 * before it stay written and answer `unchanged` on a retry).
 */
export const INVOICE_BATCH_CHUNK = 250;

const batchItem = invoiceBody
  .extend({
    number: z.string().trim().min(1).max(100).meta({ example: "2026-0042" }),
    issueYear: z
      .int()
      .min(2000)
      .max(2099)
      .optional()
      .meta({ description: "The invoice's issue year; absent, the issue date's year.", example: 2026 }),
  })
  .meta({ id: "InvoiceBatchItem" });

const itemResult = z
  .object({
    index: z.int().meta({ description: "The item's position in `invoices`, from 0." }),
    number: z.string(),
    issueYear: z.int().nullable(),
    status: z.int().meta({ description: "What PUT /invoices/{number} would have answered: 201, 200, 400 or 409." }),
    outcome: z.enum(["created", "updated", "unchanged", "refused"]),
    id: z.uuid().optional(),
    problem: problemSchema.optional().meta({ description: "Why a refused item changed nothing." }),
  })
  .meta({ id: "InvoiceBatchItemResult" });

const answer = z
  .object({
    counts: z.object({ created: z.int(), updated: z.int(), unchanged: z.int(), refused: z.int() }),
    results: z.array(itemResult),
  })
  .meta({ id: "InvoiceBatchResult" });

export const postInvoiceBatch = defineOperation({
  operationId: "postInvoiceBatch",
  method: "POST",
  path: "/invoices/batch",
  tag: "Invoices",
  summary: `Create or update up to ${MAX_INVOICE_BATCH} invoices in one request`,
  description: `Each item is what PUT /invoices/{number} takes (its number and issue year in the item), under the same identity, change rules and audit; a sync sends its invoices here instead of one request each. Written in transactions of ${INVOICE_BATCH_CHUNK} items. The answer is 200 with one result per item in the order sent: an item that is refused (unknown customer, an amount change on an invoice with payments, the same invoice twice) carries its problem and changes nothing, the others are written. A malformed item (a float amount, a missing field) refuses the whole request with 400 and \`errors\` keyed \`invoices.<index>.<field>\`. An \`Idempotency-Key\` is optional: with one, a retry answers the first result again (\`Idempotent-Replayed: true\`); without, a retry answers \`unchanged\` for what was written.`,
  scope: "write",
  idempotencyKey: "optional",
  body: z.object({ invoices: z.array(batchItem).min(1).max(MAX_INVOICE_BATCH) }).meta({ id: "InvoiceBatch" }),
  example: {
    headers: { "Idempotency-Key": "2b7c9e10-4f3a-4c1d-8e2f-5a6b7c8d9e0f" },
    body: {
      invoices: [
        {
          number: "2026-0043",
          issueYear: 2026,
          customerReference: "10042",
          issueDate: "2026-10-05",
          dueDate: "2026-10-19",
          currency: "NOK",
          amount: "4200.00",
        },
        {
          number: "2026-0044",
          customerReference: "10042",
          issueDate: "2026-10-12",
          dueDate: "2026-10-26",
          currency: "NOK",
          amount: "980.50",
          kid: "0010042202600443",
        },
      ],
    },
  },
  responses: { 200: { description: "One result per item, in the order sent.", schema: answer } },
  run: async (ctx, { body }) => {
    const results: z.output<typeof itemResult>[] = [];
    for (let start = 0; start < body.invoices.length; start += INVOICE_BATCH_CHUNK) {
      const chunk = body.invoices.slice(start, start + INVOICE_BATCH_CHUNK);
      // An amount with more decimals than its currency has is that item's refusal, not the request's.
      const statements = chunk.map((item): InvoiceStatement | AppError => {
        try {
          return { ...item, amountMinor: amountToMinor(item.amount, item.currency) };
        } catch (error) {
          if (error instanceof AppError) return error;
          throw error;
        }
      });
      const valid = statements.filter((s): s is InvoiceStatement => !(s instanceof AppError));
      const written = await upsertInvoices(ctx.db, {
        orgId: ctx.orgId,
        actor: ctx.actor,
        now: ctx.now,
        invoices: valid,
      });
      let next = 0;
      statements.forEach((statement, i) => {
        const item = chunk[i];
        const result: InvoiceUpsertResult =
          statement instanceof AppError
            ? { outcome: "refused", error: statement, issueYear: item.issueYear ?? Number(item.issueDate.slice(0, 4)) }
            : written[next++];
        results.push(itemResultOf(start + i, item.number, result));
      });
    }
    const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
    return {
      status: 200,
      body: {
        counts: {
          created: count("created"),
          updated: count("updated"),
          unchanged: count("unchanged"),
          refused: count("refused"),
        },
        results,
      },
    };
  },
});

function itemResultOf(index: number, number: string, result: InvoiceUpsertResult): z.output<typeof itemResult> {
  if (result.outcome === "refused")
    return {
      index,
      number,
      issueYear: result.issueYear,
      status: result.error.status,
      outcome: "refused",
      problem: problemOf(result.error),
    };
  return {
    index,
    number,
    issueYear: result.issueYear,
    status: result.outcome === "created" ? 201 : 200,
    outcome: result.outcome,
    id: result.invoiceId,
  };
}
