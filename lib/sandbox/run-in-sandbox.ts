import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors/app-error";

// No request does unbounded work on the web process: reading an untrusted file (a PDF's
// page tree, an image's pixels) runs here, on a small pool of worker threads, each task
// with a time budget and each thread with a heap budget. Over budget, the thread is
// terminated and replaced, and the caller gets an AppError that says so; the event loop
// that answers everyone else never runs the work. The tasks live in sandbox-worker.mjs.

/** Heap of one sandbox thread (V8 old generation, MB). A 5 MB PDF parses in well under 64 MB. */
export const SANDBOX_MEMORY_MB = 192;
/** Default time budget of one task. A real invoice PDF or logo takes 5-50 ms. */
export const SANDBOX_TIME_MS = 5_000;
const POOL_SIZE = Math.max(1, Math.min(2, availableParallelism()));

type Job = {
  task: string;
  payload: unknown;
  timeMs: number;
  what: string;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
};
type Slot = { worker: Worker; busy: boolean; ready: Promise<void> };
/** How long a new thread may take to load before its task fails (a busy machine, not the file). */
const START_MS = 60_000;

const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

function workerFile(): string {
  // Resolved from the project directory at run time: inside a Next.js bundle import.meta.url
  // points into .next/, where the .mjs file is not copied.
  return path.join(process.cwd(), "lib", "sandbox", "sandbox-worker.mjs");
}

function spawn(): Slot {
  const worker = new Worker(workerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: SANDBOX_MEMORY_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
  });
  worker.unref(); // an idle pool never keeps a process (or a test run) alive
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("The sandbox thread did not start")), START_MS);
    const onReady = (msg: { ready?: boolean }) => {
      if (!msg?.ready) return;
      clearTimeout(timer);
      worker.off("message", onReady);
      resolve();
    };
    worker.on("message", onReady);
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  ready.catch(() => {}); // observed by the task that waits on it
  const slot: Slot = { worker, busy: false, ready };
  slots.push(slot);
  return slot;
}

function retire(slot: Slot) {
  slots.splice(slots.indexOf(slot), 1);
  void slot.worker.terminate();
}

function pump() {
  while (queue.length) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < POOL_SIZE ? spawn() : null);
    if (!slot) return;
    run(slot, queue.shift()!);
  }
}

function run(slot: Slot, job: Job) {
  slot.busy = true;
  slot.ready.then(
    () => start(slot, job),
    (error: unknown) => {
      retire(slot);
      job.reject(error);
      pump();
    },
  );
}

function start(slot: Slot, job: Job) {
  const id = nextId++;
  const { worker } = slot;
  const finish = (outcome: () => void, keep: boolean) => {
    clearTimeout(timer);
    worker.off("message", onMessage);
    worker.off("error", onError);
    worker.off("exit", onExit);
    if (keep) slot.busy = false;
    else retire(slot);
    outcome();
    pump();
  };
  const onMessage = (msg: { id: number; ok: boolean; result?: unknown; refusal?: string | null; message?: string }) => {
    if (msg.id !== id) return;
    if (msg.ok) finish(() => job.resolve(msg.result), true);
    else if (msg.refusal) finish(() => job.reject(new AppError("INVALID_INPUT", msg.refusal!)), true);
    else finish(() => job.reject(new Error(`Sandbox task ${job.task} failed: ${msg.message}`)), true);
  };
  const overBudget = (why: string) =>
    new AppError("TOO_LARGE", `${job.what} ${why}, so it was refused. Use a simpler or smaller file.`);
  const onError = (error: Error & { code?: string }) => {
    const memory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
    finish(
      () =>
        job.reject(memory ? overBudget(`needs more than ${SANDBOX_MEMORY_MB} MB of memory to read`) : (error as Error)),
      false,
    );
  };
  const onExit = () => finish(() => job.reject(new Error(`Sandbox thread stopped during ${job.task}`)), false);
  const timer = setTimeout(
    () => finish(() => job.reject(overBudget(`takes longer than ${job.timeMs / 1000} s to read`)), false),
    job.timeMs,
  );
  worker.on("message", onMessage);
  worker.on("error", onError);
  worker.on("exit", onExit);
  worker.ref(); // a running task keeps the process alive until it answers
  worker.postMessage({ id, task: job.task, payload: job.payload });
  const unrefWhenDone = () => worker.unref();
  job.resolve = wrap(job.resolve, unrefWhenDone);
  job.reject = wrap(job.reject, unrefWhenDone);
}

function wrap<A extends unknown[]>(fn: (...args: A) => void, after: () => void) {
  return (...args: A) => {
    after();
    fn(...args);
  };
}

/**
 * Runs one task of sandbox-worker.mjs off the event loop. `what` names the thing for the
 * refusal ("The PDF"). Refusals by the task come back as INVALID_INPUT, a task over its
 * time or memory budget as TOO_LARGE; both with a message a person can act on.
 */
export function runInSandbox<T>(task: string, payload: unknown, opts: { what: string; timeMs?: number }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    queue.push({
      task,
      payload,
      timeMs: opts.timeMs ?? SANDBOX_TIME_MS,
      what: opts.what,
      resolve: resolve as (v: unknown) => void,
      reject,
    });
    pump();
  });
}
