// `npm test`: every test, against real parts.
//  1. vitest, both projects (vitest.config.ts): unit (no database) and integration
//     (a throwaway PostgreSQL database);
//  2. a production build (`next build`);
//  3. Playwright in Chromium against `next start` on a second throwaway
//     database holding the demo data, with the clock frozen.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { grantAppRole } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { createMigratedDatabase, freePort, startTestServer } from "@/tests/test-database";
import { seedDemo } from "@/tooling/demo/seed-demo";
import { buildIsCurrent, markBuilt } from "./build-fingerprint";

export const E2E_FROZEN_NOW = "2026-11-25T10:00:00.000Z";
// "vitest" or "e2e" to run one half ("unit" is the older name of "vitest": both of its projects run);
// after "e2e", Playwright arguments (specs, --grep).
const only = process.argv[2] === "unit" ? "vitest" : process.argv[2];

mkdirSync("test-results", { recursive: true });
const server = await startTestServer();
let failed = false;
const counts = { passed: 0, failed: 0, skipped: 0 };

// Asynchronous on purpose: the embedded PostgreSQL above is this process's child and writes its
// log into a pipe this process reads. spawnSync would stop the reading for the whole vitest run;
// once the pipe's buffer filled (a run's worth of expected ERROR lines), every backend blocked on
// its next log line, and the suite hung with it (first seen on Node 24 in CI).
function run(cmd: string, args: string[], env: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  });
}

try {
  if (!only) {
    // Style is never a review topic: the formatter and linter run first and fail the run
    // (over tracked files: an untracked scratch file is not the suite's business).
    const ok = await run("npm", ["run", "--silent", "lint"], {});
    if (!ok) console.error("Formatting or lint failed: `npm run format` fixes most of it.");
    failed ||= !ok;
    // The layers of lib/ (.dependency-cruiser.cjs): no cycles, platform knows no domain, pages read through lib/.
    const layersOk = await run("npm", ["run", "--silent", "lint:layers"], {});
    if (!layersOk) console.error("A layer rule broke: docs/architecture.md says which way imports go.");
    failed ||= !layersOk;
  }
  if (only !== "e2e") {
    const ok = await run(
      "npx",
      ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"],
      {
        TEST_DATABASE_SERVER_URL: server.serverUrl,
      },
    );
    failed ||= !ok;
    if (existsSync("test-results/vitest.json")) {
      const report = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
      counts.passed += report.numPassedTests ?? 0;
      counts.failed += report.numFailedTests ?? 0;
      counts.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
  if (only !== "vitest") {
    const database = await createMigratedDatabase(server.serverUrl, "dd_e2e");
    // The app under test connects as the app role (owns nothing), as `npm start` does.
    const appUrl = (await grantAppRole(database.url)) ?? database.url;
    const prisma = createDb(appUrl);
    await seedDemo(prisma, { now: new Date(E2E_FROZEN_NOW) });
    await prisma.$disconnect();
    if (!buildIsCurrent()) {
      if (!(await run("npx", ["next", "build"], { NEXT_TELEMETRY_DISABLED: "1" })))
        throw new Error("next build failed");
      markBuilt();
    }
    const ok = await run("npx", ["playwright", "test", ...process.argv.slice(3)], {
      E2E_DATABASE_URL: appUrl,
      E2E_OWNER_DATABASE_URL: database.url,
      E2E_PORT: String(await freePort()),
      DUNNING_FROZEN_NOW: E2E_FROZEN_NOW,
    });
    failed ||= !ok;
    if (existsSync("test-results/playwright.json")) {
      const stats = JSON.parse(readFileSync("test-results/playwright.json", "utf8")).stats ?? {};
      counts.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      counts.failed += stats.unexpected ?? 0;
      counts.skipped += stats.skipped ?? 0;
    } else {
      failed = true;
    }
    await database.drop();
  }
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  await server.stop();
}
// Either signal fails the run: a reported failure, or a runner that exited badly.
failed ||= counts.failed > 0;
if (failed && counts.failed === 0) counts.failed = 1; // a crash is a failure even if no test reported one
console.log(`\nAll tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(failed ? 1 : 0);
