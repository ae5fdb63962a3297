import { hostname } from "node:os";
import type { Db, DbOrTx } from "@/lib/db/client";

// graphile-worker frees the jobs of a worker that shut down, but a worker that
// was killed (power, OOM, SIGKILL) keeps its jobs locked for four hours before
// anyone may retry them. So each worker process beats a heartbeat into
// `job_workers`, and every live one, on the same beat, frees the jobs of
// workers silent for longer than DEAD_AFTER_MS. A crash then delays its jobs
// by about a minute instead of hours, and still loses none.

export const HEARTBEAT_MS = 15_000;
export const DEAD_AFTER_MS = 60_000;

/**
 * Frees the jobs of every worker whose heartbeat is older than `deadAfterMs`,
 * and forgets those workers. Returns their ids. Safe to run from many
 * processes at once: each dead worker is deleted (and freed) by one of them.
 */
export async function freeJobsOfDeadWorkers(db: Db, opts: { deadAfterMs?: number } = {}): Promise<string[]> {
  const deadAfter = `${opts.deadAfterMs ?? DEAD_AFTER_MS} milliseconds`;
  return db.$transaction(async (tx) => {
    const dead = await tx.$queryRaw<{ worker_id: string }[]>`
      DELETE FROM job_workers WHERE heartbeat_at < now() - ${deadAfter}::interval RETURNING worker_id`;
    const ids = dead.map((d) => d.worker_id);
    if (ids.length) await tx.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
    return ids;
  });
}

async function beat(db: DbOrTx, workerIds: string[]) {
  if (!workerIds.length) return;
  await db.$executeRaw`
    INSERT INTO job_workers (worker_id, host, pid)
    SELECT id, ${hostname()}, ${process.pid}::int FROM unnest(${workerIds}::text[]) AS id
    ON CONFLICT (worker_id) DO UPDATE SET heartbeat_at = now()`;
}

/**
 * Keeps this process's workers marked alive and sweeps dead ones, every
 * HEARTBEAT_MS, until stopped. `workerIds` is read on each beat (workers are
 * created as the pool starts).
 */
export function keepWorkersAlive(db: Db, workerIds: () => string[], opts: { onError: (error: unknown) => void }) {
  const tick = async () => {
    try {
      await beat(db, workerIds());
      await freeJobsOfDeadWorkers(db);
    } catch (error) {
      opts.onError(error);
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), HEARTBEAT_MS);
  return {
    /** Stops beating and forgets this process's workers (they have released their jobs). */
    async stop() {
      clearInterval(timer);
      const ids = workerIds();
      if (ids.length) await db.$executeRaw`DELETE FROM job_workers WHERE worker_id = ANY(${ids}::text[])`;
    },
  };
}

/** Whether some job worker has beaten its heartbeat within DEAD_AFTER_MS. */
export async function anyWorkerAlive(db: DbOrTx, opts: { deadAfterMs?: number } = {}): Promise<boolean> {
  const deadAfter = `${opts.deadAfterMs ?? DEAD_AFTER_MS} milliseconds`;
  const [row] = await db.$queryRaw<{ alive: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM job_workers WHERE heartbeat_at > now() - ${deadAfter}::interval) AS alive`;
  return row.alive;
}

/**
 * Jobs are waiting and no worker has beaten its heartbeat for a minute: the
 * pages say so (letters are queued but nothing sends them) instead of showing
 * "running" for ever.
 */
export async function queueIsStalled(db: DbOrTx): Promise<boolean> {
  const [row] = await db.$queryRaw<{ waiting: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE attempts < max_attempts) AS waiting`;
  return row.waiting && !(await anyWorkerAlive(db));
}
