import type { DbOrTx } from "@/lib/db/client";
import { anyWorkerAlive } from "./worker-liveness";

/** A running job reports at least this often (a heartbeat on its row); one silent this long died with its worker. */
export const STALE_AFTER_MS = 2 * 60_000;

interface QueuedJob {
  lockedAt: Date | null;
  attempts: number;
  maxAttempts: number;
}

/** The queue's job with this key, if it is still there (a finished job is deleted). */
async function queuedJob(tx: DbOrTx, jobKey: string): Promise<QueuedJob | null> {
  const rows = await tx.$queryRaw<{ locked_at: Date | null; attempts: number; max_attempts: number }[]>`
    SELECT locked_at, attempts, max_attempts FROM graphile_worker.jobs WHERE key = ${jobKey}`;
  return rows[0]
    ? { lockedAt: rows[0].locked_at, attempts: rows[0].attempts, maxAttempts: rows[0].max_attempts }
    : null;
}

/**
 * Whether a record that says "running" was abandoned: its heartbeat is old and
 * its job is not waiting in the queue for a live worker (queued behind others,
 * or for a retry) nor just taken by a worker. That is a worker that died mid-job (graphile-worker
 * would retry it only after four hours) or a job gone without a result. The
 * caller marks the record failed, and its job checks the record before working,
 * so an abandoned job retried hours later does nothing (queueing a job under the
 * same key again also stops graphile-worker from ever retrying the old one).
 */
export async function wasInterrupted(
  tx: DbOrTx,
  opts: { jobKey: string; heartbeat: Date; now?: Date },
): Promise<boolean> {
  const now = (opts.now ?? new Date()).getTime();
  if (now - opts.heartbeat.getTime() <= STALE_AFTER_MS) return false;
  const job = await queuedJob(tx, opts.jobKey);
  if (!job) return true;
  // Waiting in the queue: interrupted when it will never run (no tries left) or
  // no worker is alive to run it (killed and not restarted).
  if (!job.lockedAt) return job.attempts >= job.maxAttempts || !(await anyWorkerAlive(tx));
  return now - job.lockedAt.getTime() > STALE_AFTER_MS;
}

/** Whether this try of a job is its last: a failure now is final, and recorded instead of retried. */
export function isLastAttempt(job: { attempts: number; max_attempts: number }): boolean {
  return job.attempts >= job.max_attempts;
}
