import { z } from "zod";
import { getAgingSummary } from "@/lib/aging/aging-summary";
import { listAccountsAfter } from "@/lib/aging/list-accounts-after";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { AppError } from "@/lib/errors/app-error";
import { type DateOnly, daysBetween } from "@/lib/time/dates";
import { amountOut, currency, day, plain, reference } from "../fields";
import { orgToday } from "../org-today";

const agingAnswer = z
  .object({
    asOf: day,
    totals: z.array(
      z.object({
        currency,
        open: amountOut,
        overdue: amountOut,
        buckets: z.object({
          current: amountOut,
          d1_30: amountOut,
          d31_60: amountOut,
          d61_90: amountOut,
          d90_plus: amountOut,
        }),
        accounts: z.int(),
        overdueAccounts: z.int(),
      }),
    ),
    credits: z.array(z.object({ currency, credit: amountOut, accounts: z.int() })),
  })
  .meta({ id: "Aging" });

export const getAging = defineOperation({
  operationId: "getAging",
  method: "GET",
  path: "/aging",
  tag: "Reports",
  summary: "Open receivables per currency and aging bucket",
  description:
    "The aging report's totals as the report page shows them, today or as they stood at the end of `asOf` (buckets by days past due: current, 1–30, 31–60, 61–90, 90+), and account credits per currency.",
  scope: "read",
  query: z.object({ asOf: day.optional() }),
  example: { query: { asOf: "2026-11-20" } },
  responses: { 200: { description: "The totals.", schema: agingAnswer } },
  run: async (ctx, { query }) => {
    const today = await orgToday(ctx);
    const asOf = query.asOf as DateOnly | undefined;
    if (asOf && asOf > today)
      throw new AppError("INVALID_INPUT", "Some fields need attention.", {
        asOf: [`${asOf} is in the future; ask for today (${today}) or an earlier date.`],
      });
    const summary = await getAgingSummary(ctx.db, { orgId: ctx.orgId, today, asOf });
    return {
      body: {
        asOf: summary.asOf,
        totals: summary.totals.map((t) => ({
          currency: t.currency,
          open: plain(t.open, t.currency),
          overdue: plain(t.overdue, t.currency),
          buckets: {
            current: plain(t.current, t.currency),
            d1_30: plain(t.d1_30, t.currency),
            d31_60: plain(t.d31_60, t.currency),
            d61_90: plain(t.d61_90, t.currency),
            d90_plus: plain(t.d90_plus, t.currency),
          },
          accounts: t.accounts,
          overdueAccounts: t.overdueAccounts,
        })),
        credits: summary.credits.map((c) => ({
          currency: c.currency,
          credit: plain(c.credit, c.currency),
          accounts: c.accounts,
        })),
      },
    };
  },
});

const accountsAnswer = z
  .object({
    data: z.array(
      z.object({
        customerReference: reference,
        customerName: z.string(),
        currency,
        open: amountOut,
        openInvoices: z.int(),
        oldestOpenDue: day.nullable(),
        daysPastDue: z.int(),
        stage: z.int().nullable().meta({ description: "The highest letter stage sent in the open case." }),
        lastContactAt: z.iso.datetime({ offset: true }).nullable(),
      }),
    ),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
  })
  .meta({ id: "AccountPage" });

const cursorOf = (row: { customerId: string; currency: string }) =>
  Buffer.from(`${row.customerId}:${row.currency}`).toString("base64url");

function parseCursor(cursor: string | undefined) {
  if (!cursor) return null;
  const [customerId, code] = Buffer.from(cursor, "base64url").toString().split(":");
  if (!z.uuid().safeParse(customerId).success || !/^[A-Z]{3}$/.test(code ?? ""))
    throw new AppError("INVALID_INPUT", "Some fields need attention.", {
      cursor: ["That cursor was not made by this API; pass the nextCursor of the previous page."],
    });
  return { customerId, currency: code };
}

export const listAccounts = defineOperation({
  operationId: "listAccounts",
  method: "GET",
  path: "/accounts",
  tag: "Reports",
  summary: "Accounts with an open balance (cursor pagination)",
  description:
    "Every account (customer and currency) with an open balance, in a stable order. Walk the pages with `cursor` = the previous page's `nextCursor`.",
  scope: "read",
  query: z.object({
    cursor: z.string().max(200).optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, "Give limit as a whole number from 1 to 500.")
      .transform(Number)
      .refine((n) => n >= 1 && n <= 500, "Give limit as a whole number from 1 to 500.")
      .optional()
      .meta({ description: "Accounts per page, 1 to 500 (default 100).", example: "100" }),
  }),
  example: { query: { limit: "100" } },
  responses: { 200: { description: "A page of accounts.", schema: accountsAnswer } },
  run: async (ctx, { query }) => {
    const today = await orgToday(ctx);
    const page = await listAccountsAfter(ctx.db, {
      orgId: ctx.orgId,
      after: parseCursor(query.cursor),
      limit: query.limit ?? 100,
    });
    const last = page.rows.at(-1);
    return {
      body: {
        data: page.rows.map((r) => ({
          customerReference: r.reference,
          customerName: r.name,
          currency: r.currency,
          open: plain(r.openMinor, r.currency),
          openInvoices: r.openInvoices,
          oldestOpenDue: r.oldestOpenDue,
          daysPastDue: r.oldestOpenDue ? Math.max(0, daysBetween(r.oldestOpenDue, today)) : 0,
          stage: r.stage,
          lastContactAt: r.lastContactAt?.toISOString() ?? null,
        })),
        nextCursor: page.more && last ? cursorOf(last) : null,
      },
    };
  },
});
