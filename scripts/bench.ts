// `npm run bench [-- --scale 1m --runs 30 --only a,b --out bench/results.json --no-http]`
// Times every measurement in tooling/bench/measurements.ts on a scale database
// (see `npm run db:seed -- --scale 1m`), one after another in this process,
// prints median/p95 and the ratios to the floor and to the naive way, and
// writes the same figures as JSON. The http_* measurements time whole requests
// against `next start` on the same database, signed in as a collector (the
// server is built first if the sources changed).
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { getAgingTotals } from "@/lib/aging/aging-totals";
import { createDb } from "@/lib/db/client";
import { todayIn } from "@/lib/time/dates";
import { httpSession } from "@/tooling/bench/http-client";
import {
  type BenchContext,
  FLOOR,
  MEASUREMENTS,
  type Measurement,
  NAIVE,
  type RunReport,
} from "@/tooling/bench/measurements";
import { ownCpuMs, postmasterOf, processTreeCpuMs } from "@/tooling/bench/process-cpu";
import { naiveAgingTotals } from "@/tooling/bench/reference-queries";
import { type Summary, summarize, time } from "@/tooling/bench/stats";
import { SCALE_ORG_ID, SCALE_PASSWORD } from "@/tooling/scale/generate-scale-data";
import { assertScaleDatabase, openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";
import { buildIsCurrent, markBuilt } from "./build-fingerprint";
import { signInOverHttp } from "./http-session";
import { runNext, runNextToEnd, waitForHttp } from "./next-cli";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "1m" },
    runs: { type: "string", default: "30" },
    only: { type: "string" },
    out: { type: "string", default: "bench/results.json" },
    "no-http": { type: "boolean", default: false },
    port: { type: "string", default: "3310" },
    // Job worker processes for the queue measurement (scripts/worker.ts each, sharing the database).
    workers: { type: "string", default: "3" },
  },
});
const runs = Number(values.runs);
const only = values.only?.split(",");
const size = parseScaleSize(values.scale);
const database = await openScaleDatabase(size);
assertScaleDatabase(database.url);
const db = createDb(database.url);

interface Result extends Partial<Summary> {
  label: string;
  /** Response size of an http_* measurement (identity encoding), the last run's. */
  bytes?: number;
  /** Server CPU (user + system, all its processes) per request of an http_* measurement: what load cannot inflate. */
  server_cpu_ms?: number;
  /** CPU per run of this process plus PostgreSQL, for single-threaded verbs (inProcessCpu). */
  cpu_ms?: number;
  /** What a measurement with processes of its own reports (worker count, CPU per letter). */
  details?: Record<string, number | undefined>;
  load_average?: number[];
  vs_floor?: number;
  vs_naive?: number;
  target?: string;
  meets_target?: boolean;
  /** An http_* page's size target (HTML + RSC payload), and whether the last response met it. */
  size_target?: string;
  meets_size_target?: boolean;
  note?: string;
}

let server: ReturnType<typeof runNext> | undefined;
try {
  const org = await db.organization.findUniqueOrThrow({ where: { id: SCALE_ORG_ID } });
  const collector = await db.user.findFirstOrThrow({ where: { orgId: org.id, role: "COLLECTOR" } });
  const today = todayIn(org.timeZone);
  const counts = (
    await db.$queryRaw<
      {
        customers: bigint;
        invoices: bigint;
        open_invoices: bigint;
        payments: bigint;
        letters: bigint;
        contacts: bigint;
      }[]
    >`
      SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM invoices) AS invoices,
        (SELECT count(*) FROM invoices WHERE paid_minor < amount_minor) AS open_invoices, (SELECT count(*) FROM payments) AS payments,
        (SELECT count(*) FROM letters) AS letters, (SELECT count(*) FROM contact_attempts) AS contacts`
  )[0];
  const [{ version }] = await db.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
  // 500 customers with an open balance spread over the whole table, fixed for a given data set.
  const customerIds = (
    await db.$queryRaw<{ customer_id: string }[]>`
      SELECT customer_id FROM (SELECT DISTINCT customer_id FROM invoices WHERE org_id = ${org.id}::uuid AND paid_minor < amount_minor) a
      ORDER BY md5(customer_id::text) LIMIT 500`
  ).map((r) => r.customer_id);
  const openAccounts = (await getAgingTotals(db, { orgId: org.id, today })).reduce((n, t) => n + t.accounts, 0);
  const letterIds = (
    await db.$queryRaw<{ id: string }[]>`
      SELECT id FROM letters WHERE org_id = ${org.id}::uuid ORDER BY md5(id::text) LIMIT 500`
  ).map((r) => r.id);
  const selected = MEASUREMENTS.filter((m) => !only || only.includes(m.key));
  let http: BenchContext["http"];
  if (!values["no-http"] && selected.some((m) => m.http)) {
    if (!buildIsCurrent()) {
      console.log("Building the app (next build)…");
      await runNextToEnd(["build"]);
      markBuilt();
    }
    const port = Number(values.port);
    const base = `http://127.0.0.1:${port}`;
    server = runNext(["start", "-p", String(port), "-H", "127.0.0.1"], {
      DATABASE_URL: database.url,
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(33).toString("base64"),
      DUNNING_DEMO: "",
    });
    await waitForHttp(`${base}/sign-in`, 120_000);
    http = httpSession(base, await signInOverHttp(base, collector.email, SCALE_PASSWORD));
  }
  const serverPid = server?.pid;
  const [{ pid: backendPid }] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  // The PostgreSQL server's CPU, when it runs here (the embedded server, or a local DATABASE_URL).
  const postmaster = (() => {
    try {
      return postmasterOf(backendPid);
    } catch {
      return undefined;
    }
  })();
  const ctx: BenchContext = {
    db,
    orgId: org.id,
    userId: collector.id,
    today,
    customerIds,
    openAccounts,
    letterIds,
    databaseUrl: database.url,
    http,
    serverCpuMs: serverPid ? () => processTreeCpuMs(serverPid) : undefined,
    postgresCpuMs: postmaster ? () => processTreeCpuMs(postmaster) : undefined,
    workers: Number(values.workers),
  };
  const agree = JSON.stringify(await naiveAgingTotals(db, ctx)) === JSON.stringify(await getAgingTotals(db, ctx));
  if (!agree) throw new Error("The naive totals and getAgingTotals disagree: fix that before timing anything.");

  const machine = {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? "unknown",
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    load_average_at_start: os.loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    postgres: version,
  };
  const scale = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
  console.log(`Dunning Desk bench: scale ${size.label} (${database.name}), today ${today}`);
  console.log(
    `  data: ${Object.entries(scale)
      .map(([k, v]) => `${v.toLocaleString("en")} ${k.replace("_", " ")}`)
      .join(", ")}`,
  );
  console.log(
    `  machine: ${machine.cpus} cores (${machine.cpu_model}), ${machine.memory_gib} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}, load ${machine.load_average_at_start.join(" ")}`,
  );
  console.log("  check: the naive way and getAgingTotals give identical totals.");
  console.log("  note: send_* measurements write letters; regenerate the data set before comparing runs.");
  console.log(
    `  ${runs} timed runs after warm-up unless noted; ratios are medians over the floor's and the naive way's medians.\n`,
  );

  const results: Record<string, Result> = {};
  for (const m of MEASUREMENTS) {
    if (only && !only.includes(m.key) && m.key !== FLOOR && m.key !== NAIVE) continue;
    if (m.http && !http) continue;
    (globalThis as { gc?: () => void }).gc?.(); // no garbage from one measurement collected during the next
    process.stderr.write(`  measuring ${m.key}…\n`);
    results[m.key] = await measure(m, ctx);
  }
  // Ratios once both references are known (the naive way runs last).
  for (const m of MEASUREMENTS.filter((m) => results[m.key]?.median_ms !== undefined)) {
    const r = results[m.key];
    r.vs_floor = ratio(r, results[FLOOR]);
    r.vs_naive = ratio(r, results[NAIVE]);
    if (m.target)
      r.meets_target =
        m.target.kind === "vs_floor" ? (r.vs_floor ?? Infinity) <= m.target.value : r.median_ms! < m.target.value;
  }
  console.log("");
  console.log(
    `  ${"measurement".padEnd(32)} ${"median ms".padStart(10)} ${"p95 ms".padStart(10)} ${"x floor".padStart(8)} ${"x naive".padStart(8)} ${"runs".padStart(5)} ${"KB".padStart(6)} ${"cpu ms".padStart(6)}  target`,
  );
  for (const [key, r] of Object.entries(results)) printLine(key, r);
  const file = path.resolve(values.out);
  mkdirSync(path.dirname(file), { recursive: true });
  const report = {
    generated_at: new Date().toISOString(),
    scale: { label: size.label, database: database.name, today, ...scale },
    machine,
    runs,
    measurements: results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}.`);
} finally {
  server?.kill("SIGTERM");
  await db.$disconnect();
  await database.stop();
}

async function measure(m: Measurement, ctx: BenchContext): Promise<Result> {
  const base: Result = {
    label: m.label,
    target:
      m.target && (m.target.kind === "vs_floor" ? `<= ${m.target.value}x floor` : `median < ${m.target.value} ms`),
  };
  if (m.unavailable) return { ...base, note: m.unavailable };
  try {
    let bytes: number | undefined;
    let report: RunReport | undefined;
    let cpuAtStart = 0;
    let ownCpu = 0;
    const postgresCpu = () => ctx.postgresCpuMs?.() ?? 0;
    const run = async (i: number, prepared: unknown) => {
      if (i === 0 && m.http) cpuAtStart = ctx.serverCpuMs?.() ?? 0;
      const cpuBefore = m.inProcessCpu ? ownCpuMs() + postgresCpu() : 0;
      const result = await m.run(ctx, i, prepared);
      if (i >= 0 && m.inProcessCpu) ownCpu += ownCpuMs() + postgresCpu() - cpuBefore;
      if (m.http && typeof result === "number") bytes = result;
      if (result && typeof result === "object" && "details" in result) report = result as RunReport;
    };
    const prepare = m.prepare ? () => m.prepare!(ctx) : undefined;
    const summary = summarize(await time(run, { warmup: m.warmup ?? 3, runs: m.runs ?? runs, prepare }));
    await report?.check?.();
    const round = (v: number | undefined) => (v === undefined ? undefined : Math.round(v * 10) / 10);
    const cpu = m.http && ctx.serverCpuMs ? (ctx.serverCpuMs() - cpuAtStart) / summary.runs : undefined;
    const size =
      m.maxKb === undefined || bytes === undefined
        ? {}
        : { size_target: `<= ${m.maxKb} KB`, meets_size_target: bytes / 1024 <= m.maxKb };
    return {
      ...base,
      ...summary,
      bytes,
      ...size,
      server_cpu_ms: round(cpu),
      cpu_ms: m.inProcessCpu ? round(ownCpu / summary.runs) : undefined,
      details: report?.details,
      load_average: os.loadavg().map((l) => Math.round(l * 100) / 100),
    };
  } catch (error) {
    // One failing measurement (e.g. too few due letters at a small scale) must not cost the others.
    return { ...base, note: `FAILED: ${(error as Error).message}` };
  }
}

function ratio(r: Result, reference: Result | undefined): number | undefined {
  if (r.median_ms === undefined || !reference?.median_ms) return undefined;
  return Math.round((r.median_ms / reference.median_ms) * 1000) / 1000;
}

function printLine(key: string, r: Result) {
  const num = (v: number | undefined, digits = 1) => (v === undefined ? "" : v.toFixed(digits));
  if (r.note) {
    console.log(`  ${key.padEnd(32)} ${r.note}`);
    return;
  }
  const verdict = [
    r.target && `${r.target}: ${r.meets_target ? "met" : "MISSED"}`,
    r.size_target && `${r.size_target}: ${r.meets_size_target ? "met" : "MISSED"}`,
  ]
    .filter(Boolean)
    .join(", ");
  console.log(
    `  ${key.padEnd(32)} ${num(r.median_ms).padStart(10)} ${num(r.p95_ms).padStart(10)} ${num(r.vs_floor, 2).padStart(8)} ${num(r.vs_naive, 3).padStart(8)} ${String(r.runs).padStart(5)} ${(r.bytes === undefined ? "" : (r.bytes / 1024).toFixed(1)).padStart(6)} ${num(r.server_cpu_ms ?? r.cpu_ms).padStart(6)}  ${verdict}  (load ${r.load_average?.join(" ")})`,
  );
  if (r.details)
    console.log(
      `  ${"".padEnd(32)} ${Object.entries(r.details)
        .map(([k, v]) => `${k.replaceAll("_", " ")} ${v ?? "n/a"}`)
        .join(", ")}`,
    );
}
