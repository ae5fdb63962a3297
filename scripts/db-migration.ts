import { openAppDatabase } from "@/lib/db/local-database";
import { createMigration } from "@/lib/db/migrations";

const name = process.argv[2];
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const database = await openAppDatabase();
try {
  const dir = await createMigration(database.url, name);
  console.log(dir ? `Wrote ${dir}/migration.sql` : "schema.prisma has no changes since the last migration.");
} finally {
  await database.stop();
}
