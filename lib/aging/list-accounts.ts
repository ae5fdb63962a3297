import { z } from "zod";
import { lenientQuery } from "@/lib/actions/query-params";
import { customerSearchSql } from "@/lib/customers/customer-search";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { type BucketAmounts, INVOICES } from "./aging-totals";
import { accountAggregates, bucketConditions } from "./bucket-sql";
import { BUCKET_KEYS, type BucketKey } from "./buckets";

export const ACCOUNT_SORTS = [
  "name",
  "open",
  "current",
  "d1_30",
  "d31_60",
  "d61_90",
  "d90_plus",
  "oldest",
  "last_contact",
  "stage",
] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

/**
 * The report's filters and sort, strictly: its exports parse the query with this one
 * (a bad value is a 400); the page reads `accountQuerySchema`, the same fields with
 * each falling back to its default.
 */
export const accountFilterSchema = z.object({
  sort: z.enum(ACCOUNT_SORTS).default("oldest"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  bucket: z.enum(BUCKET_KEYS).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "use a currency code of three capital letters, like NOK")
    .optional(),
  q: z.string().trim().max(100, "search for at most 100 characters").optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  // The report's date (YYYY-MM-DD, absent: today), kept across sort and filter links; checked by parseAsOf.
  asOf: z.string().max(10).optional(),
});
export const accountQuerySchema = lenientQuery(accountFilterSchema);
export type AccountQuery = z.infer<typeof accountQuerySchema>;

export interface AccountRow extends BucketAmounts {
  customerId: string;
  name: string;
  currency: string;
  open: number;
  oldestDaysPastDue: number;
  lastContactAt: Date | null;
  stage: number | null;
}

export const ACCOUNTS_PAGE_SIZE = 25;

// Sort keys map to fixed SQL; user input never reaches the ORDER BY text.
// Names sort linguistically (ICU root collation: "Ålesund" beside "Alpha"), not byte-wise.
const ORDER_SQL: Record<AccountSort, string> = {
  name: 'name COLLATE "und-x-icu"',
  open: "open",
  current: "current",
  d1_30: "d1_30",
  d31_60: "d31_60",
  d61_90: "d61_90",
  d90_plus: "d90_plus",
  oldest: "oldest",
  last_contact: "last_contact_at",
  stage: "stage",
};

type RawAccountRow = Record<string, unknown>;

/**
 * One page of accounts (customer + currency) with an open balance, each with its
 * bucket amounts, oldest days past due, last contact and letter stage in the
 * open case. Aggregated in PostgreSQL; last contact and stage are looked up for
 * the page only unless the sort needs them for every account.
 *
 * `total`, when the caller already knows how many accounts match (the aging
 * totals count them for an unfiltered or currency-filtered report), spares
 * counting every account again on every page.
 */
export async function listAgingAccounts(
  tx: DbOrTx,
  opts: {
    orgId: string;
    today: DateOnly;
    query: AccountQuery;
    pageSize?: number;
    total?: number;
    invoices?: Prisma.Sql;
    until?: Date;
  },
): Promise<{ rows: AccountRow[]; total: number; pageSize: number }> {
  const { query } = opts;
  const pageSize = opts.pageSize ?? ACCOUNTS_PAGE_SIZE;
  const page = { ...opts, pageSize, offset: (query.page - 1) * pageSize };
  // `accounts` holds today's balances: not for a past date (invoicesAsOf).
  const fromAccountsTable = query.sort in ACCOUNTS_TABLE_SORTS && !query.bucket && !opts.invoices;
  const { rows, total } = fromAccountsTable ? await pageByAccountsTable(tx, page) : await pageByAggregate(tx, page);
  return { total, pageSize, rows: rows.map(toAccountRow) };
}

interface PageOpts {
  orgId: string;
  today: DateOnly;
  query: AccountQuery;
  pageSize: number;
  offset: number;
  total?: number;
  invoices?: Prisma.Sql;
  until?: Date;
}

/**
 * Last contact and letter stage in the open case, for the accounts aliased `a`;
 * with `until` (the end of a past report date) as they stood then: contacts and
 * letters before it, in the case that was open at it.
 */
function lookups(until?: Date): Prisma.Sql {
  const contactsBefore = until ? Prisma.sql`AND ca.occurred_at < ${until}` : Prisma.empty;
  const openCase = until
    ? Prisma.sql`cc.opened_at < ${until} AND (cc.closed_at IS NULL OR cc.closed_at >= ${until}) AND l.sent_at < ${until}`
    : Prisma.sql`cc.closed_at IS NULL`;
  return Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT max(ca.occurred_at) AS last_contact_at FROM contact_attempts ca WHERE ca.customer_id = a.customer_id ${contactsBefore}
    ) lc ON true
    LEFT JOIN LATERAL (
      SELECT max(l.stage) AS stage FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
      WHERE cc.customer_id = a.customer_id AND cc.currency = a.currency AND ${openCase}
    ) st ON true`;
}

const currencyFilter = (query: AccountQuery) =>
  query.currency ? Prisma.sql`AND i.currency = ${query.currency}` : Prisma.empty;

/**
 * With a bucket filter only accounts with an open invoice due in the bucket's
 * range qualify: found through the due-date index before anything is aggregated.
 */
function inBucket(opts: PageOpts): Prisma.Sql {
  if (!opts.query.bucket) return Prisma.empty;
  return Prisma.sql`AND (i.customer_id, i.currency) IN (
    SELECT b.customer_id, b.currency FROM ${opts.invoices ?? INVOICES} b
    WHERE b.org_id = ${opts.orgId}::uuid AND b.paid_minor < b.amount_minor AND ${bucketConditions(opts.today, "b.due_date")[opts.query.bucket]})`;
}

/** Any sort or filter: aggregate every account with an open balance, then sort and cut the page. */
async function pageByAggregate(tx: DbOrTx, opts: PageOpts): Promise<{ rows: RawAccountRow[]; total: number }> {
  const { query } = opts;
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const nulls = query.dir === "asc" ? "NULLS FIRST" : "NULLS LAST";
  const order = Prisma.raw(
    `${ORDER_SQL[query.sort]} ${dir} ${nulls}, ${ORDER_SQL.name} ASC, currency ASC, customer_id ASC`,
  );
  const needsLookupsFirst = query.sort === "last_contact" || query.sort === "stage";
  const bucketFilter = query.bucket ? Prisma.raw(`AND ${bucketColumn(query.bucket)} > 0`) : Prisma.empty;
  const counted = opts.total === undefined;

  const rows = await tx.$queryRaw<RawAccountRow[]>(Prisma.sql`
    -- MATERIALIZED: computed once. Inlined, the planner chose a parallel plan that
    -- ran this whole aggregation in every worker again (measured at 1M invoices).
    WITH acct AS MATERIALIZED (
      SELECT i.customer_id, i.currency, ${accountAggregates(opts.today)}
      FROM ${opts.invoices ?? INVOICES} i
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter(query)} ${inBucket(opts)}
      GROUP BY i.customer_id, i.currency
    ),
    matched AS (
      SELECT a.*, c.name ${needsLookupsFirst ? Prisma.sql`, lc.last_contact_at, st.stage` : Prisma.empty}
      FROM acct a JOIN customers c ON c.id = a.customer_id
      ${needsLookupsFirst ? lookups(opts.until) : Prisma.empty}
      WHERE true ${nameFilter(opts.orgId, query)} ${bucketFilter}
    ),
    page AS (
      SELECT * ${counted ? Prisma.sql`, count(*) OVER () AS total` : Prisma.empty}
      FROM matched ORDER BY ${order} LIMIT ${opts.pageSize} OFFSET ${opts.offset}
    )
    SELECT ${needsLookupsFirst ? Prisma.sql`a.*` : Prisma.sql`a.*, lc.last_contact_at, st.stage`}
    FROM page a ${needsLookupsFirst ? Prisma.empty : lookups(opts.until)}
    ORDER BY ${order}`);

  // Past the last page the window count is unknown; the pager then offers page 1.
  const total = opts.total ?? (rows.length ? toMinor(rows[0].total as bigint) : 0);
  return { rows, total };
}

/** The sorts the `accounts` table serves from an index: open balance, oldest open due date, customer name. */
const ACCOUNTS_TABLE_SORTS: Partial<Record<AccountSort, { asc: string; desc: string }>> = {
  open: { asc: "a.open_minor ASC", desc: "a.open_minor DESC" },
  // Most days past due first is the oldest due date first.
  oldest: { asc: "a.oldest_open_due DESC", desc: "a.oldest_open_due ASC" },
  name: { asc: `c.${ORDER_SQL.name} ASC`, desc: `c.${ORDER_SQL.name} DESC` },
};

/**
 * Sorted by open balance, oldest days past due (the default) or name, with no
 * bucket filter: `accounts` (balances kept exact by the invoice triggers) hands
 * over the page's accounts in order from an index, and only those are
 * aggregated into buckets. Ties are broken by name: the page's rows are taken
 * WITH TIES on the sort key before the full order is applied.
 */
async function pageByAccountsTable(tx: DbOrTx, opts: PageOpts): Promise<{ rows: RawAccountRow[]; total: number }> {
  const { query } = opts;
  const key = Prisma.raw(ACCOUNTS_TABLE_SORTS[query.sort]![query.dir]);
  const filters = Prisma.sql`${query.currency ? Prisma.sql`AND a.currency = ${query.currency}` : Prisma.empty} ${nameFilter(opts.orgId, query)}`;
  const order = Prisma.raw(
    `${ORDER_SQL[query.sort]} ${query.dir === "asc" ? "ASC" : "DESC"}, ${ORDER_SQL.name} ASC, currency ASC, customer_id ASC`,
  );
  const rows = await tx.$queryRaw<RawAccountRow[]>(Prisma.sql`
    WITH top AS (
      SELECT a.customer_id, a.currency, c.name FROM accounts a JOIN customers c ON c.id = a.customer_id
      WHERE a.org_id = ${opts.orgId}::uuid AND a.open_minor > 0 ${filters}
      ORDER BY ${key} FETCH FIRST ${opts.offset + opts.pageSize} ROWS WITH TIES
    ),
    page AS (
      SELECT t.*, s.* FROM top t
      CROSS JOIN LATERAL (
        SELECT ${accountAggregates(opts.today)} FROM invoices i
        WHERE i.org_id = ${opts.orgId}::uuid AND i.customer_id = t.customer_id AND i.currency = t.currency AND i.paid_minor < i.amount_minor
      ) s
      ORDER BY ${order} LIMIT ${opts.pageSize} OFFSET ${opts.offset}
    )
    SELECT a.*, lc.last_contact_at, st.stage FROM page a ${lookups()}
    ORDER BY ${order}`);
  return { rows, total: opts.total ?? (await countOpenAccounts(tx, { ...opts, filters })) };
}

async function countOpenAccounts(
  tx: DbOrTx,
  opts: { orgId: string; query: AccountQuery; filters: Prisma.Sql },
): Promise<number> {
  const customers = opts.query.q ? Prisma.sql`JOIN customers c ON c.id = a.customer_id` : Prisma.empty;
  const [row] = await tx.$queryRaw<{ n: bigint }[]>(Prisma.sql`
    SELECT count(*) AS n FROM accounts a ${customers} WHERE a.org_id = ${opts.orgId}::uuid AND a.open_minor > 0 ${opts.filters}`);
  return toMinor(row.n);
}

// The search box finds customers as the customer list does: name, reference, email or invoice number, accents folded.
const nameFilter = (orgId: string, query: AccountQuery) => customerSearchSql(orgId, query.q);

function toAccountRow(r: RawAccountRow): AccountRow {
  return {
    customerId: String(r.customer_id),
    name: String(r.name),
    currency: String(r.currency),
    open: toMinor(r.open as bigint),
    current: toMinor(r.current as bigint),
    d1_30: toMinor(r.d1_30 as bigint),
    d31_60: toMinor(r.d31_60 as bigint),
    d61_90: toMinor(r.d61_90 as bigint),
    d90_plus: toMinor(r.d90_plus as bigint),
    oldestDaysPastDue: Number(r.oldest),
    lastContactAt: (r.last_contact_at as Date | null) ?? null,
    stage: r.stage === null || r.stage === undefined ? null : Number(r.stage),
  };
}

function bucketColumn(bucket: BucketKey): string {
  return bucket; // bucket keys are the column names of `acct`
}
