import { getAgingTotals } from "@/lib/aging/aging-totals";
import { getAgingTotalsOn } from "@/lib/aging/aging-totals-on";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import type { Actor } from "@/lib/collections/actor";
import { getContactHistory } from "@/lib/collections/contact-history";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { type DueLetter, listDueLetters, listWorklist } from "@/lib/collections/list-worklist";
import { refreshAccountWork } from "@/lib/collections/refresh-account-work";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { customerQuerySchema, listCustomers } from "@/lib/customers/list-customers";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import type { Db } from "@/lib/db/client";
import { SEND_CHUNK_SIZE, sendDueLetters } from "@/lib/letters/send-all-due";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { loadToday } from "@/lib/today/today-sections";
import { naiveAgingTotals, sumOpenBalances } from "./reference-queries";

export interface BenchContext {
  db: Db;
  orgId: string;
  /** A collector of the organization, for actions that record who did them. */
  userId: string;
  today: DateOnly;
  /** Customers with an open balance, in a fixed order; runs rotate through them so caches do not flatter. */
  customerIds: string[];
  /** Accounts with an open balance, as the aging totals count them: what the report page hands the table. */
  openAccounts: number;
}

export type Target = { kind: "median_ms"; value: number } | { kind: "vs_floor"; value: number };

export interface Measurement {
  /** Key in bench/results.json. */
  key: string;
  label: string;
  /** Overrides the run count (slow references, bulk jobs). */
  runs?: number;
  warmup?: number;
  target?: Target;
  /** Set while a feature is not built yet: the bench prints it instead of a figure. */
  unavailable?: string;
  run(ctx: BenchContext, run: number): Promise<unknown>;
}

export const FLOOR = "floor_sum_open_balances";
export const NAIVE = "naive_orm_aging_totals";

const customerQuery = (q: Record<string, string>) => customerQuerySchema.parse(q);
const page1 = (sort: string, dir = "desc") => accountQuerySchema.parse({ sort, dir, page: "1" });
const customerFor = (ctx: BenchContext, run: number) =>
  ctx.customerIds[(run + ctx.customerIds.length) % ctx.customerIds.length];
const collector = (ctx: BenchContext): Actor => ({ userId: ctx.userId, role: "COLLECTOR" });
const today = (ctx: BenchContext, mine: string | null) =>
  loadToday(ctx.db, { orgId: ctx.orgId, now: new Date(), timeZone: "Europe/Oslo", locale: "en-GB", mine, limit: 5 });

// The letters due today, listed once (listing them is not what is timed), then
// handed out in order so that every send goes to an account not yet written to.
const dueLetters = new WeakMap<BenchContext, { list: Promise<DueLetter[]>; next: number }>();
async function takeDueLetters(ctx: BenchContext, count: number): Promise<DueLetter[]> {
  let due = dueLetters.get(ctx);
  if (!due)
    dueLetters.set(ctx, (due = { list: listDueLetters(ctx.db, { orgId: ctx.orgId, now: new Date() }), next: 0 }));
  const list = await due.list;
  const taken = list.slice(due.next, due.next + count);
  due.next += count;
  if (taken.length < count)
    throw new Error(`Only ${list.length} letters are due; regenerate the data set (npm run db:seed -- --scale ...).`);
  return taken;
}

/**
 * Everything `npm run bench` measures, in order. A new measurement is one entry
 * here. The floor runs first; the naive way runs last, because it reads the
 * whole invoice heap and evicts the indexes everything else relies on from
 * PostgreSQL's buffer cache (measured: aging totals ran ~1.5x slower right after it).
 */
export const MEASUREMENTS: Measurement[] = [
  {
    key: FLOOR,
    label: "floor: SUM of open balances, one bare query",
    run: (ctx) => sumOpenBalances(ctx.db, ctx),
  },
  // Today starts with the worklist refresh; its warm-up runs leave only the day's reads to time.
  {
    key: "today_overview",
    label: "Today: six sections, each counted and its first 5 items (everyone)",
    target: { kind: "median_ms", value: 200 },
    run: (ctx) => today(ctx, null),
  },
  {
    key: "today_mine",
    label: "Today: six sections, mine (accounts assigned to one collector)",
    run: (ctx) => today(ctx, ctx.userId),
  },
  {
    key: "aging_totals",
    label: "aging totals by bucket",
    target: { kind: "vs_floor", value: 1.5 },
    run: (ctx) => getAgingTotals(ctx.db, ctx),
  },
  {
    key: "accounts_first_page",
    label: "accounts table page 1, most overdue first (default sort), account count known from the totals",
    target: { kind: "median_ms", value: 50 },
    run: (ctx) => listAgingAccounts(ctx.db, { ...ctx, query: page1("oldest"), total: ctx.openAccounts }),
  },
  {
    key: "accounts_first_page_counting",
    label: "accounts table page 1, most overdue first, counting the accounts itself",
    run: (ctx) => listAgingAccounts(ctx.db, { ...ctx, query: page1("oldest") }),
  },
  {
    key: "accounts_page_10",
    label: "accounts table page 10, most overdue first, count known",
    run: (ctx) =>
      listAgingAccounts(ctx.db, { ...ctx, query: { ...page1("oldest"), page: 10 }, total: ctx.openAccounts }),
  },
  {
    key: "accounts_first_page_by_open",
    label: "accounts table page 1, largest open balance first (aggregates every account)",
    run: (ctx) => listAgingAccounts(ctx.db, { ...ctx, query: page1("open"), total: ctx.openAccounts }),
  },
  {
    key: "accounts_first_page_by_90_plus",
    label: "accounts table page 1, largest 90+ balance first (aggregates every account)",
    run: (ctx) => listAgingAccounts(ctx.db, { ...ctx, query: page1("d90_plus"), total: ctx.openAccounts }),
  },
  {
    key: "aging_report_page",
    label: "the whole report page's data: totals, then table page 1",
    run: (ctx) => getAgingReport(ctx.db, { ...ctx, timeZone: "Europe/Oslo", query: page1("oldest") }),
  },
  {
    key: "dashboard_page",
    label:
      "the whole dashboard's data: today's totals, DSO, 12 months collected, month-end snapshots, promises, letters, hand-offs",
    target: { kind: "vs_floor", value: 1.5 },
    run: (ctx) => getDashboard(ctx.db, { orgId: ctx.orgId, timeZone: "Europe/Oslo", today: ctx.today }),
  },
  {
    key: "aging_snapshot",
    label: "one organization's daily aging snapshot (the worker's hourly task), as of yesterday",
    runs: 5,
    run: (ctx) => getAgingTotalsOn(ctx.db, { orgId: ctx.orgId, day: addDaysTo(ctx.today, -1) }),
  },
  {
    key: "customer_page",
    label:
      "one customer page: invoices, collections state and contact history, as the page loads them (a different customer each run)",
    target: { kind: "median_ms", value: 50 },
    run: (ctx, run) => {
      const scope = { orgId: ctx.orgId, customerId: customerFor(ctx, run) };
      return Promise.all([
        getCustomerAccount(ctx.db, { ...scope, today: ctx.today }),
        getAccountCollections(ctx.db, { ...scope, now: new Date() }),
        getContactHistory(ctx.db, scope),
      ]);
    },
  },
  {
    key: "customers_first_page",
    label: "customer list page 1, every customer by name (with the total count)",
    target: { kind: "median_ms", value: 50 },
    run: (ctx) => listCustomers(ctx.db, { ...ctx, query: customerQuery({}) }),
  },
  {
    key: "customers_search_accented",
    label: 'customer list search "bjorkli marine 00" (finds "Bjørkli Marine 00…": accents folded, trigram index)',
    target: { kind: "median_ms", value: 50 },
    run: (ctx, run) => listCustomers(ctx.db, { ...ctx, query: customerQuery({ q: `bjorkli marine 00${run % 10}` }) }),
  },
  {
    key: "customers_paid_up_page",
    label: "customer list page 1, paid-up customers only, by name",
    target: { kind: "median_ms", value: 50 },
    run: (ctx) => listCustomers(ctx.db, { ...ctx, query: customerQuery({ balance: "none" }) }),
  },
  {
    key: "worklist_first_page",
    label: "worklist page 1 (accounts that need action today)",
    target: { kind: "median_ms", value: 50 },
    run: (ctx) => listWorklist(ctx.db, { orgId: ctx.orgId, now: new Date(), page: 1 }),
  },
  {
    key: "worklist_midnight_refresh",
    label:
      "worklist: re-judge the accounts whose verdict changes at the next midnight (the hourly task, or the day's first view)",
    runs: 3,
    warmup: 0,
    run: async (ctx) => {
      // Today's facts stand in for tomorrow's: the same accounts, judged again, and every account on the worklist re-ranked.
      await ctx.db
        .$executeRaw`UPDATE account_work SET stale = true WHERE org_id = ${ctx.orgId}::uuid AND recheck_on = ${ctx.today}::date + 1`;
      await ctx.db
        .$executeRaw`UPDATE account_work SET priority_on = ${ctx.today}::date - 1 WHERE org_id = ${ctx.orgId}::uuid AND work_kind IS NOT NULL`;
      return refreshAccountWork(ctx.db, { orgId: ctx.orgId, now: new Date() });
    },
  },
  {
    key: "send_one_letter",
    label: "send the next letter on a fresh account each run (render, store, log)",
    target: { kind: "median_ms", value: 100 },
    run: async (ctx) => {
      const [due] = await takeDueLetters(ctx, 1);
      await sendNextLetter(ctx.db, {
        orgId: ctx.orgId,
        actor: collector(ctx),
        customerId: due.customerId,
        currency: due.currency,
        stage: due.stage,
        now: new Date(),
      });
    },
  },
  {
    key: "send_1000_letters",
    label: "bulk send 1,000 due letters, one transaction each (what the bulk-send worker does per job)",
    runs: 1,
    warmup: 0,
    target: { kind: "median_ms", value: 30_000 },
    run: async (ctx) => {
      const letters = await takeDueLetters(ctx, 1000);
      let skipped = 0;
      for (let i = 0; i < letters.length; i += SEND_CHUNK_SIZE) {
        const results = await sendDueLetters(ctx.db, {
          orgId: ctx.orgId,
          actor: collector(ctx),
          letters: letters.slice(i, i + SEND_CHUNK_SIZE),
          now: new Date(),
        });
        skipped += results.filter((r) => r.status === "skipped").length;
      }
      if (skipped)
        throw new Error(
          `${skipped} of ${letters.length} due letters were skipped: the bulk send did not send 1,000 letters.`,
        );
    },
  },
  {
    key: "worklist_full_refresh",
    label:
      "worklist: re-judge every account (after a policy change; the worker does it). After the sends: it rewrites every row",
    runs: 1,
    warmup: 0,
    run: async (ctx) => {
      await ctx.db.$executeRaw`UPDATE account_work SET stale = true WHERE org_id = ${ctx.orgId}::uuid`;
      return refreshAccountWork(ctx.db, { orgId: ctx.orgId, now: new Date() });
    },
  },
  {
    key: NAIVE,
    label: "naive: every open invoice through the ORM, bucketed in JS",
    runs: 5,
    warmup: 1,
    run: (ctx) => naiveAgingTotals(ctx.db, ctx),
  },
];
