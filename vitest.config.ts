import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tooling/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: true,
    // next-auth imports "next/server" without an extension, which Node's ESM
    // resolver refuses; letting Vite transform it resolves the import.
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
