import { spawnSync } from "node:child_process";
import { grantAppRole } from "@/lib/db/app-role";
import { createDb } from "@/lib/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { createMigratedDatabase, freePort } from "@/tests/test-database";
import { markBuilt } from "./scripts/build-fingerprint";

const NOW = "2026-11-25T10:00:00.000Z";
markBuilt();
const database = await createMigratedDatabase(process.argv[2], "dd_e2e");
const appUrl = (await grantAppRole(database.url)) ?? database.url;
const prisma = createDb(appUrl);
await seedDemo(prisma, { now: new Date(NOW) });
await prisma.$disconnect();
const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(3)], {
  stdio: "inherit",
  env: {
    ...process.env,
    E2E_DATABASE_URL: appUrl,
    E2E_OWNER_DATABASE_URL: database.url,
    E2E_PORT: String(await freePort()),
    DUNNING_FROZEN_NOW: NOW,
  },
});
await database.drop();
process.exit(r.status ?? 1);
