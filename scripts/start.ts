// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data on
// first run, a production build when the sources changed, then `next start`.
import { type ChildProcess, spawn } from "node:child_process";
import { resolveAuthSecret, resolveEmailSettingsKey } from "@/lib/config";
import { grantAppRole } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { historySigningKey } from "@/lib/history/signing-key";
import { type Supervisor, superviseWorker } from "@/lib/jobs/supervise";
import { issueSetupCode, SETUP_CODE_FILE, writeSetupCodeFile } from "@/lib/setup/setup-code";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@/tooling/demo/seed-demo";
import { buildIsCurrent, markBuilt } from "./build-fingerprint";
import { JOB_WORKER_ARGS, WEB_SERVER_ARGS, WORKER_PROCESSES } from "./heap-budget";
import { runNext, runNextToEnd, waitForHttp } from "./next-cli";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();

const database = await openAppDatabase();
let shuttingDown = false;
async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  server?.kill("SIGTERM");
  // Let the workers finish their jobs and let go of the database before it stops.
  await Promise.all(workers.map((w) => w.stop(5000)));
  await database.stop();
  process.exit(code);
}
let server: ChildProcess | undefined;
let workers: Supervisor[] = [];
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const demo = database.embedded || process.env.DUNNING_DEMO === "1";
  const authSecret = resolveAuthSecret({ demo: database.embedded });
  const applied = await applyMigrations(database.url);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  // On the embedded server the app runs as a role that owns nothing (lib/db/app-role.ts);
  // with DATABASE_URL, which role to use is the operator's choice (docs/operations.md, "Configuration").
  const appUrl = database.embedded ? ((await grantAppRole(database.url)) ?? database.url) : database.url;

  const prisma = createDb(appUrl);
  const empty = (await prisma.organization.count()) === 0;
  if (empty && demo) {
    const summary = await seedDemo(prisma);
    console.log(`Demo data created: ${summary.customers} customers, ${summary.invoices} invoices.`);
  }
  // A server of its own with no organization yet: the web setup asks for this
  // code, so only someone who can read this console (or the file) can claim it.
  // A new code each start; the old one stops working.
  const setupCode = empty && !demo ? await issueSetupCode(prisma) : null;
  if (setupCode) writeSetupCodeFile(setupCode);
  await prisma.$disconnect();

  const emailSettingsKey = resolveEmailSettingsKey({ demo: database.embedded });
  const env = {
    DATABASE_URL: appUrl,
    AUTH_SECRET: authSecret,
    DUNNING_DEMO: demo ? "1" : "",
    PORT: String(port),
    ...(emailSettingsKey ? { EMAIL_SETTINGS_KEY: emailSettingsKey } : {}),
  };
  if (!dev && !buildIsCurrent()) {
    console.log("Building the app (first start, or the sources changed)…");
    await runNextToEnd(["build"], env);
    markBuilt();
  }
  // Production: Next.js behind scripts/serve.ts, which sets the client's address from the socket
  // and TRUSTED_PROXIES (a forged X-Forwarded-For never reaches the audit log).
  server = dev
    ? runNext(["dev", "-p", String(port)], env)
    : spawn(process.execPath, WEB_SERVER_ARGS, {
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
        stdio: "inherit",
      });
  // The job worker (durable queue in PostgreSQL: email, bulk sends, printing, imports), beside the
  // web server, restarted with backoff whenever it dies (lib/jobs/supervise.ts).
  // WORKER_PROCESSES=N (default 1) runs N of them: a letter is JavaScript on one thread, so
  // a bulk send of 1,000 letters goes as fast as the processes sharing the queue (docs/operations.md).
  workers = Array.from({ length: WORKER_PROCESSES }, (_, i) =>
    superviseWorker({
      command: process.execPath,
      args: JOB_WORKER_ARGS,
      // One health port (WORKER_HEALTH_PORT) answers for the first worker only.
      env: { ...process.env, ...env, ...(i > 0 ? { WORKER_HEALTH_PORT: "" } : {}) },
    }),
  );
  server.on("exit", (code) => void shutdown(code ?? 0));
  await waitForHttp(`http://localhost:${port}/sign-in`, 120_000);
  const lines = [
    "",
    `Dunning Desk is running at http://localhost:${port}  (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    database.embedded ? `Database: embedded PostgreSQL, data in .data/pg` : "Database: DATABASE_URL",
    `History checkpoints signed with key ${historySigningKey().keyId} (public key on the Audit log page)`,
  ];
  if (demo) {
    lines.push(`Demo sign-in (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.role.toLowerCase().padEnd(9)} ${u.email}`);
  }
  if (setupCode) {
    lines.push(
      `No organization yet: open http://localhost:${port}/setup and set up your company.`,
      `One-time setup code: ${setupCode}   (also in ${SETUP_CODE_FILE}, readable only by you)`,
      "Or headless: npm run setup -- --from setup.json  (see docs/setup.example.json)",
    );
  }
  lines.push("Press Ctrl-C to stop.", "");
  console.log(lines.join("\n"));
} catch (error) {
  console.error(`\nCould not start: ${(error as Error).message}`);
  await shutdown(1);
}
