import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";

/**
 * Runs `check` while a job worker's heartbeat is fresh: a queued job is then
 * waiting for a worker that will run it (behind others, or for its retry),
 * not interrupted (lib/jobs/interrupted.ts).
 */
export async function whileAWorkerIsAlive<T>(db: Db, check: () => Promise<T>): Promise<T> {
  const workerId = `test-live-worker-${randomUUID()}`;
  await db.jobWorker.create({ data: { workerId, host: "test", pid: 1 } });
  try {
    return await check();
  } finally {
    await db.jobWorker.delete({ where: { workerId } });
  }
}
