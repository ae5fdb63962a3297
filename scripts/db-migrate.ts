import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";

const database = await openAppDatabase();
try {
  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.stop();
}
