import { EventEmitter } from "node:events";
import { run, runOnce, type TaskList, type WorkerEvents } from "graphile-worker";
import type { Db, DbOrTx } from "@/lib/db/client";
import { jobQueueLogger as quiet } from "@/lib/db/job-queue-logger";
import type { JobPayload, JobType } from "./define-task";
import { keepWorkersAlive } from "./worker-liveness";

// Durable jobs in PostgreSQL (graphile-worker). Jobs are added with the SQL
// function graphile_worker.add_job() inside the caller's Prisma transaction, so
// a job exists exactly when the change that asked for it was committed.

export async function addJob<J extends JobType>(
  tx: DbOrTx,
  job: J,
  payload: JobPayload<J>,
  opts: { jobKey: string; maxAttempts: number; runAt?: Date },
): Promise<void> {
  await tx.$executeRaw`SELECT graphile_worker.add_job(${job.name}::text, ${JSON.stringify(payload)}::json, job_key := ${opts.jobKey}::text, max_attempts := ${opts.maxAttempts}::int, run_at := ${opts.runAt ?? null}::timestamptz)`;
}

/**
 * Many jobs of one task in one statement (graphile_worker.add_jobs): enqueuing
 * tens of thousands one add_job() call at a time costs a round trip each.
 */
export async function addJobs<J extends JobType>(
  tx: DbOrTx,
  job: J,
  jobs: { payload: JobPayload<J>; jobKey: string }[],
  opts: { maxAttempts: number; batch?: number },
): Promise<void> {
  const batch = opts.batch ?? 5000;
  for (let start = 0; start < jobs.length; start += batch) {
    const part = jobs.slice(start, start + batch);
    await tx.$executeRaw`
      SELECT count(*) FROM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(${job.name}::text, p::json, NULL, NULL, ${opts.maxAttempts}::int, k, NULL, NULL)::graphile_worker.job_spec
        FROM unnest(${part.map((j) => JSON.stringify(j.payload))}::text[], ${part.map((j) => j.jobKey)}::text[]) AS j(p, k)))`;
  }
}

/** Runs every job that is due now, then returns (tests, scripts). */
export async function runDueJobs(connectionString: string, taskList: TaskList): Promise<void> {
  await runOnce({ connectionString, taskList, logger: quiet, concurrency: 1, noHandleSignals: true });
}

/** The long-running worker `npm start` runs beside the web server. */
/**
 * The long-running worker `npm start` runs beside the web server (any number of
 * them may share the queue), with the liveness heartbeat that frees a killed
 * worker's jobs (lib/jobs/worker-liveness.ts). `stop` finishes running jobs first.
 */
export async function startWorker(
  db: Db,
  connectionString: string,
  taskList: TaskList,
  opts: { crontab?: string } = {},
): Promise<{ stop(): Promise<void> }> {
  const events: WorkerEvents = new EventEmitter();
  const workerIds = new Set<string>();
  events.on("worker:create", ({ worker }) => workerIds.add(worker.workerId));
  const runner = await run({
    connectionString,
    taskList,
    crontab: opts.crontab ?? "",
    events,
    logger: quiet,
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
  });
  const liveness = keepWorkersAlive(db, () => [...workerIds], {
    onError: (error) => console.error(`[jobs] heartbeat: ${error instanceof Error ? error.message : error}`),
  });
  return {
    async stop() {
      await runner.stop();
      await liveness.stop();
    },
  };
}
