// `npm run api-token -- create|revoke --org "<organization name>" --name <name> [--scopes read,write]`
// (scripts/api-token-command.ts): tokens for the public API, made by an operator.
import { createDb } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { apiTokenCommand } from "./api-token-command";

const database = await openAppDatabase();
let code = 1;
try {
  await applyMigrations(database.url);
  const prisma = createDb(database.url);
  try {
    code = await apiTokenCommand(prisma, process.argv.slice(2));
  } finally {
    await prisma.$disconnect();
  }
} finally {
  await database.stop();
}
process.exit(code);
