import { getAgingTotals } from "@/lib/aging/aging-totals";
import { getAgingTotalsOn } from "@/lib/aging/aging-totals-on";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import type { Actor } from "@/lib/auth/actor";
import type { AccountKey } from "@/lib/collections/account-state";
import { getContactHistory } from "@/lib/collections/contact-history";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { type DueLetter, listDueLetters, listWorklist } from "@/lib/collections/list-worklist";
import { refreshAccountWork } from "@/lib/collections/refresh-account-work";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { customerQuerySchema, listCustomers } from "@/lib/customers/list-customers";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import type { Db } from "@/lib/db/client";
import { verifyHistory } from "@/lib/history/verify-history";
import { planBulkSend } from "@/lib/letters/bulk-plan";
import { confirmBulkSend, getBulkSend } from "@/lib/letters/bulk-send";
import { SEND_CHUNK_SIZE, sendDueLetters } from "@/lib/letters/send-all-due";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { loadRateTable } from "@/lib/rates/convert";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { loadToday } from "@/lib/today/today-sections";
import { getPage, type HttpSession } from "./http-client";
import { naiveAgingTotals, sumOpenBalances } from "./reference-queries";
import { startWorkerProcesses, type WorkerProcesses } from "./worker-processes";

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
  /** The database's connection string, for a job worker of the bench's own. */
  databaseUrl: string;
  /** A collector's session on a running `next start` of this database; the whole-request measurements need it. */
  http?: HttpSession;
  /** CPU milliseconds the app server's processes have used so far (with `http`). */
  serverCpuMs?: () => number;
  /** Letters already sent, in a fixed order, for the letter page. */
  letterIds: string[];
  /** CPU milliseconds the PostgreSQL server (postmaster and every backend) has used so far, when it runs on this machine. */
  postgresCpuMs?: () => number;
  /** Job worker processes the queue measurements start (`--workers`). */
  workers: number;
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
  /** Over HTTP against the app server: `run` resolves to the response's size in bytes, printed beside the time. */
  http?: boolean;
  /**
   * CPU per run of the bench process itself plus PostgreSQL (what a single-threaded verb costs; unlike
   * wall time it does not grow when other work shares the machine). Measurements that start processes
   * of their own report theirs in `details` instead.
   */
  inProcessCpu?: boolean;
  /** A page's size target: HTML + RSC payload (identity encoding) at most this many KB (issue 28: 40). */
  maxKb?: number;
  /** Untimed work before each run (planning what the run then does); its result is `run`'s third argument. */
  prepare?(ctx: BenchContext): Promise<unknown>;
  run(ctx: BenchContext, run: number, prepared?: unknown): Promise<unknown>;
}

export const FLOOR = "floor_sum_open_balances";
/** Issue 28: a page's HTML and RSC payload together at most 40 KB. */
const PAGE_KB = 40;
export const NAIVE = "naive_orm_aging_totals";

const customerQuery = (q: Record<string, string>) => customerQuerySchema.parse(q);
const page1 = (sort: string, dir = "desc") => accountQuerySchema.parse({ sort, dir, page: "1" });
const customerFor = (ctx: BenchContext, run: number) =>
  ctx.customerIds[(run + ctx.customerIds.length) % ctx.customerIds.length];
const letterFor = (ctx: BenchContext, run: number) =>
  ctx.letterIds[(run + ctx.letterIds.length) % ctx.letterIds.length];
const page = (ctx: BenchContext, path: string) => {
  if (!ctx.http) throw new Error("No app server: run the bench without --no-http.");
  return getPage(ctx.http, path);
};
/** A page with issue 28's targets: whole request under 30 ms and at most 40 KB of HTML + RSC payload. */
const lightPage = (key: string, label: string, path: string): Measurement => ({
  key,
  label,
  http: true,
  runs: 60,
  target: { kind: "median_ms", value: 30 },
  maxKb: PAGE_KB,
  run: (ctx) => page(ctx, path),
});
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

/** What a measurement that starts processes of its own reports beside its time; `check` runs untimed after it. */
export interface RunReport {
  details: Record<string, number | undefined>;
  check?: () => Promise<void>;
}

async function assertSentOnceChainIntact(ctx: BenchContext, bulkSendId: string): Promise<void> {
  const [twice] = await ctx.db.$queryRaw<{ accounts: bigint; letters: bigint }[]>`
    SELECT count(DISTINCT (l.customer_id, l.currency)) AS accounts, count(*) AS letters
    FROM bulk_send_results r JOIN letters l ON l.id = r.letter_id WHERE r.bulk_send_id = ${bulkSendId}::uuid`;
  if (twice.accounts !== twice.letters)
    throw new Error(`${twice.letters} letters for ${twice.accounts} accounts: an account got a letter twice.`);
  const chain = await verifyHistory(ctx.db, { orgId: ctx.orgId });
  if (!chain.ok)
    throw new Error(`The history chain breaks at #${chain.firstMismatch?.seq}: ${chain.firstMismatch?.reason}.`);
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
    target: { kind: "vs_floor", value: 0.25 },
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
    target: { kind: "median_ms", value: 20 },
    label:
      "accounts table page 1, largest open balance first, compared in the base currency (today's rates loaded, each currency's index walked)",
    run: async (ctx) => {
      const rates = await loadRateTable(ctx.db, { orgId: ctx.orgId, on: ctx.today });
      return listAgingAccounts(ctx.db, {
        ...ctx,
        query: page1("open"),
        total: ctx.openAccounts,
        rates,
        currencies: ["EUR", "NOK", "USD"],
      });
    },
  },
  {
    key: "accounts_first_page_by_90_plus",
    label: "accounts table page 1, largest 90+ balance first",
    target: { kind: "median_ms", value: 20 },
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
  ...(["current", "d1_30", "d31_60", "d61_90"] as const).map(
    (bucket): Measurement => ({
      key: `accounts_first_page_by_${bucket}`,
      label: `accounts table page 1, largest ${bucket.replace("d", "").replace("_", "-")} balance first`,
      target: { kind: "median_ms", value: 20 },
      run: (ctx) => listAgingAccounts(ctx.db, { ...ctx, query: page1(bucket), total: ctx.openAccounts }),
    }),
  ),
  {
    key: "http_report_page",
    label: "GET / over HTTP: the aging report page, whole request (session, user, totals, table, HTML)",
    http: true,
    runs: 60,
    target: { kind: "median_ms", value: 30 },
    maxKb: PAGE_KB,
    run: (ctx) => page(ctx, "/"),
  },
  {
    key: "http_report_sorted_by_90_plus",
    label: "GET /?sort=d90_plus&dir=desc over HTTP: the report sorted by a bucket column",
    http: true,
    runs: 60,
    target: { kind: "median_ms", value: 30 },
    maxKb: PAGE_KB,
    run: (ctx) => page(ctx, "/?sort=d90_plus&dir=desc"),
  },
  {
    key: "http_customer_page",
    label: "GET /customers/:id over HTTP: one customer page, whole request (a different customer each run)",
    http: true,
    runs: 60,
    target: { kind: "median_ms", value: 30 },
    maxKb: PAGE_KB,
    run: (ctx, run) => page(ctx, `/customers/${customerFor(ctx, run)}`),
  },
  lightPage("http_worklist_page", "GET /worklist over HTTP: the worklist page 1, whole request", "/worklist"),
  lightPage("http_today_page", "GET /today over HTTP: Today's six sections (everyone), whole request", "/today"),
  lightPage("http_dashboard_page", "GET /dashboard over HTTP: the dashboard, whole request", "/dashboard"),
  {
    key: "http_letter_page",
    label: "GET /letters/:id over HTTP: one sent letter's page, whole request (a different letter each run)",
    http: true,
    runs: 60,
    target: { kind: "median_ms", value: 30 },
    maxKb: PAGE_KB,
    run: (ctx, run) => page(ctx, `/letters/${letterFor(ctx, run)}`),
  },
  {
    key: "http_json_route",
    label: "GET /api/bulk-sends/latest over HTTP: an authenticated JSON route with one small query",
    http: true,
    runs: 200,
    target: { kind: "median_ms", value: 5 },
    run: (ctx) => page(ctx, "/api/bulk-sends/latest"),
  },
  {
    key: "send_one_letter",
    label: "send the next letter on a fresh account each run (render, store, log)",
    inProcessCpu: true,
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
    inProcessCpu: true,
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
    key: "send_1000_letters_via_queue",
    label:
      "1,000 due letters planned, confirmed and sent through the job queue by N worker processes (scripts/worker.ts, `--workers`), until the run reports done",
    runs: 1,
    warmup: 0,
    target: { kind: "median_ms", value: 15_000 },
    prepare: async (ctx) => {
      // Candidates with a spare tenth: an account whose channel lacks an address is skipped by the plan.
      const now = new Date();
      const key = (d: { customerId: string; currency: string }) => ({ customerId: d.customerId, currency: d.currency });
      const candidates = (await takeDueLetters(ctx, 1100)).map(key);
      const first = await planBulkSend(ctx.db, { orgId: ctx.orgId, now, selection: candidates });
      const selection = first.letters.slice(0, 1000).map(key);
      const plan = await planBulkSend(ctx.db, { orgId: ctx.orgId, now, selection });
      // The workers start untimed: a process loads the app's modules once, not per run.
      const workers = await startWorkerProcesses(ctx.databaseUrl, ctx.workers);
      return { now, selection, fingerprint: plan.fingerprint, workers };
    },
    run: async (ctx, _run, prepared) => {
      const { now, selection, fingerprint, workers } = prepared as {
        now: Date;
        selection: AccountKey[];
        fingerprint: string;
        workers: WorkerProcesses;
      };
      try {
        const cpuAtStart = { workers: workers.cpuMs(), postgres: ctx.postgresCpuMs?.() ?? 0 };
        const started = await confirmBulkSend(ctx.db, {
          orgId: ctx.orgId,
          actor: collector(ctx),
          now,
          fingerprint,
          selection,
        });
        if (!started) throw new Error("Nothing was planned.");
        for (;;) {
          // A count while it runs: reading the whole run every 50 ms cost PostgreSQL more than some letters did.
          const done = await ctx.db.bulkSendResult.count({ where: { bulkSendId: started.bulkSendId } });
          const run =
            done >= started.total
              ? await getBulkSend(ctx.db, { orgId: ctx.orgId, bulkSendId: started.bulkSendId })
              : null;
          if (run?.status === "done") {
            if (run.sent < started.total)
              throw new Error(
                `${run.sent} of ${started.total} planned letters were sent (${run.skipped} skipped, ${run.failed} failed).`,
              );
            if (started.total < 1000) throw new Error(`Only ${started.total} of 1,000 accounts had a letter to plan.`);
            const perLetter = (ms: number) => Math.round((ms / run.sent) * 10) / 10;
            const workerCpu = perLetter(workers.cpuMs() - cpuAtStart.workers);
            const postgresCpu = ctx.postgresCpuMs ? perLetter(ctx.postgresCpuMs() - cpuAtStart.postgres) : undefined;
            return {
              details: {
                worker_processes: workers.count,
                worker_cpu_ms_per_letter: workerCpu,
                postgres_cpu_ms_per_letter: postgresCpu,
              },
              // Untimed, after the run: every letter once, and the history chain still verifies.
              check: () => assertSentOnceChainIntact(ctx, started.bulkSendId),
            };
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await workers.stop();
      }
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
