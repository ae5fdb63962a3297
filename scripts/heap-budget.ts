// The V8 heap each long-running process may grow to (`--max-old-space-size`, MB), so one
// runaway request ends its own process with an out-of-memory error instead of taking the
// machine's memory from PostgreSQL and everyone else (issue 22: one request reached 2.4 GB).
// Sized for the reference machine: 24 GiB and 2 cores shared with PostgreSQL (about 8 GiB
// for shared_buffers and work_mem), one web process per core at most (WEB_CONCURRENCY)
// and one job worker. A page at 1M invoices peaks near 600 MB (README, Performance).
// Override with WEB_HEAP_MB / WORKER_HEAP_MB on a larger machine.

export const WEB_HEAP_MB = Number(process.env.WEB_HEAP_MB) || 2048;
export const WORKER_HEAP_MB = Number(process.env.WORKER_HEAP_MB) || 1536;

export const heapFlag = (mb: number) => `--max-old-space-size=${mb}`;

/** Job worker processes `npm start` runs (WORKER_PROCESSES, default 1); each costs its own heap. */
export const WORKER_PROCESSES = Math.max(1, Math.floor(Number(process.env.WORKER_PROCESSES) || 1));

/** How `npm start` runs the web server and the job worker (scripts/start.ts). */
export const WEB_SERVER_ARGS = [heapFlag(WEB_HEAP_MB), "--import", "tsx", "scripts/serve.ts"];
export const JOB_WORKER_ARGS = [heapFlag(WORKER_HEAP_MB), "--import", "tsx", "scripts/worker.ts"];
