import { type Db, type DbOrTx, readAll } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Comparison, comparisonFor } from "@/lib/rates/comparison";
import { convertToBase } from "@/lib/rates/convert";
import type { Stage } from "@/lib/stages/stage";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { loadAccountPolicies, policyLabel } from "./account-policies";
import { accountKey, loadAccountStates } from "./account-state";
import { dueLetterStage, type WorkKind, workEntries } from "./account-work";
import { nextAction } from "./policy";
import { loadWorkContext, refreshAccountWork, refreshAccountWorkIn, type WorkContext } from "./refresh-account-work";

export type { WorkKind } from "./account-work";

export interface WorklistItem {
  customerId: string;
  name: string;
  currency: string;
  overdueMinor: number;
  /** The overdue amount in the base currency at today's rate; null without a rate (or in the base currency itself). */
  overdueInBase: number | null;
  oldestDaysPastDue: number;
  /** Highest letter stage sent in the open case. */
  lastStage: number | null;
  kind: WorkKind;
  /** The letter the policy says is due, when kind is "letter". */
  dueStage: number | null;
  dueOn: DateOnly | null;
  /** Why the account needs action; the first is the main one. */
  reasons: string[];
  /** The collection policy the account follows and why ("Consumers (rule 1: consumer)"). */
  policy: string;
  letterId: string | null;
  /** Who works the account (name), or null. */
  assignedTo: string | null;
  /** The earliest open call-back due today or before, if any. */
  callBackDue: DateOnly | null;
}

export const WORKLIST_PAGE_SIZE = 25;

interface Ranked {
  customer_id: string;
  currency: string;
  name: string;
  due_stage: number | null;
}

/** A page row with its markers: who works the account, and the earliest open call-back due by today. */
interface Marked extends Ranked {
  assigned_to: string | null;
  call_back_due: Date | null;
}

/**
 * The accounts on the worklist (work today), most important first: overdue
 * amount times days past due of the oldest overdue invoice ("amount and age"),
 * then name. Read from the `account_work` cache (priority as of today) after
 * refreshing what changed, so a page is a short read of the worklist-order
 * index; `limit` null lists them all. With `markers` (today), each row also
 * carries its assignee and due call-back, read for the page's rows only.
 */
async function rankedAccounts(
  db: DbOrTx,
  opts: {
    orgId: string;
    offset: number;
    limit: number | null;
    dueLettersOnly?: boolean;
    assignedTo?: string;
    markers?: DateOnly;
  },
): Promise<Marked[]> {
  const dueOnly = opts.dueLettersOnly ? Prisma.sql`AND a.due_stage IS NOT NULL` : Prisma.empty;
  const mine = assignedToSql(opts.assignedTo);
  // Ties on priority are broken by name: take the page's rows WITH TIES from the
  // index, and only those meet the customers table.
  // Converted accounts first (unrated_currency null), then those without a rate, per currency: the index's order.
  const top =
    opts.limit === null
      ? Prisma.empty
      : Prisma.sql`ORDER BY unrated_currency NULLS FIRST, priority DESC FETCH FIRST ${opts.offset + opts.limit} ROWS WITH TIES`;
  const page = opts.limit === null ? Prisma.empty : Prisma.sql`OFFSET ${opts.offset} LIMIT ${opts.limit}`;
  const markers = opts.markers
    ? Prisma.sql`, ${markerColumns(opts.markers)} FROM ranked r JOIN customers c ON c.id = r.customer_id ${MARKER_JOIN}`
    : Prisma.sql`, NULL AS assigned_to, NULL::date AS call_back_due FROM ranked r JOIN customers c ON c.id = r.customer_id`;
  return db.$queryRaw<Marked[]>(Prisma.sql`
    WITH ranked AS (
      SELECT a.customer_id, a.currency, a.due_stage, a.priority, a.unrated_currency
      FROM account_work a WHERE a.org_id = ${opts.orgId}::uuid AND a.work_kind IS NOT NULL ${dueOnly} ${mine}
      ${top})
    SELECT r.customer_id, r.currency, c.name, r.due_stage::int AS due_stage ${markers}
    ORDER BY r.unrated_currency NULLS FIRST, r.priority DESC, c.name, r.currency
    ${page}`);
}

/** "My accounts": account_work rows whose customer is assigned to the user (customers_org_id_assigned_user_id_idx). */
function assignedToSql(userId: string | undefined) {
  return userId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM customers m WHERE m.id = a.customer_id AND m.assigned_user_id = ${userId}::uuid)`
    : Prisma.empty;
}

/** The markers of customer `c` (with MARKER_JOIN): its assignee's name, and its earliest open call-back due by today (follow_ups_customer_id_due_on_idx). */
const markerColumns = (today: DateOnly) => Prisma.sql`u.name AS assigned_to,
  (SELECT min(f.due_on) FROM follow_ups f
    WHERE f.customer_id = c.id AND f.done_at IS NULL AND f.cancelled_at IS NULL AND f.due_on <= ${today}::date) AS call_back_due`;
const MARKER_JOIN = Prisma.sql`LEFT JOIN users u ON u.id = c.assigned_user_id`;

export async function listWorklist(
  db: Db | DbOrTx,
  opts: { orgId: string; now: Date; page?: number; pageSize?: number; assignedTo?: string },
): Promise<{ items: WorklistItem[]; total: number; pageSize: number; today: DateOnly; comparison: Comparison }> {
  const context = await loadWorkContext(db, opts);
  const { today } = context;
  await refreshAccountWorkIn(db, context);
  const pageSize = opts.pageSize ?? WORKLIST_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const [rows, counted, unrated] = await readAll(db, [
    () =>
      rankedAccounts(db, {
        orgId: opts.orgId,
        offset: (page - 1) * pageSize,
        limit: pageSize,
        assignedTo: opts.assignedTo,
        markers: today,
      }),
    // Apart, not in one pass with the count: DISTINCT over every row would sort a heap scan
    // (71 ms at 1M) where each alone is an index-only scan (16 ms) and a short index range.
    () =>
      db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM account_work a
        WHERE a.org_id = ${opts.orgId}::uuid AND a.work_kind IS NOT NULL ${assignedToSql(opts.assignedTo)}`,
    // The currencies ranked without a rate, named on the page (the order index's second column).
    () =>
      db.$queryRaw<{ currency: string }[]>`
        SELECT DISTINCT unrated_currency AS currency FROM account_work
        WHERE org_id = ${opts.orgId}::uuid AND work_kind IS NOT NULL AND unrated_currency IS NOT NULL`,
  ] as const);
  const comparison = comparisonFor(context.rates, [
    ...context.rates.rates.keys(),
    ...unrated.map((u) => u.currency.trim()),
  ]);
  const items = await judgeAccounts(db, context, rows);
  return { items, total: Number(counted[0].total), pageSize, today, comparison };
}

/**
 * Why one account is on the worklist, worded for today: every reason and the
 * policy it follows (what a worklist row shows when opened). Null when the
 * account needs nothing today (it changed since the page was read).
 */
export async function explainWorklistAccount(
  db: Db | DbOrTx,
  opts: { orgId: string; now: Date; customerId: string; currency: string },
): Promise<Pick<WorklistItem, "reasons" | "policy"> | null> {
  const context = await loadWorkContext(db, opts);
  const rows = await db.$queryRaw<Marked[]>`
    SELECT c.id AS customer_id, ${opts.currency} AS currency, c.name, NULL::int AS due_stage, ${markerColumns(context.today)}
    FROM customers c ${MARKER_JOIN}
    WHERE c.org_id = ${opts.orgId}::uuid AND c.id = ${opts.customerId}::uuid`;
  const [item] = await judgeAccounts(db, context, rows);
  return item ? { reasons: item.reasons, policy: item.policy } : null;
}

/** The page's accounts judged again from their facts: the reasons are worded for today. */
async function judgeAccounts(db: Db | DbOrTx, context: WorkContext, rows: Marked[]): Promise<WorklistItem[]> {
  const { today, policy, rates } = context;
  const keys = rows.map((r) => ({ customerId: r.customer_id, currency: r.currency.trim() }));
  if (!keys.length) return [];
  const [states, policyOf] = await Promise.all([
    loadAccountStates(db, {
      orgId: context.orgId,
      timeZone: context.timeZone,
      today,
      accounts: keys,
      locale: context.locale,
    }),
    loadAccountPolicies(db, { orgId: context.orgId, standard: policy, customerIds: keys.map((k) => k.customerId) }),
  ]);
  return rows.flatMap((r, index): WorklistItem[] => {
    const state = states.get(accountKey(keys[index]));
    if (!state) return []; // no such account (a stale link to the why route)
    const followed = policyOf(state);
    const action = nextAction(state.facts, followed.timing, today);
    const work = workEntries(state, action, today, context.locale);
    if (!work.length) return []; // changed since the cache was read
    const callBackDue = r.call_back_due ? dateOnlyFromDb(r.call_back_due) : null;
    const currency = keys[index].currency;
    return [
      {
        customerId: r.customer_id,
        name: r.name,
        currency,
        overdueMinor: state.overdueMinor,
        overdueInBase: currency === rates.base ? null : toBaseNumber(state.overdueMinor, currency, rates),
        oldestDaysPastDue: state.oldestDaysPastDue,
        lastStage: state.letters.at(-1)?.stage ?? null,
        kind: work[0].kind,
        dueStage: dueLetterStage(action),
        dueOn: action.kind === "none" ? null : action.dueOn,
        reasons: [
          ...work.map((w) => w.reason),
          ...(callBackDue ? [`Call-back due ${callBackDue === today ? "today" : `since ${callBackDue}`}`] : []),
        ],
        policy: policyLabel(followed),
        letterId: work.find((w) => w.letterId)?.letterId ?? null,
        assignedTo: r.assigned_to,
        callBackDue,
      },
    ];
  });
}

const toBaseNumber = (minor: number, currency: string, rates: Parameters<typeof convertToBase>[2]) => {
  const converted = convertToBase(BigInt(minor), currency, rates);
  return converted === null ? null : Number(converted);
};

export interface DueLetter {
  customerId: string;
  currency: string;
  name: string;
  stage: Stage;
}

/** Every letter due now, in worklist order: the plan for "send all due letters". */
export async function listDueLetters(db: Db | DbOrTx, opts: { orgId: string; now: Date }): Promise<DueLetter[]> {
  await refreshAccountWork(db, opts);
  const rows = await rankedAccounts(db, { orgId: opts.orgId, offset: 0, limit: null, dueLettersOnly: true });
  return rows.map((r) => ({
    customerId: r.customer_id,
    currency: r.currency.trim(),
    name: r.name,
    stage: r.due_stage as Stage,
  }));
}
