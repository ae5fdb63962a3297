import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl)
  throw new Error("E2E_DATABASE_URL is not set: run the browser tests through `npm test`, which prepares a database.");

// The pinned Chromium from npm, unpacked before the config is read (scripts/chromium.ts).
const browser = await chromiumLaunchOptions();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous waits: CI machines have 2 cores and next start shares them with PostgreSQL.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      ...browser,
      args: [...browser.args, "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    // Specs that change data work in an organization of their own (e2e/own-org.ts), so none depends on
    // another's order; the read-only ones share the demo company signed in by the setup project.
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
      dependencies: ["setup"],
    },
  ],
  webServer: [
    {
      command: `node node_modules/next/dist/bin/next start -p ${port}`,
      url: `${baseURL}/sign-in`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
        // Letters print the customer's page at this address (lib/documents/portal-link.ts).
        PUBLIC_URL: baseURL,
        // Settings → Email seals SMTP passwords under this key (docs/email.md).
        EMAIL_SETTINGS_KEY: "e2".repeat(32),
        DUNNING_DEMO: "1",
        DUNNING_FROZEN_NOW: process.env.DUNNING_FROZEN_NOW ?? "",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
    {
      // The job worker (email delivery, send all due letters), as `npm start` runs it (no SMTP_URL: the outbox).
      command: "node --import tsx scripts/worker.ts",
      url: `http://127.0.0.1:${port + 1}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        DATABASE_URL: databaseUrl,
        WORKER_HEALTH_PORT: String(port + 1),
        SMTP_URL: "",
        EMAIL_SETTINGS_KEY: "e2".repeat(32),
        PUBLIC_URL: baseURL,
        DUNNING_FROZEN_NOW: process.env.DUNNING_FROZEN_NOW ?? "",
      },
    },
  ],
});
