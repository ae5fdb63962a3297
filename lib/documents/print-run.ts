import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { PrintRun } from "@/lib/generated/prisma/client";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { isLastAttempt, wasInterrupted } from "@/lib/jobs/interrupted";
import { addJob } from "@/lib/jobs/queue";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { printLetters } from "./print-todays-letters";

// "Print today's letters" as a durable run: starting it records the run and its
// audit event and queues one job, in one transaction; the worker
// (scripts/worker.ts) renders the PDF, reporting progress into the run's row,
// and stores it there, so any app server can show the progress and serve the
// download, and a crash loses nothing (the queue retries the job; a run whose
// worker died is shown failed, never "running" for ever).

export const PRINT_TASK = "print_letters";
/** One try and two retries; after the last, the run is marked failed with the error. */
export const MAX_PRINT_ATTEMPTS = 3;
/** Progress is written to the run every this many letters (and at the end). */
export const PROGRESS_EVERY = 25;
/**
 * A finished run's PDF is kept this long, then cleared (the run stays, with its
 * counts): a print run is a download, the letters themselves are the record,
 * and printing the day again renders the same letters.
 */
export const KEEP_PDF_MS = 24 * 60 * 60_000;

const printJobSchema = z.object({ printRunId: z.uuid(), orgId: z.uuid() });
export type PrintJob = z.infer<typeof printJobSchema>;
/** Renders one print run's PDF. */
export const PRINT_JOB = jobType(PRINT_TASK, printJobSchema);

export interface PrintRunView {
  id: string;
  day: DateOnly;
  state: "running" | "ready" | "failed";
  done: number;
  total: number;
  letters: number | null;
  registered: number | null;
  error: string | null;
  /** False once the PDF has been cleared (a day after the run finished). */
  downloadable: boolean;
}

const viewSelect = {
  id: true,
  orgId: true,
  day: true,
  status: true,
  done: true,
  total: true,
  letters: true,
  registered: true,
  error: true,
  updatedAt: true,
  finishedAt: true,
} as const;
type RunRow = Pick<PrintRun, keyof typeof viewSelect>;

const jobKey = (printRunId: string) => `print-run:${printRunId}`;

/**
 * Starts printing a day's letters: the run, its audit record and its job in one
 * transaction. A run of that day still in progress is returned instead (a
 * double click or a colleague joins it; a partial unique index keeps one).
 */
export async function startPrintRun(
  db: Db,
  opts: { orgId: string; userId: string; day: DateOnly; now?: Date },
): Promise<PrintRunView> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`print-run:${opts.orgId}`}))`;
    const running = await tx.printRun.findFirst({
      where: { orgId: opts.orgId, day: dateOnlyToDb(opts.day), status: "RUNNING" },
      select: viewSelect,
    });
    if (running) {
      const current = await failIfInterrupted(tx, running, opts.now);
      if (current.status === "RUNNING") return toView(current, false);
    }
    const run = await tx.printRun.create({
      data: { orgId: opts.orgId, requestedById: opts.userId, day: dateOnlyToDb(opts.day) },
      select: viewSelect,
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "print_run.started", payload: { printRunId: run.id, day: opts.day } },
    );
    const job: PrintJob = { printRunId: run.id, orgId: opts.orgId };
    await addJob(tx, PRINT_JOB, { ...job }, { jobKey: jobKey(run.id), maxAttempts: MAX_PRINT_ATTEMPTS });
    return toView(run, false);
  });
}

const runId = z.uuid();

/** A print run of the organization, for the progress poll; NOT_FOUND for other organizations' runs and unknown ids. */
export async function getPrintRun(
  tx: DbOrTx,
  opts: { orgId: string; printRunId: string; now?: Date },
): Promise<PrintRunView> {
  const run = runId.safeParse(opts.printRunId).success
    ? await tx.printRun.findFirst({ where: { id: opts.printRunId, orgId: opts.orgId }, select: viewSelect })
    : null;
  if (!run) throw new AppError("NOT_FOUND", "That print run was not found. Start printing again.");
  const current = await failIfInterrupted(tx, run, opts.now);
  const stored =
    current.status === "READY" ? await tx.printRun.count({ where: { id: run.id, pdf: { not: null } } }) : 0;
  return toView(current, stored > 0);
}

/** The organization's latest run of a day, so the print page picks up a run in progress after a reload. */
export async function latestPrintRun(
  tx: DbOrTx,
  opts: { orgId: string; day: DateOnly; now?: Date },
): Promise<PrintRunView | null> {
  const run = await tx.printRun.findFirst({
    where: { orgId: opts.orgId, day: dateOnlyToDb(opts.day) },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return run ? getPrintRun(tx, { orgId: opts.orgId, printRunId: run.id, now: opts.now }) : null;
}

/** A finished run's PDF; NOT_FOUND when it is another organization's, not ready, or cleared. */
export async function getPrintRunPdf(
  tx: DbOrTx,
  opts: { orgId: string; printRunId: string },
): Promise<{ filename: string; pdf: Uint8Array }> {
  const run = runId.safeParse(opts.printRunId).success
    ? await tx.printRun.findFirst({
        where: { id: opts.printRunId, orgId: opts.orgId, status: "READY" },
        select: { day: true, pdf: true },
      })
    : null;
  if (!run?.pdf)
    throw new AppError(
      "NOT_FOUND",
      "That print run is not ready, or its PDF was cleared after a day. Print the letters again.",
    );
  return { filename: `letters-to-post-${dateOnlyFromDb(run.day)}.pdf`, pdf: run.pdf };
}

function toView(run: RunRow, downloadable: boolean): PrintRunView {
  return {
    id: run.id,
    day: dateOnlyFromDb(run.day),
    state: run.status === "RUNNING" ? "running" : run.status === "READY" ? "ready" : "failed",
    done: run.done,
    total: run.total,
    letters: run.letters,
    registered: run.registered,
    error: run.error || null,
    downloadable,
  };
}

async function failIfInterrupted(tx: DbOrTx, run: RunRow, now?: Date): Promise<RunRow> {
  if (
    run.status !== "RUNNING" ||
    !(await wasInterrupted(tx, { jobKey: jobKey(run.id), heartbeat: run.updatedAt, now }))
  )
    return run;
  const failed = await tx.printRun.updateMany({
    where: { id: run.id, status: "RUNNING", updatedAt: run.updatedAt },
    data: {
      status: "FAILED",
      error: "Printing was interrupted (the job worker stopped). Start it again.",
      finishedAt: now ?? new Date(),
    },
  });
  if (!failed.count) return run; // it reported meanwhile
  return { ...run, status: "FAILED", error: "Printing was interrupted (the job worker stopped). Start it again." };
}

/**
 * The job: renders the run's letters, reporting progress into its row, and
 * stores the PDF. A run that is no longer running (finished by an earlier try,
 * or marked interrupted) is left alone. An error is thrown for the queue to
 * retry; on the last attempt the run is marked failed with the message.
 */
export async function runPrintJob(
  db: Db,
  job: PrintJob,
  attempt: { attempts: number; max_attempts: number },
): Promise<void> {
  const run = await db.printRun.findFirst({
    where: { id: job.printRunId, orgId: job.orgId, status: "RUNNING" },
    select: { id: true, day: true, org: { select: { timeZone: true } } },
  });
  if (!run) return;
  const stillRunning = { id: run.id, status: "RUNNING" as const };
  try {
    await db.printRun.updateMany({ where: stillRunning, data: { done: 0 } }); // heartbeat: taken by a worker
    const result = await printLetters(db, {
      orgId: job.orgId,
      timeZone: run.org.timeZone,
      day: dateOnlyFromDb(run.day),
      onProgress: async (done, total) => {
        if (done % PROGRESS_EVERY === 0 || done === total)
          await db.printRun.updateMany({ where: stillRunning, data: { done, total } });
      },
    });
    await db.printRun.updateMany({
      where: stillRunning,
      data: {
        status: "READY",
        done: result.letters,
        total: result.letters,
        letters: result.letters,
        registered: result.registered,
        pdf: new Uint8Array(result.pdf),
        finishedAt: new Date(),
      },
    });
  } catch (error) {
    if (!isLastAttempt(attempt)) throw error;
    console.error("Print run failed", error);
    const cause = error instanceof Error ? error.message : String(error);
    const message = `Printing failed after ${attempt.attempts} attempts (${cause.slice(0, 300)}). Start it again; if it fails again, tell your administrator.`;
    await db.printRun.updateMany({
      where: stillRunning,
      data: { status: "FAILED", error: message, finishedAt: new Date() },
    });
  }
  await clearOldPrintPdfs(db, new Date());
}

/** Clears the PDFs of runs that finished more than a day ago (index print_runs_stored_pdf_by_finished_at). */
export async function clearOldPrintPdfs(db: DbOrTx, now: Date): Promise<number> {
  const cleared = await db.printRun.updateMany({
    where: { pdf: { not: null }, finishedAt: { lt: new Date(now.getTime() - KEEP_PDF_MS) } },
    data: { pdf: null },
  });
  return cleared.count;
}

/** The queue's print task: the worker in `npm start` and the tests run the same list. */
export function printTasks(db: Db) {
  return defineTask({ ...PRINT_JOB, run: (job, helpers) => runPrintJob(db, job, helpers.job) });
}
