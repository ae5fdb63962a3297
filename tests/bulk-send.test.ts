import type { TaskList } from "graphile-worker";
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createDb, type Db } from "@/lib/db/client";
import { verifyHistory } from "@/lib/history/verify-history";
import { runDueJobs } from "@/lib/jobs/queue";
import { planBulkSend } from "@/lib/letters/bulk-plan";
import { BULK_SEND_TASK, type BulkSendJob, bulkSendTasks, confirmBulkSend, getBulkSend } from "@/lib/letters/bulk-send";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { addDaysTo, clockNow, todayIn } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// "Send all due letters" on the job queue: the run is started as the action does,
// then the worker's task list runs in-process (graphile-worker's runOnce).

const db = useTestDb();
const url = inject("testDatabaseUrl");

async function orgWithDueAccounts(n = 3) {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const actor: Actor = { userId: user.id, role: "COLLECTOR" };
  const today = todayIn(org.timeZone, clockNow());
  const due = [];
  for (let i = 0; i < n; i++) {
    const c = await createCustomer(db, org.id, { currency: "EUR", name: `Due ${i}` });
    await createInvoice(db, c, { amountMinor: 100_000 - i * 1000, dueDate: addDaysTo(today, -30 - i) });
    due.push(c);
  }
  const notYet = await createCustomer(db, org.id, { currency: "EUR" });
  await createInvoice(db, notYet, { amountMinor: 5000, dueDate: addDaysTo(today, 5) });
  return { org, user, actor, due, notYet };
}

/** Plans and confirms at once, as a collector who confirms the plan shown. */
async function startBulkSend(db: Db, opts: { orgId: string; actor: Actor; now: Date }) {
  const plan = await planBulkSend(db, opts);
  return confirmBulkSend(db, { ...opts, fingerprint: plan.fingerprint });
}

const letters = (orgId: string) => db.letter.findMany({ where: { orgId }, select: { customerId: true, stage: true } });
/** Retries are scheduled seconds ahead (exponential backoff): bring this org's forward so runOnce takes them now. */
const retryNow = (orgId: string) =>
  db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id IN (SELECT id FROM graphile_worker._private_tasks WHERE identifier = ${BULK_SEND_TASK}) AND payload->>'orgId' = ${orgId}`;

describe("send all due letters on the job queue", () => {
  it("sends exactly one letter per due account, records a result per account, and a second run is harmless", async () => {
    const f = await orgWithDueAccounts(3);
    const started = await startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() });
    expect(started).toMatchObject({ total: 3 });
    expect(await getBulkSend(db, { orgId: f.org.id })).toMatchObject({
      status: "running",
      done: 0,
      total: 3,
      results: [],
    });

    // While it runs, a second start (double click, or a colleague) is refused, naming who started it.
    await expect(startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`started by ${f.user.name}`),
    });

    await runDueJobs(url, bulkSendTasks(db));
    const run = (await getBulkSend(db, { orgId: f.org.id, bulkSendId: started!.bulkSendId }))!;
    expect(run).toMatchObject({ status: "done", done: 3, sent: 3, skipped: 0, failed: 0 });
    expect(run.results.map((r) => [r.customerId, r.status]).sort()).toEqual(f.due.map((c) => [c.id, "sent"]).sort());
    expect((await letters(f.org.id)).map((l) => l.customerId).sort()).toEqual(f.due.map((c) => c.id).sort());
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "bulk_send.started" } })).toBe(1);

    // Nothing is due any more: a second run starts nothing; the queue running again sends nothing.
    expect(await startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() })).toBeNull();
    await runDueJobs(url, bulkSendTasks(db));
    expect(await letters(f.org.id)).toHaveLength(3);
    expect(await db.bulkSendResult.count({ where: { orgId: f.org.id } })).toBe(3);
  });

  it("three workers with their own connections share a run: every account once, the history chain intact", async () => {
    const f = await orgWithDueAccounts(12);
    const started = await startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() });
    // As `npm start` with several worker processes: each runner its own client and pool on the one queue.
    const clients = [createDb(url), createDb(url), createDb(url)];
    try {
      await Promise.all(clients.map((client) => runDueJobs(url, bulkSendTasks(client))));
    } finally {
      await Promise.all(clients.map((client) => client.$disconnect()));
    }
    const run = (await getBulkSend(db, { orgId: f.org.id, bulkSendId: started!.bulkSendId }))!;
    expect(run).toMatchObject({ status: "done", done: 12, sent: 12, skipped: 0, failed: 0 });
    expect((await letters(f.org.id)).map((l) => l.customerId).sort()).toEqual(f.due.map((c) => c.id).sort());
    expect(await verifyHistory(db, { orgId: f.org.id })).toMatchObject({ ok: true });
  });

  it("two confirmations of a plan at the same moment make one run", async () => {
    const f = await orgWithDueAccounts(2);
    const { fingerprint } = await planBulkSend(db, { orgId: f.org.id, now: clockNow() });
    const both = await Promise.allSettled(
      [0, 1].map(() => confirmBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow(), fingerprint })),
    );
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(both.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    expect(await db.bulkSend.count({ where: { orgId: f.org.id } })).toBe(1);
    await runDueJobs(url, bulkSendTasks(db));
    expect(await letters(f.org.id)).toHaveLength(2);
  });

  it("a job that crashes is retried without a second letter or a second result", async () => {
    const f = await orgWithDueAccounts(3);
    const started = (await startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() }))!;
    const real = bulkSendTasks(db)[BULK_SEND_TASK]!;
    const [crashBefore, crashAfter] = f.due;
    const crashed = new Set<string>();
    // Account 0: the worker dies before sending. Account 1: it dies after the
    // letter committed but before its result row was written.
    const flaky: TaskList = {
      [BULK_SEND_TASK]: async (payload, helpers) => {
        const job = payload as BulkSendJob;
        if (job.orgId === f.org.id && !crashed.has(job.customerId)) {
          if (job.customerId === crashBefore.id) {
            crashed.add(job.customerId);
            throw new Error("worker crashed");
          }
          if (job.customerId === crashAfter.id) {
            crashed.add(job.customerId);
            await sendNextLetter(db, {
              orgId: f.org.id,
              actor: f.actor,
              customerId: job.customerId,
              currency: "EUR",
              stage: 1,
              now: clockNow(),
            });
            throw new Error("worker crashed after the letter");
          }
        }
        return real(payload, helpers);
      },
    };
    await runDueJobs(url, flaky);
    expect(await getBulkSend(db, { orgId: f.org.id })).toMatchObject({ status: "running", done: 1 });
    await retryNow(f.org.id);
    await runDueJobs(url, flaky);

    const run = (await getBulkSend(db, { orgId: f.org.id, bulkSendId: started.bulkSendId }))!;
    expect(run).toMatchObject({ status: "done", done: 3, sent: 3, skipped: 0, failed: 0 });
    const sent = await letters(f.org.id);
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((l) => l.customerId)).size).toBe(3);
    const afterLetter = run.results.find((r) => r.customerId === crashAfter.id)!;
    expect(afterLetter.status === "sent" && afterLetter.letterId).toBeTruthy();
  });

  it("an account that keeps failing is recorded as failed after the last attempt, and the run finishes", async () => {
    const f = await orgWithDueAccounts(1);
    await startBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow() });
    const broken: TaskList = {
      [BULK_SEND_TASK]: async (payload, helpers) => {
        if ((payload as BulkSendJob).orgId !== f.org.id) return bulkSendTasks(db)[BULK_SEND_TASK]!(payload, helpers);
        // The real job with a database that fails on sending (the letter's transaction).
        const failing = new Proxy(db, {
          get: (t, p) =>
            p === "$transaction" ? () => Promise.reject(new Error("connection reset")) : Reflect.get(t, p),
        });
        return bulkSendTasks(failing)[BULK_SEND_TASK]!(payload, helpers);
      },
    };
    for (let i = 0; i < 3; i++) {
      await runDueJobs(url, broken);
      await retryNow(f.org.id);
    }
    expect(await getBulkSend(db, { orgId: f.org.id })).toMatchObject({
      status: "done",
      failed: 1,
      results: [{ status: "failed", reason: "connection reset" }],
    });
    expect(await letters(f.org.id)).toHaveLength(0);
  });

  it("a viewer cannot start a run", async () => {
    const f = await orgWithDueAccounts(1);
    const viewer = await createUser(db, f.org.id, "VIEWER");
    await expect(
      startBulkSend(db, { orgId: f.org.id, actor: { userId: viewer.id, role: "VIEWER" }, now: clockNow() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.bulkSend.count({ where: { orgId: f.org.id } })).toBe(0);
  });
});
