import { createDb } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDemo } from "@/lib/demo/seed-demo";

const database = await openAppDatabase();
const prisma = createDb(database.url);
try {
  await applyMigrations(database.url);
  const started = Date.now();
  const summary = await seedDemo(prisma);
  console.log(
    summary.created
      ? `Demo data created in ${Date.now() - started} ms: ${summary.customers} customers, ${summary.invoices} invoices, ${summary.payments} payments, ${summary.contacts} contacts, ${summary.letters} letters.`
      : "Demo data already present; nothing changed.",
  );
} finally {
  await prisma.$disconnect();
  await database.stop();
}
