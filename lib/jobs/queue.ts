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

/**
 * Many jobs of one task in one statement (graphile_worker.add_jobs): enqueuing
 * tens of thousands one add_job() call at a time costs a round trip each.
 */
export async function addJobs(
  tx: DbOrTx,
  task: string,
  jobs: { payload: Record<string, unknown>; jobKey: string }[],
  opts: { maxAttempts: number; batch?: number },
): Promise<void> {
  const batch = opts.batch ?? 5000;
  for (let start = 0; start < jobs.length; start += batch) {
    const part = jobs.slice(start, start + batch);
    await tx.$executeRaw`
      SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(${task}::text, p::json, NULL, NULL, ${opts.maxAttempts}::int, k, NULL, NULL)::graphile_worker.job_spec
        FROM unnest(${part.map((j) => JSON.stringify(j.payload))}::text[], ${part.map((j) => j.jobKey)}::text[]) AS j(p, k)))`;
  }
}

/** Runs every job that is due now, then returns (tests, scripts). */
export async function runDueJobs(connectionString: string, taskList: TaskList): Promise<void> {
  await runOnce({ connectionString, taskList, logger: quiet, concurrency: 1, noHandleSignals: true });
}

/** The long-running worker `npm start` runs beside the web server. */
export async function startWorker(connectionString: string, taskList: TaskList, opts: { crontab?: string } = {}): Promise<Runner> {
  return run({ connectionString, taskList, crontab: opts.crontab ?? "", logger: quiet, concurrency: 2, noHandleSignals: true, pollInterval: 2000 });
}
