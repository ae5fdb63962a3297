import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { jobType } from "@/lib/jobs/define-task";
import { addJob, runDueJobs } from "@/lib/jobs/queue";
import { freeJobsOfDeadWorkers } from "@/lib/jobs/worker-liveness";
import { useTestDb } from "./db";

const db = useTestDb();

const until = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
};

describe("a killed job worker", () => {
  it("has its locked job freed once its heartbeat stops, and the job then runs to the end elsewhere", async () => {
    const url = inject("testDatabaseUrl");
    const task = `test_hang_${randomUUID().replaceAll("-", "")}`;
    await addJob(db, jobType(task, z.object({})), {}, { jobKey: task, maxAttempts: 3 });
    const job = () =>
      db.$queryRaw<
        { locked_by: string | null }[]
      >`SELECT locked_by FROM graphile_worker.jobs WHERE task_identifier = ${task}`;

    const child = spawn(process.execPath, ["--import", "tsx", "tests/fixtures/hanging-worker.ts"], {
      env: { ...process.env, DATABASE_URL: url, HANG_TASK: task },
      stdio: "ignore",
    });
    try {
      await until("the worker to take the job", async () => (await job())[0]?.locked_by != null);
      const lockedBy = (await job())[0].locked_by!;
      await until(
        "the worker's heartbeat",
        async () => (await db.jobWorker.count({ where: { workerId: lockedBy } })) === 1,
      );
      // Alive: its job stays with it.
      expect(await freeJobsOfDeadWorkers(db)).not.toContain(lockedBy);
      expect((await job())[0].locked_by).toBe(lockedBy);

      child.kill("SIGKILL");
      await new Promise((resolve) => child.once("exit", resolve));
      await new Promise((resolve) => setTimeout(resolve, 1100));
      // Silent for over a second counts as dead here (a minute in production).
      expect(await freeJobsOfDeadWorkers(db, { deadAfterMs: 1000 })).toContain(lockedBy);
      expect((await job())[0].locked_by).toBeNull();
      expect(await db.jobWorker.count({ where: { workerId: lockedBy } })).toBe(0);

      let ran = 0;
      await runDueJobs(url, { [task]: async () => void ran++ });
      expect(ran).toBe(1);
      expect(await job()).toEqual([]);
    } finally {
      child.kill("SIGKILL");
    }
  }, 60_000);
});
