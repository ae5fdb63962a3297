import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { BUCKET_KEYS, type BucketKey } from "./buckets";
import { INVOICES, type BucketAmounts } from "./aging-totals";
import { accountAggregates } from "./bucket-sql";

export const ACCOUNT_SORTS = ["name", "open", "current", "d1_30", "d31_60", "d61_90", "d90_plus", "oldest", "last_contact", "stage"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const accountQuerySchema = z.object({
  sort: z.enum(ACCOUNT_SORTS).catch("oldest"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  bucket: z.enum(BUCKET_KEYS).optional().catch(undefined),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  // The report's date (YYYY-MM-DD, absent: today), kept across sort and filter links; checked by parseAsOf.
  asOf: z.string().max(10).optional().catch(undefined),
});
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
  opts: { orgId: string; today: DateOnly; query: AccountQuery; pageSize?: number; total?: number; invoices?: Prisma.Sql },
): Promise<{ rows: AccountRow[]; total: number; pageSize: number }> {
  const { query } = opts;
  const pageSize = opts.pageSize ?? ACCOUNTS_PAGE_SIZE;
  const page = { ...opts, pageSize, offset: (query.page - 1) * pageSize };
  // The due-date walk needs the invoices table's own index: not for a past date (invoicesAsOf).
  const mostOverdueFirst = query.sort === "oldest" && query.dir === "desc" && !query.q && !query.bucket && !opts.invoices;
  const { rows, total } = mostOverdueFirst ? await pageByOldestDueDate(tx, page) : await pageByAggregate(tx, page);
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
}

// Last contact and letter stage in the open case, for the accounts aliased `a`.
const LOOKUPS = Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT max(ca.occurred_at) AS last_contact_at FROM contact_attempts ca WHERE ca.customer_id = a.customer_id
    ) lc ON true
    LEFT JOIN LATERAL (
      SELECT max(l.stage) AS stage FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
      WHERE cc.customer_id = a.customer_id AND cc.currency = a.currency AND cc.closed_at IS NULL
    ) st ON true`;

const currencyFilter = (query: AccountQuery) => (query.currency ? Prisma.sql`AND i.currency = ${query.currency}` : Prisma.empty);

/** Any sort or filter: aggregate every account with an open balance, then sort and cut the page. */
async function pageByAggregate(tx: DbOrTx, opts: PageOpts): Promise<{ rows: RawAccountRow[]; total: number }> {
  const { query } = opts;
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const nulls = query.dir === "asc" ? "NULLS FIRST" : "NULLS LAST";
  const order = Prisma.raw(`${ORDER_SQL[query.sort]} ${dir} ${nulls}, ${ORDER_SQL.name} ASC, currency ASC, customer_id ASC`);
  const needsLookupsFirst = query.sort === "last_contact" || query.sort === "stage";
  const bucketFilter = query.bucket ? Prisma.raw(`AND ${bucketColumn(query.bucket)} > 0`) : Prisma.empty;
  const nameFilter = query.q ? Prisma.sql`AND c.name ILIKE ${"%" + escapeLike(query.q) + "%"}` : Prisma.empty;
  const counted = opts.total === undefined;

  const rows = await tx.$queryRaw<RawAccountRow[]>(Prisma.sql`
    -- MATERIALIZED: computed once. Inlined, the planner chose a parallel plan that
    -- ran this whole aggregation in every worker again (measured at 1M invoices).
    WITH acct AS MATERIALIZED (
      SELECT i.customer_id, i.currency, ${accountAggregates(opts.today)}
      FROM ${opts.invoices ?? INVOICES} i
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter(query)}
      GROUP BY i.customer_id, i.currency
    ),
    matched AS (
      SELECT a.*, c.name ${needsLookupsFirst ? Prisma.sql`, lc.last_contact_at, st.stage` : Prisma.empty}
      FROM acct a JOIN customers c ON c.id = a.customer_id
      ${needsLookupsFirst ? LOOKUPS : Prisma.empty}
      WHERE true ${nameFilter} ${bucketFilter}
    ),
    page AS (
      SELECT * ${counted ? Prisma.sql`, count(*) OVER () AS total` : Prisma.empty}
      FROM matched ORDER BY ${order} LIMIT ${opts.pageSize} OFFSET ${opts.offset}
    )
    SELECT ${needsLookupsFirst ? Prisma.sql`a.*` : Prisma.sql`a.*, lc.last_contact_at, st.stage`}
    FROM page a ${needsLookupsFirst ? Prisma.empty : LOOKUPS}
    ORDER BY ${order}`);

  // Past the last page the window count is unknown; the pager then offers page 1.
  const total = opts.total ?? (rows.length ? toMinor(rows[0].total as bigint) : 0);
  return { rows, total };
}

/**
 * Most overdue first (the default sort), no name or bucket filter. An account's
 * oldest days past due comes from its oldest open due date, so walking open
 * invoices by due date (index invoices_open_by_due_date) meets accounts in page
 * order: the accounts whose oldest open invoice is due on or before the cut-off
 * date D of the first `limit` open invoices are exactly the first accounts of
 * the sort, with their true oldest date. If they do not fill the page yet, the
 * prefix grows. Only the page's accounts are then aggregated.
 */
async function pageByOldestDueDate(tx: DbOrTx, opts: PageOpts): Promise<{ rows: RawAccountRow[]; total: number }> {
  const needed = opts.offset + opts.pageSize;
  for (let limit = Math.max(200, needed * 4); ; limit *= 8) {
    const rows = await tx.$queryRaw<RawAccountRow[]>(Prisma.sql`
      WITH prefix AS (
        SELECT i.due_date FROM invoices i
        WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter(opts.query)}
        ORDER BY i.due_date LIMIT ${limit}
      ),
      cand AS (
        SELECT i.customer_id, i.currency, min(i.due_date) AS oldest_due FROM invoices i
        WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter(opts.query)}
          AND i.due_date <= (SELECT max(due_date) FROM prefix)
        GROUP BY i.customer_id, i.currency
      ),
      -- Names by key lookup: the planner cannot know how few candidates there are
      -- and would otherwise hash-join every customer.
      page AS (
        SELECT * FROM (
          SELECT cand.*, (SELECT c.name FROM customers c WHERE c.id = cand.customer_id) AS name FROM cand
        ) named
        ORDER BY oldest_due ASC, ${Prisma.raw(ORDER_SQL.name)} ASC, currency ASC, customer_id ASC
        LIMIT ${opts.pageSize} OFFSET ${opts.offset}
      )
      SELECT m.prefix_rows, m.candidates, a.*, s.*, lc.last_contact_at, st.stage
      FROM (SELECT (SELECT count(*) FROM prefix) AS prefix_rows, (SELECT count(*) FROM cand) AS candidates) m
      LEFT JOIN page a ON true
      LEFT JOIN LATERAL (
        SELECT ${accountAggregates(opts.today)} FROM invoices i
        WHERE i.org_id = ${opts.orgId}::uuid AND i.customer_id = a.customer_id AND i.currency = a.currency AND i.paid_minor < i.amount_minor
      ) s ON true
      ${LOOKUPS}
      ORDER BY s.oldest DESC, a.name COLLATE "und-x-icu" ASC, a.currency ASC, a.customer_id ASC`);
    const { prefix_rows, candidates } = rows[0] as { prefix_rows: bigint; candidates: bigint };
    const complete = Number(prefix_rows) < limit; // the prefix holds every open invoice
    if (!complete && Number(candidates) < needed) continue;
    const pageRows = rows.filter((r) => r.customer_id !== null);
    const total = opts.total ?? (complete ? Number(candidates) : await countOpenAccounts(tx, opts));
    return { rows: pageRows, total };
  }
}

async function countOpenAccounts(tx: DbOrTx, opts: PageOpts): Promise<number> {
  const [row] = await tx.$queryRaw<{ n: bigint }[]>(Prisma.sql`
    SELECT count(*) AS n FROM (
      SELECT DISTINCT i.customer_id, i.currency FROM invoices i
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter(opts.query)}
    ) a`);
  return toMinor(row.n);
}

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

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}
