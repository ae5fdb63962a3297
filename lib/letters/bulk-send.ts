import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { addJobs } from "@/lib/jobs/queue";
import { clockNow, formatInstant } from "@/lib/time/dates";
import { type PlannedLetter, planBulkSend } from "./bulk-plan";
import type { SelectedAccount } from "./selection";
import { type SendResult, sendDueLetter } from "./send-all-due";

// "Send all due letters" as a durable run: starting it plans the due letters and
// queues one job per account in one transaction; the worker (scripts/worker.ts)
// sends each with sendDueLetter and appends the account's result. A crash loses
// nothing: graphile-worker retries the job, the result row is unique per (run,
// account) and the letter per (case, stage), so a retry never doubles either.

export const BULK_SEND_TASK = "send_due_letter";
/** One try and two retries (about 3 s and 7 s later); after the last, the account is recorded as failed. */
export const MAX_BULK_SEND_ATTEMPTS = 3;

const bulkSendJobSchema = z.object({
  bulkSendId: z.uuid(),
  orgId: z.uuid(),
  customerId: z.uuid(),
  currency: z.string().regex(/^[A-Z]{3}$/),
});
export type BulkSendJob = z.infer<typeof bulkSendJobSchema>;

/** The run's plan as stored (bulk_sends.planned): the confirmed letters, parsed on read (runs from before channels went by post). */
const plannedEntrySchema: z.ZodType<PlannedLetter, unknown> = z.object({
  customerId: z.string(),
  currency: z.string(),
  name: z.string(),
  stage: z.literal([1, 2, 3, 4]),
  channel: z.enum(["post", "email"]).default("post"),
});
const plannedSchema = z.array(plannedEntrySchema);
/** Sends the due letter of one account in a run. */
export const BULK_SEND_JOB = jobType(BULK_SEND_TASK, bulkSendJobSchema);

export interface BulkSendProgress {
  id: string;
  requestedBy: string;
  requestedAt: string;
  total: number;
  done: number;
  sent: number;
  skipped: number;
  failed: number;
  status: "running" | "done";
  /** In the planned (worklist) order, those with a result so far. */
  results: SendResult[];
}

/**
 * Confirms a plan (lib/letters/bulk-plan.ts) and starts its run: the plan is
 * computed again under the organization's lock, and only if its fingerprint is
 * the one the collector saw are its letters stored as the run's plan
 * (bulk_sends.planned) with one job per account, in one transaction with the
 * audit record. A plan that changed meanwhile is a CONFLICT and nothing is
 * queued. One active run per organization: a second start while one is running
 * is a CONFLICT naming who started it and when (a double click, or a colleague
 * at the same moment; the advisory lock orders them). No letters in the plan:
 * no run, `null`.
 */
export async function confirmBulkSend(
  db: Db,
  opts: { orgId: string; actor: Actor; now: Date; fingerprint: string; selection?: SelectedAccount[] | null },
): Promise<{ bulkSendId: string; total: number } | null> {
  assertCanWork(opts.actor);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`bulk-send:${opts.orgId}`}))`;
      const active = await activeRun(tx as unknown as Db, opts.orgId);
      if (active) {
        const org = await tx.organization.findUniqueOrThrow({
          where: { id: opts.orgId },
          select: { timeZone: true, locale: true },
        });
        throw new AppError(
          "CONFLICT",
          `Due letters are already being sent: started by ${active.requestedBy.name} on ${formatInstant(active.requestedAt, org.timeZone, org.locale)}, ${active.done} of ${active.total} done. Its progress is shown here.`,
        );
      }
      const plan = await planBulkSend(tx, { orgId: opts.orgId, now: opts.now, selection: opts.selection });
      if (plan.fingerprint !== opts.fingerprint)
        throw new AppError(
          "CONFLICT",
          `The plan changed since it was shown (now ${plural(plan.letters.length, "letter")}): nothing was sent. Check the new plan and confirm again.`,
        );
      const planned = plan.letters;
      if (!planned.length) return null;
      const run = await tx.bulkSend.create({
        data: {
          orgId: opts.orgId,
          requestedById: opts.actor.userId,
          planned: planned as unknown as object[],
          total: planned.length,
        },
      });
      // One key per (run, account): enqueuing the same account twice in a run is a no-op replace.
      const jobs = planned.map((due) => {
        const job: BulkSendJob = {
          bulkSendId: run.id,
          orgId: opts.orgId,
          customerId: due.customerId,
          currency: due.currency,
        };
        return { payload: { ...job }, jobKey: `bulk-send:${run.id}:${due.customerId}:${due.currency}` };
      });
      await addJobs(tx, BULK_SEND_JOB, jobs, { maxAttempts: MAX_BULK_SEND_ATTEMPTS });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId },
        {
          kind: "bulk_send.started",
          payload: { bulkSendId: run.id, accounts: planned.length, fingerprint: plan.fingerprint },
        },
      );
      return { bulkSendId: run.id, total: planned.length };
    },
    { timeout: 120_000 },
  );
}

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

/** The organization's run still in progress (fewer results than planned accounts), if any. */
async function activeRun(db: Db, orgId: string) {
  const runs = await db.bulkSend.findMany({
    where: { orgId },
    orderBy: { requestedAt: "desc" },
    take: 5,
    select: {
      id: true,
      total: true,
      requestedAt: true,
      requestedBy: { select: { name: true } },
      _count: { select: { results: true } },
    },
  });
  const run = runs.find((r) => r._count.results < r.total);
  return run ? { ...run, done: run._count.results } : null;
}

/** A run's progress and its results so far; the organization's latest run when no id is given. Null when there is none. */
export async function getBulkSend(
  db: Db,
  opts: { orgId: string; bulkSendId?: string },
): Promise<BulkSendProgress | null> {
  const run = await db.bulkSend.findFirst({
    where: { orgId: opts.orgId, ...(opts.bulkSendId ? { id: opts.bulkSendId } : {}) },
    orderBy: { requestedAt: "desc" },
    include: { requestedBy: { select: { name: true } }, results: true },
  });
  if (!run) return null;
  const planned = plannedSchema.parse(run.planned);
  const byAccount = new Map(run.results.map((r) => [`${r.customerId}:${r.currency.trim()}`, r]));
  const results = planned.flatMap((due): SendResult[] => {
    const r = byAccount.get(`${due.customerId}:${due.currency}`);
    if (!r) return [];
    if (r.outcome === "SENT") return [{ ...due, status: "sent", letterId: r.letterId! }];
    return [{ ...due, status: r.outcome === "SKIPPED" ? "skipped" : "failed", reason: r.reason }];
  });
  const count = (s: SendResult["status"]) => results.filter((r) => r.status === s).length;
  return {
    id: run.id,
    requestedBy: run.requestedBy.name,
    requestedAt: run.requestedAt.toISOString(),
    total: run.total,
    done: run.results.length,
    sent: count("sent"),
    skipped: count("skipped"),
    failed: count("failed"),
    status: run.results.length >= run.total ? "done" : "running",
    results,
  };
}

/**
 * This job's entry of the run's plan, picked out inside PostgreSQL: reading and
 * parsing the whole plan (1,000 entries in a run of 1,000) in every job made
 * each letter's cost grow with the size of its run.
 */
async function plannedLetter(db: Db, job: BulkSendJob): Promise<PlannedLetter | null> {
  const [row] = await db.$queryRaw<{ entry: unknown }[]>`
    SELECT p.entry FROM bulk_sends b CROSS JOIN LATERAL jsonb_array_elements(b.planned) AS p(entry)
    WHERE b.id = ${job.bulkSendId}::uuid AND b.org_id = ${job.orgId}::uuid
      AND p.entry->>'customerId' = ${job.customerId} AND p.entry->>'currency' = ${job.currency}
    LIMIT 1`;
  return row ? plannedEntrySchema.parse(row.entry) : null;
}

/**
 * One job: sends the account's due letter as the user who started the run (their
 * role now: a user demoted meanwhile gets "skipped") and records the result. A
 * result already recorded (the job ran before and crashed after writing) ends it.
 * An unexpected error is thrown for the queue to retry; on the last attempt it is
 * recorded as failed, so every run finishes.
 */
export async function runBulkSendJob(
  db: Db,
  job: BulkSendJob,
  attempt: { number: number; max: number },
): Promise<void> {
  const done = await db.bulkSendResult.findUnique({
    where: {
      bulkSendId_customerId_currency: {
        bulkSendId: job.bulkSendId,
        customerId: job.customerId,
        currency: job.currency,
      },
    },
  });
  if (done) return;
  const run = await db.bulkSend.findFirst({
    where: { id: job.bulkSendId, orgId: job.orgId },
    select: {
      requestedById: true,
      requestedAt: true,
      requestedBy: { select: { id: true, role: true, active: true } },
    },
  });
  if (!run) return; // nothing to do for a run that does not exist
  const due = await plannedLetter(db, job);
  if (!due) return;
  let result: SendResult;
  // A retry after a crash between the letter's commit and its result row: the letter is this run's.
  const sentEarlier =
    attempt.number > 1
      ? await db.letter.findFirst({
          where: {
            orgId: job.orgId,
            customerId: job.customerId,
            currency: job.currency,
            stage: due.stage,
            sentById: run.requestedById,
            sentAt: { gte: run.requestedAt },
          },
          select: { id: true },
        })
      : null;
  const actor: Actor = { userId: run.requestedBy.id, role: run.requestedBy.active ? run.requestedBy.role : "VIEWER" };
  try {
    result = sentEarlier
      ? { ...due, status: "sent", letterId: sentEarlier.id }
      : await sendDueLetter(db, { orgId: job.orgId, actor, due, now: clockNow() });
  } catch (error) {
    if (attempt.number < attempt.max) throw error;
    result = { ...due, status: "failed", reason: error instanceof Error ? error.message.slice(0, 500) : String(error) };
  }
  try {
    await db.bulkSendResult.create({
      data: {
        orgId: job.orgId,
        bulkSendId: job.bulkSendId,
        customerId: job.customerId,
        currency: job.currency,
        outcome: result.status === "sent" ? "SENT" : result.status === "skipped" ? "SKIPPED" : "FAILED",
        letterId: result.status === "sent" ? result.letterId : null,
        reason: result.status === "sent" ? "" : result.reason,
      },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another try of this job recorded it first
  }
}

/** The queue's bulk-send task: the worker in `npm start` and the tests run the same list. */
export function bulkSendTasks(db: Db) {
  return defineTask({
    ...BULK_SEND_JOB,
    run: (job, helpers) => runBulkSendJob(db, job, { number: helpers.job.attempts, max: helpers.job.max_attempts }),
  });
}
