// `npx tsx scripts/multi-machine-test.ts`: Dunning Desk as several machines on one
// PostgreSQL (docs/operations.md, "More than one machine"). Two web servers (scripts/serve.ts,
// the production build) and two job workers share a throwaway database, the
// signing key and AUTH_SECRET. A bulk send runs while both servers serve the aging
// report; one worker is killed (SIGKILL) mid-run; a print run follows. Checks:
// every planned letter exists exactly once, the run finishes with nothing failed,
// the print run holds each of today's letters once, a session from one server
// works on the other, and the history verifies against its signed checkpoints.
// Exits 1 on any failure. Needs `next build` (run here when the sources changed).
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { grantAppRole } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { getPrintRun, startPrintRun } from "@/lib/documents/print-run";
import { verifyAnchoredHistory } from "@/lib/history/verify-anchored";
import { planBulkSend } from "@/lib/letters/bulk-plan";
import { confirmBulkSend, getBulkSend } from "@/lib/letters/bulk-send";
import { todayIn } from "@/lib/time/dates";
import { createMigratedDatabase, freePort, startTestServer } from "@/tests/test-database";
import { DEMO_ORG_ID, DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/tooling/demo/seed-demo";
import { buildIsCurrent, markBuilt } from "./build-fingerprint";
import { signInOverHttp } from "./http-session";
import { runNextToEnd, waitForHttp } from "./next-cli";

const started = Date.now();
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const children: ChildProcess[] = [];
const pg = await startTestServer();
let dropDatabase = async () => {};
try {
  const database = await createMigratedDatabase(pg.serverUrl, "dd_multi");
  dropDatabase = database.drop;
  const appUrl = (await grantAppRole(database.url)) ?? database.url;
  const db = createDb(appUrl);
  await seedDemo(db);
  log("database migrated and seeded (demo company)");
  if (!buildIsCurrent()) {
    log("building the app (next build)…");
    await runNextToEnd(["build"]);
    markBuilt();
  }
  // What every machine must share: the database, AUTH_SECRET and the history signing key.
  const shared = {
    DATABASE_URL: appUrl,
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    HISTORY_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    DUNNING_DEMO: "1",
  };
  process.env.HISTORY_SIGNING_KEY = shared.HISTORY_SIGNING_KEY;
  const spawnTs = (script: string, env: Record<string, string>): ChildProcess => {
    const child = spawn(process.execPath, ["--import", "tsx", script], {
      env: { ...process.env, ...shared, ...env },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(child);
    return child;
  };
  const ports = [await freePort(), await freePort()];
  for (const port of ports) spawnTs("scripts/serve.ts", { PORT: String(port) });
  const workers = [spawnTs("scripts/worker.ts", {}), spawnTs("scripts/worker.ts", {})];
  await Promise.all(ports.map((p) => waitForHttp(`http://127.0.0.1:${p}/sign-in`, 120_000)));
  log(`two web servers (ports ${ports.join(", ")}) and two workers running`);

  const collector = DEMO_USERS.find((u) => u.role === "COLLECTOR")!;
  const cookie = await signInOverHttp(`http://127.0.0.1:${ports[0]}`, collector.email, DEMO_PASSWORD);
  check((await report(ports[1], cookie)) === 200, "a session from server A is accepted by server B");

  const user = await db.user.findUniqueOrThrow({ where: { email: collector.email } });
  const org = await db.organization.findUniqueOrThrow({ where: { id: DEMO_ORG_ID } });
  const plan = await planBulkSend(db, { orgId: org.id, now: new Date() });
  const actor = { userId: user.id, role: user.role };
  const run = await confirmBulkSend(db, { orgId: org.id, actor, now: new Date(), fingerprint: plan.fingerprint });
  if (!run) throw new Error("The demo company has no letters due: nothing to send.");
  log(`bulk send started: ${run.total} letters due`);

  // Both servers serve the report all along; a non-200 is counted.
  let serving = true;
  const answers: number[] = [];
  const browsing = (async () => {
    for (let i = 0; serving; i++) {
      answers.push(await report(ports[i % 2], cookie));
      await sleep(200);
    }
  })();

  for (;;) {
    const progress = await getBulkSend(db, { orgId: org.id, bulkSendId: run.bulkSendId });
    if ((progress?.done ?? 0) >= 1) break;
    await sleep(100);
  }
  workers[0].kill("SIGKILL");
  const atKill = (await getBulkSend(db, { orgId: org.id, bulkSendId: run.bulkSendId }))!;
  log(`killed worker 1 (SIGKILL) at ${atKill.done} of ${atKill.total}`);

  const deadline = Date.now() + 240_000;
  let progress = atKill;
  while (progress.status !== "done" && Date.now() < deadline) {
    await sleep(1000);
    progress = (await getBulkSend(db, { orgId: org.id, bulkSendId: run.bulkSendId }))!;
  }
  log(`bulk send ${progress.status}: ${progress.sent} sent, ${progress.skipped} skipped, ${progress.failed} failed`);
  check(progress.status === "done", "the bulk send finished after a worker was killed mid-run");
  check(progress.failed === 0, "no account failed");

  const today = todayIn(org.timeZone, new Date());
  const print = await startPrintRun(db, { orgId: org.id, userId: user.id, day: today });
  let printed = print;
  while (printed.state === "running" && Date.now() < deadline) {
    await sleep(500);
    printed = await getPrintRun(db, { orgId: org.id, printRunId: print.id });
  }
  serving = false;
  await browsing;

  const planned = await db.bulkSendResult.findMany({ where: { bulkSendId: run.bulkSendId } });
  const letters = await db.letter.groupBy({
    by: ["customerId", "currency", "stage", "caseId"],
    where: { orgId: org.id, sentAt: { gte: new Date(started) } },
    _count: { _all: true },
  });
  check(planned.length === run.total, `one result per planned account (${planned.length} of ${run.total})`);
  check(
    letters.every((l) => l._count._all === 1),
    `every letter exactly once (${letters.length} letters, ${letters.filter((l) => l._count._all > 1).length} duplicated)`,
  );
  check(
    letters.length === progress.sent,
    `as many letters as the run says it sent (${letters.length} and ${progress.sent})`,
  );
  const postToday = await db.letter.count({ where: { orgId: org.id, sentAt: { gte: new Date(started) } } });
  check(printed.state === "ready", `the print run finished (${printed.state})`);
  check(
    printed.state === "ready" && (printed.letters ?? 0) >= postToday,
    `the print run holds today's letters (${printed.letters ?? 0} printed, ${postToday} sent in this run)`,
  );
  check(
    answers.length > 0 && answers.every((s) => s === 200),
    `both servers served the report throughout (${answers.length} requests, ${answers.filter((s) => s !== 200).length} not 200)`,
  );
  const verified = await verifyAnchoredHistory(db, { orgId: org.id });
  check(
    verified.ok,
    `the history verifies against its ${verified.checkpoints} signed checkpoints${verified.ok ? "" : `: ${verified.firstMismatch?.reason}`}`,
  );
  await db.$disconnect();
} catch (error) {
  failures.push((error as Error).message);
  console.error(error);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await sleep(3000); // the workers and servers let go of the database first
  await dropDatabase().catch(() => {});
  await pg.stop();
}
log(failures.length ? `${failures.length} check(s) failed` : "all checks passed");
process.exit(failures.length ? 1 : 0);

async function report(port: number, cookie: string): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie }, redirect: "manual" });
  await res.text();
  return res.status;
}
