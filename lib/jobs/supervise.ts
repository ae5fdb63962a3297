import { type ChildProcess, spawn } from "node:child_process";

// `npm start` runs the job worker as a child process. A worker that dies
// (kill -9, out of memory, a crash) used to stay dead: bulk sends stayed
// "running" and imports "checking". The supervisor restarts it, waiting longer
// after each quick death so a worker that cannot start does not spin.

export interface SuperviseOptions {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** First wait before a restart; doubled after each death that came quickly, up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** A worker that ran this long is healthy: the next restart waits initialDelayMs again. */
  healthyAfterMs?: number;
  log?: (line: string) => void;
  stdio?: "inherit" | "ignore" | "pipe";
}

export interface Supervisor {
  /** The running child, if any. */
  current(): ChildProcess | undefined;
  /** How many times the worker was restarted. */
  restarts(): number;
  /** Stops restarting, sends SIGTERM and waits (up to graceMs) for the worker to exit. */
  stop(graceMs?: number): Promise<void>;
}

export function restartDelayMs(
  previousDelayMs: number | null,
  ranMs: number,
  opts: Required<Pick<SuperviseOptions, "initialDelayMs" | "maxDelayMs" | "healthyAfterMs">>,
): number {
  if (previousDelayMs === null || ranMs >= opts.healthyAfterMs) return opts.initialDelayMs;
  return Math.min(previousDelayMs * 2, opts.maxDelayMs);
}

export function superviseWorker(opts: SuperviseOptions): Supervisor {
  const timing = {
    initialDelayMs: opts.initialDelayMs ?? 1_000,
    maxDelayMs: opts.maxDelayMs ?? 30_000,
    healthyAfterMs: opts.healthyAfterMs ?? 60_000,
  };
  const log = opts.log ?? ((line: string) => console.log(line));
  let child: ChildProcess | undefined;
  let stopped = false;
  let restarts = 0;
  let delay: number | null = null;
  let timer: NodeJS.Timeout | undefined;

  const start = () => {
    if (stopped) return;
    const startedAt = Date.now();
    child = spawn(opts.command, opts.args, { env: opts.env, stdio: opts.stdio ?? "inherit" });
    child.once("exit", (code, signal) => {
      child = undefined;
      if (stopped) return;
      const ran = Date.now() - startedAt;
      delay = restartDelayMs(delay, ran, timing);
      log(
        `[supervisor] job worker exited (${signal ? `signal ${signal}` : `code ${code}`}) after ${(ran / 1000).toFixed(1)} s; restarting in ${(delay / 1000).toFixed(1)} s`,
      );
      timer = setTimeout(() => {
        restarts += 1;
        log(`[supervisor] restarting the job worker (restart ${restarts})`);
        start();
      }, delay);
    });
  };
  start();

  return {
    current: () => child,
    restarts: () => restarts,
    async stop(graceMs = 5_000) {
      stopped = true;
      clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((r) => running.once("exit", r));
      running.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
    },
  };
}
