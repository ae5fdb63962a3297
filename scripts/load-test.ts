// `npm run load-test [-- --scale 1m --users 20 --seconds 60 --port 3300 --cpu-prof]`
// Serves the production build (`next start`) on a scale database, signs in
// through the real next-auth credentials flow once per simulated user, then
// drives it with autocannon, each user on one kind of page: the aging report
// (sorts, filters, pages), customer pages, the worklist, sent letters and an
// authenticated JSON route. Prints requests per second and p50/p95/p99 latency
// per page kind, errors and the server's peak memory, and writes them to
// bench/load-test.json. With --cpu-prof the server writes a V8 CPU profile of
// the run to bench/profile/ and its heaviest functions and packages are printed.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { Client } from "pg";
import { summarizeCpuProfiles } from "@/tooling/bench/cpu-profile";
import { ownCpuMs, postmasterOf, processTreeCpuMs } from "@/tooling/bench/process-cpu";
import { percentile, summarize as summarizeMs } from "@/tooling/bench/stats";
import { SCALE_ORG_ID, SCALE_PASSWORD, SCALE_USERS } from "@/tooling/scale/generate-scale-data";
import { assertScaleDatabase, openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";
import { buildIsCurrent, markBuilt } from "./build-fingerprint";
import { heapFlag, WEB_HEAP_MB } from "./heap-budget";
import { signInOverHttp } from "./http-session";
import { runNextToEnd, waitForHttp } from "./next-cli";
import type { ServeStats } from "./serve-stats";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1m" },
    users: { type: "string", default: "20" },
    seconds: { type: "string", default: "60" },
    port: { type: "string", default: "3300" },
    out: { type: "string", default: "bench/load-test.json" },
    "cpu-prof": { type: "boolean", default: false },
    // The production server as `npm start` runs it (scripts/serve.ts, scripts/heap-budget.ts), WEB_CONCURRENCY=processes.
    processes: { type: "string", default: "1" },
    // The web process's --max-old-space-size (MB); default WEB_HEAP_MB, what `npm start` uses.
    "heap-mb": { type: "string", default: String(WEB_HEAP_MB) },
  },
});
const users = Number(values.users);
const seconds = Number(values.seconds);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const size = parseScaleSize(values.scale);
const database = await openScaleDatabase(size);
assertScaleDatabase(database.url);

const REPORT_PATHS = [
  "/",
  "/?page=2",
  "/?page=3",
  "/?page=10",
  "/?sort=open&dir=desc",
  "/?sort=d90_plus&dir=desc",
  "/?sort=name&dir=asc",
  "/?currency=EUR",
  "/?currency=NOK&page=2",
  "/?bucket=d1_30",
  "/?q=logistics",
  "/?sort=oldest&dir=asc",
];

const PROFILE_DIR = "bench/profile";

// Issue 28's targets for 20 users for 60 s on these 2 cores (PostgreSQL and the load generator beside the server).
const TARGETS = { p95_ms: 250, requests_per_second: 80, peak_rss_mib: 450, errors: 0 };
const STATS_DIR = "bench/serve-stats";

let server: ReturnType<typeof spawn> | undefined;
try {
  const { customers: customerPaths, letters: letterPaths } = await samplePaths(database.url, 2000);
  const WORKLIST_PATHS = ["/worklist", "/worklist?page=2", "/worklist?page=3"];
  const JSON_PATHS = ["/api/bulk-sends/latest"];
  if (!buildIsCurrent()) {
    console.log("Building the app (next build)…");
    await runNextToEnd(["build"]);
    markBuilt();
  }
  const env = {
    DATABASE_URL: database.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64"),
    DUNNING_DEMO: "",
    PORT: String(port),
  };
  if (values["cpu-prof"]) rmSync(PROFILE_DIR, { recursive: true, force: true });
  // --cpu-prof is not allowed in NODE_OPTIONS: it goes on the server's own command line.
  const nodeArgs = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const processes = Number(values.processes);
  const heapMb = Number(values["heap-mb"]);
  rmSync(STATS_DIR, { recursive: true, force: true });
  mkdirSync(STATS_DIR, { recursive: true });
  // What `npm start` runs (scripts/start.ts): scripts/serve.ts with a capped heap, WEB_CONCURRENCY processes.
  server = spawn(process.execPath, [heapFlag(heapMb), ...nodeArgs, "--import", "tsx", "scripts/serve.ts"], {
    env: {
      ...process.env,
      ...env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME_BIND: "127.0.0.1",
      WEB_CONCURRENCY: String(processes),
      SERVE_STATS_DIR: STATS_DIR,
    },
    stdio: "inherit",
  });
  await waitForHttp(`${base}/sign-in`, 120_000);
  const memory = watchMemory(server.pid!);
  const restMiB = memory.nowMiB();

  const cookies: string[] = [];
  for (let i = 0; i < users; i++) cookies.push(await signIn(SCALE_USERS[1].email, SCALE_PASSWORD));
  // Each user stays on one kind of page; the mix is what a credit-control team does at 9:00.
  const kinds = [
    { kind: "report", paths: REPORT_PATHS, share: 0.4 },
    { kind: "customer", paths: customerPaths, share: 0.3 },
    { kind: "worklist", paths: WORKLIST_PATHS, share: 0.15 },
    { kind: "letter", paths: letterPaths, share: 0.1 },
    { kind: "json", paths: JSON_PATHS, share: 0.05 },
  ];
  const counts = kinds.map((k) => Math.max(1, Math.round(users * k.share)));
  counts[0] += users - counts.reduce((a, b) => a + b, 0);
  // Warm-up: every page kind once per variant, so the run measures steady state.
  for (const p of [
    ...REPORT_PATHS,
    ...customerPaths.slice(0, 20),
    ...WORKLIST_PATHS,
    ...letterPaths.slice(0, 5),
    ...JSON_PATHS,
  ])
    await expectPage(p, cookies[0]);

  console.log(
    `Load: ${users} signed-in users (${kinds.map((k, i) => `${counts[i]} ${k.kind}`).join(", ")}) for ${seconds} s against ${base} (scale ${size.label})…`,
  );
  let first = 0;
  const postgresPid = await postmasterPid(database.url);
  const loadAtStart = os.loadavg();
  const cpuAtStart = {
    web: processTreeCpuMs(server.pid!),
    postgres: processTreeCpuMs(postgresPid),
    generator: ownCpuMs(),
  };
  const statsAtStart = readServeStats();
  const drivenStarted = performance.now();
  const driven = await Promise.all(
    kinds.map((k, i) => drive(k.kind, k.paths, cookies.slice(first, (first += counts[i])))),
  );
  const wallMs = performance.now() - drivenStarted;
  const cpuUsed = {
    web: processTreeCpuMs(server.pid!) - cpuAtStart.web,
    postgres: processTreeCpuMs(postgresPid) - cpuAtStart.postgres,
    generator: ownCpuMs() - cpuAtStart.generator,
  };
  const statsAtEnd = readServeStats();
  memory.stop();

  const perKind = Object.fromEntries(kinds.map((k, i) => [k.kind, summarize(driven[i])]));
  const total = driven.reduce((n, d) => n + d.result.requests.total, 0);
  const all = summarizeMs(driven.flatMap((d) => d.latencies));
  const summary = {
    generated_at: new Date().toISOString(),
    scale: size.label,
    users,
    seconds,
    server: `scripts/serve.ts (npm start's server), ${processes} process(es), --max-old-space-size=${heapMb}`,
    machine: {
      cpus: os.cpus().length,
      memory_gib: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      load_average_at_start: loadAtStart.map((l) => Math.round(l * 100) / 100),
      load_average_at_end: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    ...perKind,
    total_requests_per_second: Math.round((total / seconds) * 10) / 10,
    p50_ms: all.median_ms,
    p95_ms: all.p95_ms,
    errors: driven.reduce((n, d) => n + d.result.errors + d.result.non2xx + d.result.timeouts, 0),
    server_peak_rss_mib: memory.peakMiB(),
    server_rss_at_rest_mib: restMiB,
    cpu: cpuPerRequest(cpuUsed, total, wallMs),
    gc: gcShare(statsAtStart, statsAtEnd, cpuUsed.web, wallMs),
    server_processes_memory: statsAtEnd.map(
      ({ pid, peak_rss_mib, peak_heap_used_mib, rss_mib, heap_used_mib, external_mib, array_buffers_mib }) => ({
        pid,
        peak_rss_mib,
        peak_heap_used_mib,
        rss_mib,
        heap_used_mib,
        external_mib,
        array_buffers_mib,
      }),
    ),
  };
  for (const k of kinds) {
    const s = perKind[k.kind];
    console.log(
      `  ${k.kind.padEnd(9)} ${s.requests_per_second.toFixed(1).padStart(7)} req/s  p50 ${s.p50_ms} ms  p95 ${s.p95_ms} ms  p99 ${s.p99_ms} ms  (${s.requests} requests, ${s.errors} errors)`,
    );
  }
  console.log(
    `  all       ${summary.total_requests_per_second.toFixed(1).padStart(7)} req/s  p50 ${summary.p50_ms} ms  p95 ${summary.p95_ms} ms  errors ${summary.errors}  server RSS at rest ${restMiB} MiB, peak ${summary.server_peak_rss_mib} MiB`,
  );
  printVersusTargets(summary);
  mkdirSync("bench", { recursive: true });
  writeFileSync(values.out, `${JSON.stringify(summary, null, 2)}\n`);
  console.log(`Wrote ${values.out}.`);
  if (summary.errors > 0) process.exitCode = 1;
} finally {
  if (server && values["cpu-prof"]) {
    // The profile is written when the process exits.
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGINT");
    await exited;
    console.log(summarizeCpuProfiles(PROFILE_DIR));
  } else if (server && server.exitCode === null) {
    // Requests still queued when the load stops finish before the database goes (up to 30 s).
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  }
  await database.stop();
}

/** The PostgreSQL server (postmaster) of a database: its backends are its children, so its tree is all of PostgreSQL's CPU. */
async function postmasterPid(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return postmasterOf(rows[0].pid);
  } finally {
    await client.end();
  }
}

function readServeStats(): ServeStats[] {
  return readdirSync(STATS_DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(`${STATS_DIR}/${f}`, "utf8")) as ServeStats);
}

/**
 * CPU per request of the web server and of PostgreSQL, measured apart (from /proc), and what
 * they predict: on C cores given to the two of them, C x 1000 / (web + PostgreSQL) requests per
 * second (the load generator elsewhere, enough web processes to use the cores).
 */
function cpuPerRequest(used: { web: number; postgres: number; generator: number }, requests: number, wallMs: number) {
  const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 10) / 10;
  const web = per(used.web);
  const postgres = per(used.postgres);
  const both = web + postgres;
  return {
    web_ms_per_request: web,
    postgres_ms_per_request: postgres,
    load_generator_ms_per_request: per(used.generator),
    cores_busy: Math.round(((used.web + used.postgres + used.generator) / wallMs) * 100) / 100,
    // What 80 requests/s needs here: 2 cores' CPU shared by web, PostgreSQL and the generator.
    budget_ms_per_request_for_target: Math.round(((os.cpus().length * 1000) / TARGETS.requests_per_second) * 10) / 10,
    predicted_requests_per_second: Object.fromEntries(
      [2, 4, 8, 16].map((cores) => [`${cores}_cores`, Math.round((cores * 1000) / both)]),
    ),
  };
}

/** Garbage collection during the run: its share of the web processes' CPU and of wall time. */
function gcShare(before: ServeStats[], after: ServeStats[], webCpuMs: number, wallMs: number) {
  const gcMs = after.reduce((ms, s) => ms + s.gc_ms - (before.find((b) => b.pid === s.pid)?.gc_ms ?? 0), 0);
  const count = after.reduce((n, s) => n + s.gc_count - (before.find((b) => b.pid === s.pid)?.gc_count ?? 0), 0);
  return {
    gc_ms: Math.round(gcMs),
    collections: count,
    share_of_web_cpu: Math.round((gcMs / Math.max(1, webCpuMs)) * 1000) / 1000,
    share_of_wall_per_process: Math.round((gcMs / Math.max(1, after.length) / wallMs) * 1000) / 1000,
  };
}

function printVersusTargets(s: {
  p95_ms: number;
  total_requests_per_second: number;
  server_peak_rss_mib: number;
  errors: number;
  machine: { load_average_at_start: number[]; load_average_at_end: number[] };
  cpu: ReturnType<typeof cpuPerRequest>;
  gc: ReturnType<typeof gcShare>;
  server_processes_memory: { pid: number; peak_rss_mib: number; peak_heap_used_mib: number }[];
}) {
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  const load = `load average ${s.machine.load_average_at_start.join(" ")} at start, ${s.machine.load_average_at_end.join(" ")} at end`;
  console.log(`\n  target                    measured   target  (${load})`);
  const row = (name: string, measured: number, target: string, ok: boolean) =>
    console.log(`  ${name.padEnd(24)} ${String(measured).padStart(9)}  ${target.padStart(7)}  ${verdict(ok)}`);
  row("p95 ms", s.p95_ms, `<= ${TARGETS.p95_ms}`, s.p95_ms <= TARGETS.p95_ms);
  row(
    "requests/s",
    s.total_requests_per_second,
    `>= ${TARGETS.requests_per_second}`,
    s.total_requests_per_second >= TARGETS.requests_per_second,
  );
  row(
    "peak RSS MiB",
    s.server_peak_rss_mib,
    `<= ${TARGETS.peak_rss_mib}`,
    s.server_peak_rss_mib <= TARGETS.peak_rss_mib,
  );
  row("errors", s.errors, `${TARGETS.errors}`, s.errors === TARGETS.errors);
  const c = s.cpu;
  console.log(
    `  CPU per request: web ${c.web_ms_per_request} ms + PostgreSQL ${c.postgres_ms_per_request} ms = ${Math.round((c.web_ms_per_request + c.postgres_ms_per_request) * 10) / 10} ms (load generator ${c.load_generator_ms_per_request} ms; ${c.cores_busy} cores busy).`,
  );
  console.log(
    `  ${TARGETS.requests_per_second} req/s on ${os.cpus().length} cores needs at most ${c.budget_ms_per_request_for_target} ms of CPU per request for web + PostgreSQL + load generator together.`,
  );
  console.log(
    `  Predicted from the measured CPU per request (web + PostgreSQL on C cores, generator elsewhere): ${Object.entries(
      c.predicted_requests_per_second,
    )
      .map(([k, v]) => `${k.replace("_cores", " cores")} ${v} req/s`)
      .join(", ")}.`,
  );
  console.log(
    `  GC pauses: ${s.gc.gc_ms} ms in ${s.gc.collections} collections, ${(s.gc.share_of_wall_per_process * 100).toFixed(1)}% of each web process's wall time; against its CPU ${(s.gc.share_of_web_cpu * 100).toFixed(1)}% (pauses are wall time: on a busy machine they overstate the CPU share).`,
  );
  for (const p of s.server_processes_memory)
    console.log(
      `  web process ${p.pid}: peak RSS ${p.peak_rss_mib} MiB, peak V8 heap used ${p.peak_heap_used_mib} MiB`,
    );
}

interface Driven {
  result: autocannon.Result;
  /** Every response's latency in ms, for exact percentiles (autocannon itself reports p90/p97.5/p99 only). */
  latencies: number[];
}

function drive(title: string, paths: string[], sessionCookies: string[]): Promise<Driven> {
  let next = 0;
  let connection = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        title,
        connections: sessionCookies.length,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            // Each connection is one user with its own session; each request takes the next page in the mix.
            setupRequest: (req, context) => {
              const ctx = context as Record<string, string>;
              ctx.cookie ??= sessionCookies[connection++ % sessionCookies.length];
              return {
                ...req,
                method: "GET",
                path: paths[next++ % paths.length],
                headers: { ...req.headers, cookie: ctx.cookie },
              };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

function summarize({ result, latencies }: Driven) {
  const s = summarizeMs(latencies);
  return {
    requests: result.requests.total,
    requests_per_second: Math.round((result.requests.total / seconds) * 10) / 10,
    p50_ms: s.median_ms,
    p95_ms: s.p95_ms,
    p99_ms:
      Math.round(
        percentile(
          [...latencies].sort((a, b) => a - b),
          99,
        ) * 10,
      ) / 10,
    max_ms: s.max_ms,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

async function signIn(email: string, password: string): Promise<string> {
  return signInOverHttp(base, email, password);
}

async function expectPage(path: string, cookie: string): Promise<void> {
  const res = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
}

async function samplePaths(url: string, count: number): Promise<{ customers: string[]; letters: string[] }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const customers = await client.query<{ id: string }>(
      "SELECT id FROM customers WHERE org_id = $1 ORDER BY md5(id::text) LIMIT $2",
      [SCALE_ORG_ID, count],
    );
    const letters = await client.query<{ id: string }>(
      "SELECT id FROM letters WHERE org_id = $1 ORDER BY md5(id::text) LIMIT $2",
      [SCALE_ORG_ID, count],
    );
    return {
      customers: customers.rows.map((r) => `/customers/${r.id}`),
      letters: letters.rows.map((r) => `/letters/${r.id}`),
    };
  } finally {
    await client.end();
  }
}

/** Polls the resident memory of the server's process tree (Linux /proc) and keeps the peak. */
function watchMemory(rootPid: number) {
  let peakKiB = 0;
  const treeRssKiB = () => {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync("/proc").filter((e) => /^\d+$/.test(e))) {
      try {
        const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, "utf8"))?.[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
      } catch {
        // the process ended meanwhile
      }
    }
    let total = 0;
    for (const stack = [rootPid]; stack.length; ) {
      const pid = stack.pop()!;
      try {
        total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
      } catch {
        // gone
      }
      stack.push(...(children.get(pid) ?? []));
    }
    return total;
  };
  const timer = setInterval(() => (peakKiB = Math.max(peakKiB, treeRssKiB())), 250);
  return {
    stop: () => clearInterval(timer),
    nowMiB: () => Math.round(treeRssKiB() / 1024),
    peakMiB: () => Math.round(Math.max(peakKiB, treeRssKiB()) / 1024),
  };
}
