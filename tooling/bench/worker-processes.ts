import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { processTreeCpuMs } from "./process-cpu";

// Job workers for the queue measurements, as `npm start` runs them: separate
// Node processes of scripts/worker.ts sharing one database (issue 28: "worker
// processes, not concurrency on one thread"). Each answers on a health port once
// its queue runner is up, so the timed part starts with every worker ready.

export interface WorkerProcesses {
  count: number;
  /** User + system CPU milliseconds all the workers have used so far (Linux /proc). */
  cpuMs(): number;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`A job worker exited with ${child.exitCode} before it was ready.`);
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`A job worker was not ready within ${timeoutMs / 1000} s.`);
}

export async function startWorkerProcesses(databaseUrl: string, count: number): Promise<WorkerProcesses> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map((child) => {
        if (child.exitCode !== null) return;
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        return Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      }),
    );
  };
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_HEALTH_PORT: String(port) },
        stdio: ["ignore", "ignore", "inherit"],
      });
      children.push(child);
      await waitForPort(port, child, 120_000);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    count,
    cpuMs: () => children.reduce((ms, child) => ms + (child.pid ? processTreeCpuMs(child.pid) : 0), 0),
    stop,
  };
}
