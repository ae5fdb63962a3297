import { Client } from "pg";
import { describe, expect, inject, it } from "vitest";
import { getAgingTotals, INVOICES } from "@/lib/aging/aging-totals";
import { ACCOUNT_SORTS, accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import { rollBucketDay } from "@/lib/aging/roll-bucket-day";
import type { Actor } from "@/lib/auth/actor";
import { accountKey, loadAccountStates } from "@/lib/collections/account-state";
import { accountWork } from "@/lib/collections/account-work";
import { accountWorkTasks } from "@/lib/collections/account-work-tasks";
import { openDispute } from "@/lib/collections/disputes";
import { listDueLetters, listWorklist } from "@/lib/collections/list-worklist";
import { logContact } from "@/lib/collections/log-contact";
import { getPolicySettings } from "@/lib/collections/policy-settings";
import { recordPromise } from "@/lib/collections/record-promise";
import { refreshAccountWork } from "@/lib/collections/refresh-account-work";
import { updatePolicy } from "@/lib/collections/update-policy";
import { runDueJobs } from "@/lib/jobs/queue";
import { recordPayment } from "@/lib/ledger/record-payment";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { addDaysTo, clockNow, type DateOnly, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { createRandom } from "@/tooling/demo/random";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";

// The accounts table: balances kept exact by triggers, and the worklist's cached
// verdicts, which must always equal judging every account from its facts.

const db = useTestDb();
const TZ = "Europe/Oslo";
const at = (day: DateOnly, time = "10:00") => instantAt(day, time, TZ);

/** The balance columns recomputed from the invoices, for comparison with the table. */
async function balancesFromInvoices(orgId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT customer_id, currency, COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor), 0)::bigint AS open_minor,
      count(*) FILTER (WHERE paid_minor < amount_minor)::int AS open_invoices, min(due_date) FILTER (WHERE paid_minor < amount_minor) AS oldest_open_due
    FROM invoices WHERE org_id = ${orgId}::uuid GROUP BY customer_id, currency ORDER BY customer_id, currency`;
}
async function balancesInTable(orgId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT customer_id, currency, open_minor, open_invoices, oldest_open_due FROM accounts WHERE org_id = ${orgId}::uuid ORDER BY customer_id, currency`;
}

/** The report's sort keys recomputed from the facts as of `day` (buckets by the edges of lib/aging/bucket-sql.ts). */
async function sortKeysFromFacts(orgId: string, day: DateOnly) {
  return db.$queryRaw<unknown[]>`
    SELECT a.customer_id, a.currency, c.name AS customer_name,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date >= ${day}::date), 0)::bigint AS b0,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < ${day}::date AND i.due_date >= ${day}::date - 30), 0)::bigint AS b1,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < ${day}::date - 30 AND i.due_date >= ${day}::date - 60), 0)::bigint AS b2,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < ${day}::date - 60 AND i.due_date >= ${day}::date - 90), 0)::bigint AS b3,
      COALESCE(sum(i.amount_minor - i.paid_minor) FILTER (WHERE i.due_date < ${day}::date - 90), 0)::bigint AS b4,
      (SELECT max(ca.occurred_at) FROM contact_attempts ca WHERE ca.customer_id = a.customer_id) AS last_contact_at,
      (SELECT max(l.stage) FROM collection_cases cc JOIN letters l ON l.case_id = cc.id
       WHERE cc.customer_id = a.customer_id AND cc.currency = a.currency AND cc.closed_at IS NULL)::int AS stage
    FROM accounts a JOIN customers c ON c.id = a.customer_id
    LEFT JOIN invoices i ON i.customer_id = a.customer_id AND i.currency = a.currency AND i.paid_minor < i.amount_minor
    WHERE a.org_id = ${orgId}::uuid GROUP BY a.customer_id, a.currency, c.name ORDER BY 1, 2`;
}
async function sortKeysInTable(orgId: string) {
  return db.$queryRaw<unknown[]>`
    SELECT customer_id, currency, customer_name, current_minor AS b0, d1_30_minor AS b1, d31_60_minor AS b2, d61_90_minor AS b3,
      d90_plus_minor AS b4, last_contact_at, open_stage::int AS stage
    FROM accounts WHERE org_id = ${orgId}::uuid ORDER BY 1, 2`;
}

/** The worklist as the stage policy sees it, every account judged from its facts: no cache. */
async function judgedFromFacts(orgId: string, now: Date) {
  const today = todayIn(TZ, now);
  const policy = await getPolicySettings(db, { orgId });
  const keys = (
    await db.$queryRaw<{ customer_id: string; currency: string }[]>`
    SELECT DISTINCT customer_id, currency FROM invoices WHERE org_id = ${orgId}::uuid`
  ).map((k) => ({ customerId: k.customer_id, currency: k.currency.trim() }));
  const states = await loadAccountStates(db, { orgId, timeZone: TZ, today, accounts: keys });
  return keys
    .map((k) => ({ key: accountKey(k), work: accountWork(states.get(accountKey(k))!, policy, today) }))
    .filter((a) => a.work.kind)
    .map((a) => `${a.key}:${a.work.kind}:${a.work.dueStage ?? "-"}`)
    .sort();
}
async function judgedFromCache(orgId: string, now: Date) {
  const { items } = await listWorklist(db, { orgId, now, pageSize: 10_000 });
  return items.map((i) => `${i.customerId}:${i.currency}:${i.kind}:${i.dueStage ?? "-"}`).sort();
}

async function company(seed: number, start: DateOnly) {
  const r = createRandom(seed).next;
  const org = await createOrg(db, { timeZone: TZ });
  const user = await createUser(db, org.id, "ADMIN");
  const actor: Actor = { userId: user.id, role: "ADMIN" };
  const customers = [];
  for (let c = 0; c < 12; c++) {
    const customer = await createCustomer(db, org.id, { currency: c % 3 === 0 ? "NOK" : "EUR" });
    customers.push(customer);
    for (let n = 0; n < 1 + Math.floor(r() * 4); n++) {
      const invoice = await createInvoice(db, customer, {
        amountMinor: 10_000 + Math.floor(r() * 90_000),
        dueDate: addDaysTo(start, -30 + Math.floor(r() * 60)),
      });
      if (r() < 0.3) await createPayment(db, invoice, { amountMinor: 5_000, receivedOn: addDaysTo(start, -20) });
    }
  }
  return { org, actor, customers, r };
}

describe("accounts table", () => {
  it("balances per account and per due date stay exact through invoices, payments and two payments on one account at the same moment", async () => {
    const { org, customers, actor } = await company(7, "2026-11-01");
    expect(await balancesInTable(org.id)).toEqual(await balancesFromInvoices(org.id));
    // Two payments on two invoices of one account from separate connections, the
    // second while the first is uncommitted: the second trigger must wait and
    // then count the first, not overwrite the balance with what it saw before.
    const open = await db.invoice.findMany({
      where: { orgId: org.id, paidMinor: { lt: db.invoice.fields.amountMinor } },
      orderBy: { customerId: "asc" },
    });
    const sameAccount = (i: (typeof open)[number]) =>
      open.filter((j) => j.customerId === i.customerId && j.currency === i.currency);
    const [first, second] = sameAccount(open.find((i) => sameAccount(i).length >= 2)!);
    const url = inject("testDatabaseUrl");
    const [a, b] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await Promise.all([a.connect(), b.connect()]);
    const pay = (c: Client, invoice: typeof first) =>
      c.query(
        "INSERT INTO payments (id, org_id, customer_id, invoice_id, currency, amount_minor, received_on) VALUES (gen_random_uuid(), $1, $2, $3, $4, 100, '2026-11-01')",
        [org.id, invoice.customerId, invoice.id, invoice.currency],
      );
    try {
      await a.query("BEGIN");
      await pay(a, first);
      await b.query("BEGIN");
      const waiting = pay(b, second).then(() => b.query("COMMIT"));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await a.query("COMMIT");
      await waiting;
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    await recordPayment(db, {
      orgId: org.id,
      actor,
      customerId: customers[2].id,
      currency: customers[2].currency,
      amount: "10",
      receivedOn: "2026-11-01",
      now: at("2026-11-01"),
    }).catch(() => {});
    expect(await balancesInTable(org.id)).toEqual(await balancesFromInvoices(org.id));
    expect(
      await db.$queryRaw`SELECT currency, due_date, open_minor, open_invoices FROM open_balances_by_due_date WHERE org_id = ${org.id}::uuid AND open_invoices > 0 ORDER BY 1, 2`,
    ).toEqual(
      await db.$queryRaw`SELECT currency, due_date, sum(amount_minor - paid_minor)::bigint AS open_minor, count(*)::int AS open_invoices
        FROM invoices WHERE org_id = ${org.id}::uuid AND paid_minor < amount_minor GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    for (const today of ["2026-11-01", "2026-11-20", "2027-01-15"] as DateOnly[]) {
      const totals = await getAgingTotals(db, { orgId: org.id, today });
      const counted = await db.$queryRaw<{ currency: string; n: bigint; overdue: bigint }[]>`
        SELECT currency, count(DISTINCT customer_id) AS n, count(DISTINCT customer_id) FILTER (WHERE due_date < ${today}::date) AS overdue
        FROM invoices WHERE org_id = ${org.id}::uuid AND paid_minor < amount_minor GROUP BY currency ORDER BY currency`;
      expect(totals.map((t) => [t.currency, t.accounts, t.overdueAccounts])).toEqual(
        counted.map((c) => [c.currency.trim(), Number(c.n), Number(c.overdue)]),
      );
    }
  });

  it("the cached worklist equals judging every account from its facts, day by day, through letters, payments, promises, replies, disputes and a policy change", async () => {
    const start: DateOnly = "2026-11-02";
    const { org, actor, customers, r } = await company(11, start);
    let checks = 0;
    for (let n = 0; n < 45; n++) {
      const day = addDaysTo(start, n);
      const now = at(day);
      expect(await judgedFromCache(org.id, now), `worklist on ${day}`).toEqual(await judgedFromFacts(org.id, now));
      // The report's sort keys too: rolled to the day (some days skipped, as a stopped worker would), then exact.
      if (n % 4 !== 3) {
        await rollBucketDay(db, { orgId: org.id, today: day });
        expect(await sortKeysInTable(org.id), `sort keys on ${day}`).toEqual(await sortKeysFromFacts(org.id, day));
      }
      checks++;
      if (n === 10) await db.customer.update({ where: { id: customers[1].id }, data: { name: "Ærlig Ørn AS" } });
      // Something happens most days, by a real verb of the app.
      const customer = customers[Math.floor(r() * customers.length)];
      const account = { orgId: org.id, actor, customerId: customer.id, currency: customer.currency, now };
      const roll = r();
      const swallow = (e: { code?: string }) => {
        if (!e.code) throw e;
      }; // refused verbs (nothing due, nothing open) are fine here
      if (roll < 0.35) {
        const [due] = (await listDueLetters(db, { orgId: org.id, now })).filter((d) => d.customerId === customer.id);
        if (due) await sendNextLetter(db, { ...account, stage: due.stage }).catch(swallow);
      } else if (roll < 0.5) await recordPayment(db, { ...account, amount: "50", receivedOn: day }).catch(swallow);
      else if (roll < 0.62)
        await recordPromise(db, { ...account, amount: "100", promisedFor: addDaysTo(day, 3) }).catch(swallow);
      else if (roll < 0.72)
        await logContact(db, {
          ...account,
          channel: "EMAIL",
          direction: "INBOUND",
          outcome: "REPLIED",
          occurredOn: day,
          time: "09:00",
          note: "We will pay soon.",
        }).catch(swallow);
      else if (roll < 0.78) {
        const invoice = await db.invoice.findFirst({
          where: { customerId: customer.id, paidMinor: { lt: db.invoice.fields.amountMinor } },
        });
        if (invoice)
          await openDispute(db, { orgId: org.id, actor, invoiceId: invoice.id, note: "Goods damaged", now }).catch(
            swallow,
          );
      } else if (n === 20) {
        await updatePolicy(db, {
          orgId: org.id,
          actor,
          settings: {
            letter1AfterDueDays: 5,
            letter2AfterDays: 7,
            letter3AfterDays: 7,
            letter4AfterDeadlineDays: 1,
            deadlineDays1: 14,
            deadlineDays2: 14,
            deadlineDays3: 14,
            deadlineDays4: 14,
          },
        });
      }
    }
    // And when the clock goes back (a corrected server clock), nothing cached for a later day is trusted.
    expect(await judgedFromCache(org.id, at(start))).toEqual(await judgedFromFacts(org.id, at(start)));
    expect(checks).toBe(45);
    expect(await db.letter.count({ where: { orgId: org.id } })).toBeGreaterThan(3);
    // 45 simulated days of real verbs, each checked against a full recomputation: long by design.
  }, 180_000);

  it("report pages read through the accounts table equal aggregating every invoice, for each sort, direction and filter, page by page", async () => {
    const { org, actor, customers } = await company(13, "2026-11-10");
    const now = at("2026-11-10", "12:00");
    for (const due of (await listDueLetters(db, { orgId: org.id, now })).slice(0, 4))
      await sendNextLetter(db, {
        orgId: org.id,
        actor,
        customerId: due.customerId,
        currency: due.currency,
        stage: due.stage,
        now,
      });
    for (const customer of customers.slice(0, 5))
      await logContact(db, {
        orgId: org.id,
        actor,
        customerId: customer.id,
        channel: "PHONE",
        direction: "OUTBOUND",
        outcome: "NO_ANSWER",
        occurredOn: "2026-11-09",
        time: `0${customers.indexOf(customer) % 3}:00`,
        note: "Called, no answer.",
        now,
      });
    await rollBucketDay(db, { orgId: org.id, today: "2026-11-10" });
    const pages = async (query: Record<string, string>, invoices?: typeof INVOICES) => {
      const rows = [];
      for (let page = 1; page <= 4; page++) {
        const result = await listAgingAccounts(db, {
          orgId: org.id,
          today: "2026-11-10",
          pageSize: 4,
          invoices,
          query: accountQuerySchema.parse({ ...query, page: String(page) }),
        });
        if (!result.rows.length) break; // past the last page the aggregate no longer knows the total
        rows.push(
          ...result.rows.map(
            (r) =>
              `${r.name}:${r.currency}:${r.open}:${r.current}:${r.d1_30}:${r.d31_60}:${r.d61_90}:${r.d90_plus}:${r.oldestDaysPastDue}:${r.lastContactAt?.toISOString()}:${r.stage}`,
          ),
          `total ${result.total}`,
        );
      }
      return rows;
    };
    expect(await db.letter.count({ where: { orgId: org.id } })).toBeGreaterThan(0);
    for (const sort of ACCOUNT_SORTS) {
      for (const dir of ["asc", "desc"]) {
        for (const filter of [{}, { currency: "EUR" }, { q: "customer 1" }] as Record<string, string>[]) {
          const query = { sort, dir, ...filter };
          // Passing the invoices relation takes the aggregate path (the one a past date uses).
          expect(await pages(query), JSON.stringify(query)).toEqual(await pages(query, INVOICES));
        }
      }
    }
  });

  it("only recomputes what changed or fell due: a second read on the same day recomputes nothing", async () => {
    const { org } = await company(3, "2026-11-10");
    const refreshed = () => refreshAccountWork(db, { orgId: org.id, now: at("2026-11-10") });
    expect(await refreshed()).toBe(12);
    expect(await refreshed()).toBe(0);
  });

  it("a policy change queues a refresh of the organization's accounts, which the worker task does", async () => {
    const { org, actor } = await company(5, "2026-11-10");
    await refreshAccountWork(db, { orgId: org.id, now: clockNow() });
    const stale = () => db.accountWork.count({ where: { orgId: org.id, stale: true } });
    expect(await stale()).toBe(0);
    await updatePolicy(db, {
      orgId: org.id,
      actor,
      settings: {
        letter1AfterDueDays: 3,
        letter2AfterDays: 10,
        letter3AfterDays: 10,
        letter4AfterDeadlineDays: 1,
        deadlineDays1: 14,
        deadlineDays2: 14,
        deadlineDays3: 14,
        deadlineDays4: 14,
      },
    });
    expect(await stale()).toBe(12);
    await runDueJobs(inject("testDatabaseUrl"), accountWorkTasks(db));
    expect(await stale()).toBe(0);
  });
});
