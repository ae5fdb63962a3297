import { z } from "zod";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Import } from "@/lib/generated/prisma/client";
import type { ImportStatus } from "@/lib/generated/prisma/enums";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { isLastAttempt } from "@/lib/jobs/interrupted";
import { addJob } from "@/lib/jobs/queue";
import { runCommit, startCommit } from "./commit-import";
import { importJobKey } from "./get-import";
import { runValidation, startValidation } from "./validate-import";

// The check and commit passes run on the durable job queue (graphile-worker),
// not in the web request's process: claiming the import (its status, which the
// page polls) and queueing its job happen in one transaction, the worker
// (scripts/worker.ts) runs the pass, reading the file from the database.

export const VALIDATE_IMPORT_TASK = "validate_import";
export const COMMIT_IMPORT_TASK = "commit_import";
/** One try and two retries for an unexpected error (a lost connection); a problem with the file or the data is final at once. */
export const MAX_IMPORT_ATTEMPTS = 3;

const importJobSchema = z.object({
  importId: z.uuid(),
  orgId: z.uuid(),
  /** Who asked: the commit's audit record names them. */
  userId: z.uuid(),
  /** The user confirmed the changes to stored invoices the check listed. */
  confirmChanges: z.boolean().optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const VALIDATE_IMPORT_JOB = jobType(VALIDATE_IMPORT_TASK, importJobSchema);
export const COMMIT_IMPORT_JOB = jobType(COMMIT_IMPORT_TASK, importJobSchema);

/** Claims the import for checking and queues the check, in the caller's transaction. */
export async function queueValidation(tx: DbOrTx, job: ImportJob): Promise<Import> {
  const claimed = await startValidation(tx, job);
  await addJob(
    tx,
    VALIDATE_IMPORT_JOB,
    { ...job },
    { jobKey: importJobKey(job.importId), maxAttempts: MAX_IMPORT_ATTEMPTS },
  );
  return claimed;
}

/** Claims a checked, clean import for importing and queues the commit, in the caller's transaction. */
export async function queueCommit(tx: DbOrTx, job: ImportJob): Promise<Import> {
  const claimed = await startCommit(tx, job);
  await addJob(
    tx,
    COMMIT_IMPORT_JOB,
    { ...job },
    { jobKey: importJobKey(job.importId), maxAttempts: MAX_IMPORT_ATTEMPTS },
  );
  return claimed;
}

/**
 * One job: runs the pass if the import is still claimed for it (not finished
 * by an earlier try, nor marked interrupted meanwhile). A failure the pass
 * recorded on the import ends the job; an unexpected error before the last
 * attempt is thrown for the queue to retry.
 */
async function runImportJob(
  db: Db,
  job: ImportJob,
  claimedAs: ImportStatus,
  pass: (imp: Import) => Promise<unknown>,
): Promise<void> {
  const imp = await db.import.findFirst({ where: { id: job.importId, orgId: job.orgId, status: claimedAs } });
  if (!imp) return;
  try {
    await pass(imp);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
  }
}

/** The queue's import tasks: the worker in `npm start` and the tests run the same list. */
export function importTasks(db: Db) {
  return {
    ...defineTask({
      ...VALIDATE_IMPORT_JOB,
      run: (job, helpers) =>
        runImportJob(db, job, "VALIDATING", (imp) =>
          runValidation(db, imp, { retryable: !isLastAttempt(helpers.job) }),
        ),
    }),
    ...defineTask({
      ...COMMIT_IMPORT_JOB,
      run: (job, helpers) =>
        runImportJob(db, job, "COMMITTING", (imp) =>
          runCommit(db, imp, { userId: job.userId, retryable: !isLastAttempt(helpers.job) }),
        ),
    }),
  };
}
