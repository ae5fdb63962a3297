import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { BUCKET_KEYS, type BucketKey } from "./buckets";
import { INVOICES, type BucketAmounts } from "./aging-totals";

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

/**
 * One page of accounts (customer + currency) with an open balance, each with its
 * bucket amounts, oldest days past due, last contact and letter stage in the
 * open case. Aggregated in PostgreSQL; last contact and stage are looked up for
 * the page only unless the sort needs them for every account.
 */
export async function listAgingAccounts(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; query: AccountQuery; pageSize?: number; invoices?: Prisma.Sql },
): Promise<{ rows: AccountRow[]; total: number; pageSize: number }> {
  const { query } = opts;
  const pageSize = opts.pageSize ?? ACCOUNTS_PAGE_SIZE;
  const offset = (query.page - 1) * pageSize;
  const dir = query.dir === "asc" ? "ASC" : "DESC";
  const nulls = query.dir === "asc" ? "NULLS FIRST" : "NULLS LAST";
  const order = Prisma.raw(`${ORDER_SQL[query.sort]} ${dir} ${nulls}, ${ORDER_SQL.name} ASC, currency ASC, customer_id ASC`);
  const needsLookupsFirst = query.sort === "last_contact" || query.sort === "stage";

  const currencyFilter = query.currency ? Prisma.sql`AND i.currency = ${query.currency}` : Prisma.empty;
  const bucketFilter = query.bucket ? Prisma.raw(`AND ${bucketColumn(query.bucket)} > 0`) : Prisma.empty;
  const nameFilter = query.q ? Prisma.sql`AND c.name ILIKE ${"%" + escapeLike(query.q) + "%"}` : Prisma.empty;

  const lookups = Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT max(ca.occurred_at) AS last_contact_at FROM contact_attempts ca WHERE ca.customer_id = a.customer_id
    ) lc ON true
    LEFT JOIN LATERAL (
      SELECT max(l.stage) AS stage FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
      WHERE cc.customer_id = a.customer_id AND cc.currency = a.currency AND cc.closed_at IS NULL
    ) st ON true`;

  const rows = await tx.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
    WITH acct AS (
      SELECT i.customer_id, i.currency,
        sum(i.amount_minor - i.paid_minor) AS open,
        COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date >= ${opts.today}::date), 0) AS current,
        COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE ${opts.today}::date - i.due_date BETWEEN 1 AND 30), 0) AS d1_30,
        COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE ${opts.today}::date - i.due_date BETWEEN 31 AND 60), 0) AS d31_60,
        COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE ${opts.today}::date - i.due_date BETWEEN 61 AND 90), 0) AS d61_90,
        COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE ${opts.today}::date - i.due_date > 90), 0) AS d90_plus,
        max(${opts.today}::date - i.due_date) AS oldest
      FROM ${opts.invoices ?? INVOICES} i
      WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor ${currencyFilter}
      GROUP BY i.customer_id, i.currency
    ),
    matched AS (
      SELECT a.*, c.name ${needsLookupsFirst ? Prisma.sql`, lc.last_contact_at, st.stage` : Prisma.empty}
      FROM acct a JOIN customers c ON c.id = a.customer_id
      ${needsLookupsFirst ? lookups : Prisma.empty}
      WHERE true ${nameFilter} ${bucketFilter}
    ),
    page AS (
      SELECT *, count(*) OVER () AS total FROM matched ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}
    )
    SELECT ${needsLookupsFirst ? Prisma.sql`a.*` : Prisma.sql`a.*, lc.last_contact_at, st.stage`}
    FROM page a ${needsLookupsFirst ? Prisma.empty : lookups}
    ORDER BY ${order}`);

  // Past the last page the window count is unknown; the pager then offers page 1.
  const total = rows.length ? toMinor(rows[0].total as bigint) : 0;
  return {
    total,
    pageSize,
    rows: rows.map((r) => ({
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
    })),
  };
}

function bucketColumn(bucket: BucketKey): string {
  return bucket; // bucket keys are the column names of `acct`
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}
