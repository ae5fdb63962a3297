import { Logger, run, runMigrations, runOnce, type Runner, type TaskList } from "graphile-worker";
import type { DbOrTx } from "@/lib/db/client";

// Durable jobs in PostgreSQL (graphile-worker). Jobs are added with the SQL
// function graphile_worker.add_job() inside the caller's Prisma transaction, so
// a job exists exactly when the change that asked for it was committed.

const quiet = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[jobs] ${message}`);
});

/** Creates or upgrades the graphile_worker schema; idempotent, run with the app's migrations. */
export async function installJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: quiet });
}

export async function addJob(
  tx: DbOrTx,
  task: string,
  payload: Record<string, unknown>,
  opts: { jobKey: string; maxAttempts: number },
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${task}::text, ${JSON.stringify(payload)}::json, job_key := ${opts.jobKey}::text, max_attempts := ${opts.maxAttempts}::int)`;
}

/** Runs every job that is due now, then returns (tests, scripts). */
export async function runDueJobs(connectionString: string, taskList: TaskList): Promise<void> {
  await runOnce({ connectionString, taskList, logger: quiet, concurrency: 1, noHandleSignals: true });
}

/** The long-running worker `npm start` runs beside the web server. */
export async function startWorker(connectionString: string, taskList: TaskList): Promise<Runner> {
  return run({ connectionString, taskList, logger: quiet, concurrency: 2, noHandleSignals: true, pollInterval: 2000 });
}
