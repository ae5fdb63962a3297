import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { jobType } from "@/lib/jobs/define-task";
import { wasInterrupted } from "@/lib/jobs/interrupted";
import { addJob } from "@/lib/jobs/queue";
import { restartDelayMs, superviseWorker } from "@/lib/jobs/supervise";
import { anyWorkerAlive, queueIsStalled } from "@/lib/jobs/worker-liveness";
import { useTestDb } from "./db";

// Issue 14, item 7: after kill -9 the worker stayed dead, bulk sends stayed
// "running" and imports "checking".
const db = useTestDb();

const until = async (what: string, check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("the supervised job worker", () => {
  it("is restarted after kill -9, and the restart is logged", async () => {
    const lines: string[] = [];
    const supervisor = superviseWorker({
      command: process.execPath,
      args: ["-e", "setInterval(() => {}, 1000)"],
      initialDelayMs: 100,
      log: (line) => lines.push(line),
      stdio: "ignore",
    });
    try {
      await until("the worker to start", () => supervisor.current()?.pid !== undefined);
      const first = supervisor.current()!.pid!;
      process.kill(first, "SIGKILL");
      await until("a new worker", () => supervisor.restarts() === 1 && supervisor.current()?.pid !== undefined);
      expect(supervisor.current()!.pid).not.toBe(first);
      expect(lines.join("\n")).toMatch(/job worker exited \(signal SIGKILL\).*restarting in 0\.1 s/);
      expect(lines.join("\n")).toMatch(/restarting the job worker \(restart 1\)/);
    } finally {
      await supervisor.stop();
    }
    const pid = supervisor.current()?.pid;
    expect(pid).toBeUndefined();
  });

  it("backs off when the worker keeps dying at once, and starts over after a healthy run", async () => {
    const timing = { initialDelayMs: 1000, maxDelayMs: 30_000, healthyAfterMs: 60_000 };
    let delay: number | null = null;
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) delays.push((delay = restartDelayMs(delay, 200, timing)));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(restartDelayMs(30000, 120_000, timing)).toBe(1000);

    const lines: string[] = [];
    const supervisor = superviseWorker({
      command: process.execPath,
      args: ["-e", "process.exit(3)"],
      initialDelayMs: 100,
      log: (line) => lines.push(line),
      stdio: "ignore",
    });
    await until("three restarts", () => supervisor.restarts() >= 3);
    await supervisor.stop();
    const waits = lines
      .filter((l) => l.includes("exited (code 3)"))
      .map((l) => l.match(/restarting in ([\d.]+) s/)![1]);
    expect(waits.slice(0, 3)).toEqual(["0.1", "0.2", "0.4"]);
  });
});

describe("a job waiting in the queue with no worker alive", () => {
  it("counts as interrupted once its record is silent, and the pages are told the queue is stalled", async () => {
    const key = `test-waiting-${randomUUID()}`;
    await addJob(
      db,
      jobType(`test_never_${randomUUID().replaceAll("-", "")}`, z.object({})),
      {},
      { jobKey: key, maxAttempts: 3 },
    );
    const old = new Date(Date.now() - 5 * 60_000);
    expect(await anyWorkerAlive(db)).toBe(false);
    expect(await wasInterrupted(db, { jobKey: key, heartbeat: old })).toBe(true);
    expect(await queueIsStalled(db)).toBe(true);
    // A live worker will run it: not interrupted, not stalled.
    const workerId = `test-worker-${randomUUID()}`;
    await db.jobWorker.create({ data: { workerId, host: "test", pid: 1 } });
    try {
      expect(await wasInterrupted(db, { jobKey: key, heartbeat: old })).toBe(false);
      expect(await queueIsStalled(db)).toBe(false);
    } finally {
      await db.jobWorker.delete({ where: { workerId } });
      await db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key = ${key}`;
    }
  });
});
