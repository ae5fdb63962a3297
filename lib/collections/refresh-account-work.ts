import { type Db, type DbOrTx, inTransaction, readAll } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadRateTable, type RateTable } from "@/lib/rates/convert";
import { ratesValuesSql } from "@/lib/rates/rates-sql";
import { type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { loadAccountPolicies } from "./account-policies";
import { accountKey, loadAccountStates } from "./account-state";
import { accountWork } from "./account-work";
import { getPolicySettings, type PolicySettings } from "./policy-settings";

const CHUNK = 500;

interface Due {
  customer_id: string;
  currency: string;
  oldest_open_due: Date | null;
}

/**
 * Brings `account_work` (the worklist's cached verdicts) up to date for today: rows a change
 * marked stale, rows whose recheck day has come, and every row when the clock
 * went back (tests; a corrected server clock). Accounts with nothing overdue
 * are settled in SQL; the rest go through the stage policy, CHUNK at a time,
 * each chunk in its own transaction holding its rows with FOR UPDATE SKIP
 * LOCKED: two refreshers share the work, and a row a writer holds is left
 * stale for the next read (its change is not committed yet, so this read
 * comes before it). Returns how many accounts were recomputed.
 *
 * Given a transaction, the chunks run inside it.
 */
export async function refreshAccountWork(db: Db | DbOrTx, opts: { orgId: string; now: Date }): Promise<number> {
  return refreshAccountWorkIn(db, await loadWorkContext(db, opts));
}

/** What judging an organization's accounts today needs; the worklist loads it once and refreshes with it. */
export interface WorkContext {
  orgId: string;
  timeZone: string;
  locale: string;
  today: DateOnly;
  /** The built-in Standard policy (collection_policies); accounts on a named policy use theirs. */
  policy: PolicySettings;
  /** Today's exchange rates: priorities compare amounts in the base currency. */
  rates: RateTable;
}

export async function loadWorkContext(db: DbOrTx, opts: { orgId: string; now: Date }): Promise<WorkContext> {
  const [org, policy] = await readAll(db, [
    () => db.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { timeZone: true, locale: true } }),
    () => getPolicySettings(db, opts),
  ] as const);
  const today = todayIn(org.timeZone, opts.now);
  return {
    orgId: opts.orgId,
    timeZone: org.timeZone,
    locale: org.locale,
    today,
    policy,
    rates: await loadRateTable(db, { orgId: opts.orgId, on: today }),
  };
}

export async function refreshAccountWorkIn(db: Db | DbOrTx, context: WorkContext): Promise<number> {
  const { today } = context;
  const opts = { orgId: context.orgId };
  // One statement says whether there is anything to do (most reads find nothing:
  // the hourly task did it), so a quiet read costs one round trip, not a
  // transaction and two updates. Rows judged on a later day than today (the
  // clock went back) are marked stale in the same statement.
  const [todo] = await db.$queryRaw<{ refresh: boolean; rank: boolean }[]>`
    WITH marked AS (
      UPDATE account_work SET stale = true
      WHERE org_id = ${opts.orgId}::uuid AND computed_on > ${today}::date AND NOT stale RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM marked)
        OR EXISTS (SELECT 1 FROM account_work WHERE org_id = ${opts.orgId}::uuid AND stale)
        OR EXISTS (SELECT 1 FROM account_work WHERE org_id = ${opts.orgId}::uuid AND recheck_on <= ${today}::date) AS refresh,
      EXISTS (SELECT 1 FROM account_work WHERE org_id = ${opts.orgId}::uuid AND work_kind IS NOT NULL AND priority_on < ${today}::date)
        OR EXISTS (SELECT 1 FROM account_work WHERE org_id = ${opts.orgId}::uuid AND work_kind IS NOT NULL AND priority_on > ${today}::date) AS rank`;
  if (!todo.refresh) {
    if (todo.rank) await rankForToday(db, { orgId: opts.orgId, today, rates: context.rates });
    return 0;
  }
  // The facts are read through the pool, in parallel, once the chunk's rows are
  // locked: any change committed after that waits for the lock and marks its row
  // stale again, so reading outside the locking transaction loses nothing.
  const pooled = !inTransaction(db);
  const chunk = (tx: DbOrTx) => refreshChunk(tx, pooled ? db : tx, context);
  const seen = new Set<string>();
  for (;;) {
    const keys = pooled ? await (db as Db).$transaction((tx) => chunk(tx), { timeout: 120_000 }) : await chunk(db);
    if (!keys.length) break;
    // Every row written leaves the selection; meeting one again would loop forever.
    if (keys.every((k) => seen.has(k)))
      throw new Error(`Account work did not settle for ${keys.length} accounts of organization ${opts.orgId}.`);
    for (const k of keys) seen.add(k);
  }
  await rankForToday(db, { orgId: opts.orgId, today, rates: context.rates });
  return seen.size;
}

/**
 * Days past due grow by one every day, so the worklist order does too: once a
 * day the accounts on the worklist get today's priority, in one statement;
 * so do all of them after a rate or the base currency changed (a trigger
 * sets priority_on to -infinity). Rows a writer holds are skipped; its change marks
 * them stale, and their recompute ranks them.
 */
async function rankForToday(db: DbOrTx, opts: { orgId: string; today: DateOnly; rates: RateTable }) {
  await db.$executeRaw`
    WITH rates AS (${ratesValuesSql(opts.rates)})
    UPDATE account_work a SET ${prioritySql(opts.today, Prisma.sql`a.overdue_minor`, Prisma.sql`a.oldest_overdue_due`)}
    FROM (
      SELECT customer_id, currency FROM account_work
      WHERE org_id = ${opts.orgId}::uuid AND work_kind IS NOT NULL
        AND (priority_on < ${opts.today}::date OR priority_on > ${opts.today}::date)
      FOR UPDATE SKIP LOCKED
    ) k LEFT JOIN rates r ON r.currency = k.currency
    WHERE a.customer_id = k.customer_id AND a.currency = k.currency`;
}

/**
 * "Amount and age": the overdue amount converted to the base currency at
 * today's rate (`r`, a row of the CTE `rates` LEFT JOINed on the currency),
 * times days past due of the oldest overdue invoice. Without a rate: the
 * amount in its own currency, and unrated_currency says which, so it ranks
 * after the converted ones. Assignments for an UPDATE of account_work `a`. In NUMERIC,
 * held inside bigint (dd_clamp_bigint): the largest amount times 200 years still ranks.
 */
function prioritySql(today: DateOnly, overdue: Prisma.Sql, oldest: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    priority = dd_clamp_bigint(coalesce(dd_convert_minor(${overdue}, r.num, r.den), ${overdue})::numeric * (${today}::date - ${oldest})),
    unrated_currency = CASE WHEN r.currency IS NULL THEN a.currency END,
    priority_on = ${today}::date`;
}

/** Recomputes up to CHUNK accounts that need it; returns their keys (none: all settled). */
async function refreshChunk(tx: DbOrTx, reader: DbOrTx, opts: WorkContext): Promise<string[]> {
  const { orgId, today } = opts;
  const rows = await tx.$queryRaw<Due[]>`
    SELECT w.customer_id, w.currency, a.oldest_open_due FROM account_work w
    JOIN accounts a ON a.customer_id = w.customer_id AND a.currency = w.currency
    WHERE w.org_id = ${orgId}::uuid AND (w.stale OR w.recheck_on <= ${today}::date)
    LIMIT ${CHUNK} FOR UPDATE OF w SKIP LOCKED`;
  if (!rows.length) return [];
  const overdue = (r: Due) => r.oldest_open_due !== null && dateOnlyFromDb(r.oldest_open_due) < today;
  const quiet = rows.filter((r) => !overdue(r));
  const busy = rows.filter(overdue).map((r) => ({ customerId: r.customer_id, currency: r.currency.trim() }));

  // Nothing overdue: no work until the oldest open invoice falls due.
  if (quiet.length) {
    await tx.$executeRaw`
      UPDATE account_work w SET work_kind = NULL, due_stage = NULL, overdue_minor = 0, oldest_overdue_due = NULL, priority = NULL, priority_on = NULL, unrated_currency = NULL,
        computed_on = ${today}::date, recheck_on = k.oldest_open_due + 1, stale = false
      FROM unnest(
        ${quiet.map((r) => r.customer_id)}::text[]::uuid[], ${quiet.map((r) => r.currency)}::text[]::char(3)[],
        ${quiet.map((r) => (r.oldest_open_due ? dateOnlyFromDb(r.oldest_open_due) : null))}::text[]::date[]
      ) AS k(customer_id, currency, oldest_open_due)
      WHERE w.customer_id = k.customer_id AND w.currency = k.currency`;
  }
  if (busy.length) {
    const states = await loadAccountStates(reader, { orgId, timeZone: opts.timeZone, today, accounts: busy });
    // Each account follows its own policy (lib/policies): the customer's, a rule's, or the default.
    const policyOf = await loadAccountPolicies(reader, {
      orgId,
      standard: opts.policy,
      customerIds: busy.map((k) => k.customerId),
    });
    const work = busy.map((key) => {
      const state = states.get(accountKey(key))!;
      return accountWork(state, policyOf(state).timing, today);
    });
    await tx.$executeRaw`
      WITH rates AS (${ratesValuesSql(opts.rates)})
      UPDATE account_work a SET work_kind = k.kind, due_stage = k.stage, overdue_minor = k.overdue, oldest_overdue_due = k.oldest,
        ${prioritySql(today, Prisma.sql`k.overdue`, Prisma.sql`k.oldest`)},
        computed_on = ${today}::date, recheck_on = k.recheck, stale = false
      FROM unnest(
        ${busy.map((k) => k.customerId)}::text[]::uuid[], ${busy.map((k) => k.currency)}::text[]::char(3)[], ${work.map((w) => w.kind)}::text[],
        ${work.map((w) => w.dueStage)}::int[]::smallint[], ${work.map((w) => String(w.overdueMinor))}::text[]::bigint[],
        ${work.map((w) => w.oldestOverdueDue)}::text[]::date[], ${work.map((w) => w.recheckOn)}::text[]::date[]
      ) AS k(customer_id, currency, kind, stage, overdue, oldest, recheck)
      LEFT JOIN rates r ON r.currency = k.currency
      WHERE a.customer_id = k.customer_id AND a.currency = k.currency`;
  }
  return rows.map((r) => `${r.customer_id}:${r.currency}`);
}
