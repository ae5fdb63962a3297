import { z } from "zod";
import { lenientQuery } from "@/lib/actions/query-params";
import { type DbOrTx, readAll } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { CUSTOMER_TYPES, LANGUAGES } from "./customer-fields";
import { customerSearchSql } from "./customer-search";

// The customer list: every customer, open balance or not. Query parameters
// come from the URL, so anything unknown falls back instead of failing.

export const CUSTOMER_SORTS = ["name", "reference", "newest"] as const;
const code = (length: number) =>
  z
    .string()
    .regex(new RegExp(`^[A-Z]{${length}}$`), `use a code of ${length} capital letters`)
    .optional();

/** The list's filters, strictly (its export); the page reads `customerQuerySchema`, which falls back per field. */
export const customerFilterSchema = z.object({
  q: z.string().trim().max(100, "search for at most 100 characters").optional(),
  language: z.enum(LANGUAGES).optional(),
  currency: code(3),
  country: code(2),
  type: z.enum(CUSTOMER_TYPES).optional(),
  balance: z.enum(["open", "none"]).optional(),
  paused: z.enum(["yes", "no"]).optional(),
  // "My accounts" (assigned to the signed-in user) or the unassigned ones.
  assigned: z.enum(["me", "none"]).optional(),
  sort: z.enum(CUSTOMER_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const customerQuerySchema = lenientQuery(customerFilterSchema);
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

export const CUSTOMERS_PAGE_SIZE = 50;

// Fixed SQL per sort, each served by an index: customers_by_name_icu, the
// unique (org_id, reference), and the uuid v7 primary key (creation order).
const ORDER_SQL: Record<(typeof CUSTOMER_SORTS)[number], { asc: string; desc: string }> = {
  name: { asc: 'c.name COLLATE "und-x-icu" ASC, c.id ASC', desc: 'c.name COLLATE "und-x-icu" DESC, c.id DESC' },
  reference: { asc: "c.reference ASC", desc: "c.reference DESC" },
  newest: { asc: "c.id DESC", desc: "c.id ASC" },
};

export interface CustomerListRow {
  id: string;
  reference: string;
  name: string;
  email: string;
  countryCode: string | null;
  type: string;
  language: string;
  currency: string;
  /** Open balance per currency (accounts with something open). */
  open: { currency: string; minor: number }[];
  pause: { reason: string; until: DateOnly | null } | null;
  /** The collector who works the account (name), or null. */
  assignedTo: string | null;
}

interface RawRow {
  id: string;
  reference: string;
  name: string;
  email: string;
  country_code: string | null;
  type: string;
  language: string;
  currency: string;
  paused_reason: string | null;
  paused_until: Date | null;
  open: { currency: string; minor: string }[] | null;
  assigned_to: string | null;
}

/** Paused today: a reason is set and the end date, if any, has not passed. */
const pausedSql = (today: DateOnly) =>
  Prisma.sql`(c.dunning_paused_reason IS NOT NULL AND (c.dunning_paused_until IS NULL OR c.dunning_paused_until >= ${today}::date))`;
const hasOpenSql = Prisma.sql`EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id AND a.open_minor > 0)`;

export async function listCustomers(
  tx: DbOrTx,
  /**
   * userId: the signed-in user, for "assigned to me". pageSize: the export reads larger pages;
   * countless: it needs no total, so no count per page.
   */
  opts: {
    orgId: string;
    today: DateOnly;
    query: CustomerQuery;
    userId?: string;
    pageSize?: number;
    countless?: boolean;
  },
): Promise<{ rows: CustomerListRow[]; total: number; pageSize: number }> {
  const { query } = opts;
  const eq = (column: string, value: string | undefined) =>
    value ? Prisma.sql`AND ${Prisma.raw(column)} = ${value}` : Prisma.empty;
  const where = Prisma.sql`c.org_id = ${opts.orgId}::uuid
    ${customerSearchSql(opts.orgId, query.q)}
    ${eq("c.language::text", query.language)} ${eq("c.currency", query.currency)}
    ${eq("c.country_code", query.country)} ${eq("c.type::text", query.type)}
    ${query.balance === "open" ? Prisma.sql`AND ${hasOpenSql}` : query.balance === "none" ? Prisma.sql`AND NOT ${hasOpenSql}` : Prisma.empty}
    ${query.assigned === "me" && opts.userId ? Prisma.sql`AND c.assigned_user_id = ${opts.userId}::uuid` : query.assigned === "none" ? Prisma.sql`AND c.assigned_user_id IS NULL` : Prisma.empty}
    ${query.paused === "yes" ? Prisma.sql`AND ${pausedSql(opts.today)}` : query.paused === "no" ? Prisma.sql`AND NOT ${pausedSql(opts.today)}` : Prisma.empty}`;
  const order = Prisma.raw(ORDER_SQL[query.sort][query.dir]);
  const pageSize = opts.pageSize ?? CUSTOMERS_PAGE_SIZE;
  const offset = (query.page - 1) * pageSize;
  const [rows, [count]] = await readAll(tx, [
    () =>
      tx.$queryRaw<RawRow[]>(Prisma.sql`
      SELECT c.id, c.reference, c.name, c.email, c.country_code, c.type::text, c.language::text, c.currency,
        CASE WHEN ${pausedSql(opts.today)} THEN c.dunning_paused_reason END AS paused_reason, c.dunning_paused_until AS paused_until,
        (SELECT json_agg(json_build_object('currency', a.currency, 'minor', a.open_minor::text) ORDER BY a.currency)
           FROM accounts a WHERE a.customer_id = c.id AND a.open_minor > 0) AS open,
        u.name AS assigned_to
      FROM customers c LEFT JOIN users u ON u.id = c.assigned_user_id WHERE ${where}
      ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`),
    () =>
      opts.countless
        ? Promise.resolve([{ n: -1n }])
        : tx.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n FROM customers c WHERE ${where}`),
  ] as const);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      name: r.name,
      email: r.email,
      countryCode: r.country_code?.trim() ?? null,
      type: r.type,
      language: r.language,
      currency: r.currency.trim(),
      open: (r.open ?? []).map((o) => ({ currency: o.currency.trim(), minor: Number(o.minor) })),
      pause:
        r.paused_reason !== null
          ? { reason: r.paused_reason, until: r.paused_until ? dateOnlyFromDb(r.paused_until) : null }
          : null,
      assignedTo: r.assigned_to,
    })),
    total: toMinor(count.n),
    pageSize,
  };
}
