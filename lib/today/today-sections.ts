import { refreshAccountWork } from "@/lib/collections/refresh-account-work";
import { type Db, type DbOrTx, readAll } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { formatMoney } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, formatDateOnly, todayIn } from "@/lib/time/dates";

// A collector's day, section by section. Every count and every page is one SQL
// statement over the small tables that already hold the work (account_work,
// follow_ups, payment_promises of open cases, invoice_disputes, the newest
// delivery of each letter), each served by an index named in the tasks
// migration; invoices are never scanned.

export const TODAY_SECTIONS = [
  "fromCustomers",
  "replies",
  "letters",
  "promisesDue",
  "promisesBroken",
  "callBacks",
  "failedDeliveries",
  "disputes",
] as const;
export type TodaySectionKey = (typeof TODAY_SECTIONS)[number];

export const SECTION_TITLES: Record<TodaySectionKey, { title: string; empty: string }> = {
  fromCustomers: { title: "From customers", empty: "Nothing new from a customer's page." },
  replies: { title: "Email replies", empty: "No unread reply from a customer." },
  letters: { title: "Letters due", empty: "No letter is due today." },
  promisesDue: { title: "Promises due today", empty: "No promise to pay falls due today." },
  promisesBroken: {
    title: "Promises broken",
    empty: "No broken promise waits for a call or a letter.",
  },
  callBacks: { title: "Call-backs due", empty: "No call-back is due today or overdue." },
  failedDeliveries: { title: "Failed deliveries", empty: "Every emailed letter was delivered." },
  disputes: { title: "Disputes awaiting an answer", empty: "No dispute is waiting for an answer." },
};

export interface TodayItem {
  id: string;
  customerId: string;
  customerName: string;
  assignedTo: string | null;
  /** What is to be done, in words (amounts and dates formatted). */
  text: string;
  /** Where the item is worked: the account, or the letter. */
  href: string;
  /** Set on call-backs: the follow-up to complete from Today. */
  followUpId?: string;
  /** Call-backs: "call" (completed by logging the call) or "review" (a policy's internal review). */
  taskKind?: "call" | "review";
}

export interface TodaySection {
  key: TodaySectionKey;
  count: number;
  items: TodayItem[];
}

interface Scope {
  orgId: string;
  /** "Mine": only accounts assigned to this user (and call-backs they planned). */
  mine: string | null;
  today: DateOnly;
  timeZone: string;
  locale: string;
}

interface Row {
  id: string;
  customer_id: string;
  customer_name: string;
  assigned_to: string | null;
  [column: string]: unknown;
}

interface SectionSql {
  /**
   * FROM … WHERE … over the section's own tables (alias x), without the
   * customer: the count reads only those; the page joins the customer's name.
   */
  from: Prisma.Sql;
  /** Columns of x and its joins, named: ordered and paged before any name is looked up. */
  select: Prisma.Sql;
  /** Over those columns (alias s), with a unique last key so pages never overlap. */
  order: Prisma.Sql;
  /** Looked up for the page's rows only (alias s). */
  extra?: Prisma.Sql;
  text: (row: Row, s: Scope) => string;
  href?: (row: Row) => string;
}

/** "Mine": the user's customers, through customers_org_id_assigned_user_id_idx. */
const assignedSql = (s: Scope) =>
  Prisma.sql`x.customer_id IN (SELECT m.id FROM customers m WHERE m.org_id = ${s.orgId}::uuid AND m.assigned_user_id = ${s.mine}::uuid)`;
const mineSql = (s: Scope) => (s.mine ? Prisma.sql`AND ${assignedSql(s)}` : Prisma.empty);
const customerJoin = Prisma.sql`JOIN customers c ON c.id = s.section_customer_id LEFT JOIN users u ON u.id = c.assigned_user_id`;
const base = Prisma.sql`c.id AS customer_id, c.name AS customer_name, u.name AS assigned_to`;

/**
 * A promise counts as kept when the payments of its account from the day it
 * was made (a plan's instalments: from the plan's first day, against the
 * instalments due so far) up to its date reach what it owed: the same rule as
 * promise-status.ts, in SQL so Today can count without loading every account.
 */
const unkeptPromise = Prisma.sql`
  CROSS JOIN LATERAL (
    SELECT CASE WHEN x.plan_id IS NULL THEN x.made_on
             ELSE (SELECT min(q.made_on) FROM payment_promises q WHERE q.case_id = x.case_id AND q.plan_id = x.plan_id) END AS since,
           CASE WHEN x.plan_id IS NULL THEN x.amount_minor
             ELSE (SELECT sum(q.amount_minor) FROM payment_promises q
                    WHERE q.case_id = x.case_id AND q.plan_id = x.plan_id AND q.promised_for <= x.promised_for) END AS owed
  ) t
  CROSS JOIN LATERAL (
    SELECT coalesce(sum(y.amount_minor), 0) AS paid FROM payments y
     WHERE y.customer_id = x.customer_id AND y.currency = x.currency AND y.received_on BETWEEN t.since AND x.promised_for
  ) pd`;

const money = (row: Row, s: Scope, column = "amount_minor") =>
  formatMoney(Number(row[column] as bigint), String(row.currency).trim(), s.locale);
const day = (value: unknown, s: Scope) => formatDateOnly(dateOnlyFromDb(value as Date), s.locale);

/** What the customer did on its page, in the collector's words (the request's own columns). */
const REQUEST_TEXT: Record<string, (r: Row, s: Scope) => string> = {
  PAID_CLAIM: (r, s) =>
    `Says it has paid${r.amount_minor === null ? "" : ` ${money(r, s)}`} on ${day(r.paid_on, s)}: the next letter waits`,
  DISPUTE: (r) => `Disputes invoice ${r.number}: ${r.message}`,
  PROMISE: (r, s) => `Asks for time: ${money(r, s)} by ${day(r.promised_for, s)} (accept or decline)`,
  PLAN: (r) =>
    `Proposes a payment plan of ${Array.isArray(r.instalments) ? r.instalments.length : 0} instalments (accept or decline)`,
  MESSAGE: (r) => `Wrote: ${r.message}`,
};

const SECTIONS: Record<TodaySectionKey, (s: Scope) => SectionSql> = {
  // customer_requests_unhandled: newest first, until a collector reads or decides (lib/portal).
  fromCustomers: (s) => ({
    // A "we have paid" request's facts are its claim's (paid_claims, the one store of claims).
    from: Prisma.sql`FROM customer_requests x LEFT JOIN paid_claims pc ON pc.id = x.paid_claim_id
      WHERE x.org_id = ${s.orgId}::uuid AND x.handled_at IS NULL ${mineSql(s)}`,
    select: Prisma.sql`x.id, x.kind::text AS kind, x.currency, coalesce(pc.amount_minor, x.amount_minor) AS amount_minor, pc.paid_on, x.promised_for, x.instalments, x.message, x.invoice_id, x.created_at`,
    extra: Prisma.sql`(SELECT i.number FROM invoices i WHERE i.id = s.invoice_id) AS number`,
    order: Prisma.sql`s.created_at DESC, s.id`,
    text: (r, sc) => REQUEST_TEXT[String(r.kind)](r, sc),
    href: (r) => `/customers/${r.customer_id}#customer-requests`,
  }),
  // inbound_messages_org_id_received_at_idx: a customer's emailed replies, newest first, until a
  // collector has read them (each holds the account's next letter). Automatic answers are left out.
  replies: (s) => ({
    from: Prisma.sql`FROM inbound_messages x
      WHERE x.org_id = ${s.orgId}::uuid AND x.customer_id IS NOT NULL AND x.read_at IS NULL AND NOT x.auto_reply ${mineSql(s)}`,
    select: Prisma.sql`x.id, x.subject, left(x.text_body, 300) AS excerpt, x.received_at`,
    order: Prisma.sql`s.received_at DESC, s.id`,
    text: (r) =>
      `Replied by email: ${r.subject || "(no subject)"} — ${String(r.excerpt).replace(/\s+/g, " ").trim().slice(0, 140)}`,
    href: (r) => `/replies/${r.id}`,
  }),
  // account_work after refreshAccountWork: read in worklist order (account_work_order).
  letters: (s) => ({
    from: Prisma.sql`FROM account_work x
      WHERE x.org_id = ${s.orgId}::uuid AND x.work_kind IS NOT NULL AND x.due_stage IS NOT NULL ${mineSql(s)}`,
    select: Prisma.sql`x.customer_id || ':' || x.currency AS id, x.currency, x.due_stage::int AS stage, x.overdue_minor AS amount_minor, x.priority`,
    // The worklist's order (its index); ties by id rather than name, so the index still serves the page.
    order: Prisma.sql`s.priority DESC, s.id`,
    text: (r) => `Letter ${r.stage} is due (${money(r, s)} overdue)`,
    href: (r) => `/customers/${r.customer_id}/letter-preview?currency=${String(r.currency).trim()}`,
  }),
  // payment_promises_by_org_date; closed cases' promises no longer matter.
  promisesDue: (s) => ({
    from: Prisma.sql`FROM payment_promises x
      JOIN collection_cases k ON k.id = x.case_id AND k.closed_at IS NULL
      ${unkeptPromise}
      WHERE x.org_id = ${s.orgId}::uuid AND x.promised_for = ${s.today}::date AND pd.paid < t.owed ${mineSql(s)}`,
    select: Prisma.sql`x.id, x.currency, x.amount_minor, x.plan_id, t.owed - pd.paid AS left_minor`,
    order: Prisma.sql`s.id`,
    text: (r) =>
      `${r.plan_id ? "Instalment" : "Promise"} of ${money(r, s)} due today; ${money(r, s, "left_minor")} not yet received`,
  }),
  // Broken (its day passed unkept) and not acted on: nothing logged with the customer since the day it broke.
  promisesBroken: (s) => ({
    from: Prisma.sql`FROM payment_promises x
      JOIN collection_cases k ON k.id = x.case_id AND k.closed_at IS NULL
      ${unkeptPromise}
      WHERE x.org_id = ${s.orgId}::uuid AND x.promised_for < ${s.today}::date AND pd.paid < t.owed ${mineSql(s)}
        AND NOT EXISTS (SELECT 1 FROM contact_attempts ca WHERE ca.customer_id = x.customer_id
              AND ca.occurred_at >= ((x.promised_for + 1)::timestamp AT TIME ZONE ${s.timeZone}))`,
    select: Prisma.sql`x.id, x.currency, x.amount_minor, x.plan_id, x.promised_for`,
    order: Prisma.sql`s.promised_for DESC, s.id`,
    text: (r) =>
      `${r.plan_id ? "Instalment" : "Promise"} of ${money(r, s)} by ${day(r.promised_for, s)} was broken; nothing logged since`,
  }),
  // follow_ups_open_due.
  callBacks: (s) => ({
    from: Prisma.sql`FROM follow_ups x
      WHERE x.org_id = ${s.orgId}::uuid AND x.done_at IS NULL AND x.cancelled_at IS NULL AND x.due_on <= ${s.today}::date
      ${s.mine ? Prisma.sql`AND (x.created_by_id = ${s.mine}::uuid OR ${assignedSql(s)})` : Prisma.empty}`,
    select: Prisma.sql`x.id, x.due_on, x.note, x.created_at, x.created_by_id, x.task_kind`,
    extra: Prisma.sql`(SELECT b.name FROM users b WHERE b.id = s.created_by_id) AS planned_by`,
    order: Prisma.sql`s.due_on, s.created_at, s.id`,
    // A policy's task has no person who planned it: the note names the policy and its step.
    text: (r) =>
      `${r.task_kind === "review" ? "Review" : "Call back"} ${dateOnlyFromDb(r.due_on as Date) === s.today ? "today" : `(due ${day(r.due_on, s)})`}: ${r.note} — planned by ${r.planned_by ?? "the collection policy"}`,
  }),
  // letter_deliveries_newest_by_org: each letter's newest request, failed when its newest try failed.
  failedDeliveries: (s) => ({
    from: Prisma.sql`FROM (SELECT DISTINCT ON (d.letter_id) d.letter_id, d.id AS delivery_id, d.customer_id, d.recipient
              FROM letter_deliveries d WHERE d.org_id = ${s.orgId}::uuid
             ORDER BY d.letter_id, d.requested_at DESC, d.id DESC) x
      JOIN LATERAL (SELECT r.outcome, r.error, r.occurred_at FROM letter_delivery_results r
             WHERE r.delivery_id = x.delivery_id ORDER BY r.attempt DESC LIMIT 1) r ON r.outcome = 'FAILED'
      WHERE true ${mineSql(s)}`,
    select: Prisma.sql`x.letter_id AS id, x.recipient, r.error, r.occurred_at`,
    extra: Prisma.sql`(SELECT l.stage::int FROM letters l WHERE l.id = s.id) AS stage`,
    order: Prisma.sql`s.occurred_at DESC, s.id`,
    text: (r) => `Letter ${r.stage} by email to ${r.recipient} failed: ${r.error || "no reason given"}`,
    href: (r) => `/letters/${r.id}`,
  }),
  // invoice_disputes_by_org_opened; resolved ones through account_events_one_resolution_per_dispute.
  disputes: (s) => ({
    from: Prisma.sql`FROM invoice_disputes x
      WHERE x.org_id = ${s.orgId}::uuid ${mineSql(s)}
        AND NOT EXISTS (SELECT 1 FROM account_events e WHERE e.dispute_id = x.id AND e.kind = 'DISPUTE_RESOLVED')`,
    select: Prisma.sql`x.id, x.opened_on, x.note, x.invoice_id`,
    extra: Prisma.sql`(SELECT i.number FROM invoices i WHERE i.id = s.invoice_id) AS number`,
    order: Prisma.sql`s.opened_on, s.id`,
    text: (r) => `Invoice ${r.number} disputed since ${day(r.opened_on, s)}: ${r.note}`,
  }),
};

async function readSection(db: DbOrTx, key: TodaySectionKey, s: Scope, limit: number, offset: number) {
  const q = SECTIONS[key](s);
  const [rows, [count]] = await readAll(db, [
    () =>
      db.$queryRaw<Row[]>(
        Prisma.sql`SELECT ${base}, s.* ${q.extra ? Prisma.sql`, ${q.extra}` : Prisma.empty}
          FROM (SELECT * FROM (SELECT x.customer_id AS section_customer_id, ${q.select} ${q.from}) s
                ORDER BY ${q.order} LIMIT ${limit} OFFSET ${offset}) s
          ${customerJoin} ORDER BY ${q.order}`,
      ),
    () => db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*) AS n ${q.from}`),
  ] as const);
  return {
    key,
    count: Number(count.n),
    items: rows.map(
      (r): TodayItem => ({
        id: String(r.id),
        customerId: r.customer_id,
        customerName: r.customer_name,
        assignedTo: r.assigned_to,
        text: q.text(r, s),
        href: q.href?.(r) ?? `/customers/${r.customer_id}`,
        ...(key === "callBacks"
          ? { followUpId: String(r.id), taskKind: r.task_kind === "review" ? ("review" as const) : ("call" as const) }
          : {}),
      }),
    ),
  };
}

export interface TodayOptions {
  orgId: string;
  now: Date;
  timeZone: string;
  locale: string;
  /** The user whose accounts "mine" means; null: everyone's. */
  mine: string | null;
  /** One section in full (paged), or every section's first `limit` items. */
  section?: TodaySectionKey;
  page?: number;
  limit: number;
}

/** Today's sections (or one of them), with their counts, after judging stale accounts as the worklist does. */
export async function loadToday(
  db: Db | DbOrTx,
  opts: TodayOptions,
): Promise<{ today: DateOnly; sections: TodaySection[] }> {
  await refreshAccountWork(db, { orgId: opts.orgId, now: opts.now });
  const scope: Scope = {
    orgId: opts.orgId,
    mine: opts.mine,
    today: todayIn(opts.timeZone, opts.now),
    timeZone: opts.timeZone,
    locale: opts.locale,
  };
  const keys = opts.section ? [opts.section] : TODAY_SECTIONS;
  const offset = ((opts.page ?? 1) - 1) * opts.limit;
  const sections: TodaySection[] = [];
  // One after another: the pool is shared with every other request, and each statement is short.
  for (const key of keys) sections.push(await readSection(db, key, scope, opts.limit, offset));
  return { today: scope.today, sections };
}
