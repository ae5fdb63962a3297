import path from "node:path";
import { defineConfig } from "vitest/config";

// Tests that need no database: the pure domain and platform tests beside the code in lib/,
// and the two in tests/ that read only source files or reject input before any query.
const unitFiles = ["lib/**/*.test.ts", "tests/browser-boundary.test.ts", "tests/sign-in-action.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // Settings → Email seals SMTP passwords under this key (lib/delivery/secret-box.ts): a fixed test key.
    env: { EMAIL_SETTINGS_KEY: "5e".repeat(32) },
    // next-auth imports "next/server" without an extension, which Node's ESM
    // resolver refuses; letting Vite transform it resolves the import.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
    projects: [
      // `npm run test:unit`: no PostgreSQL server, starts in seconds. A file here that asks for
      // the database fails (inject("testDatabaseUrl") is undefined), so it cannot slip in unnoticed.
      { extends: true, test: { name: "unit", include: unitFiles } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: unitFiles,
          // One throwaway, migrated PostgreSQL database for the run (tests/global-setup.ts).
          globalSetup: ["tests/global-setup.ts"],
        },
      },
    ],
  },
});
