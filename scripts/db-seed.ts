// `npm run db:seed`: the demo company (idempotent).
// `npm run db:seed -- --scale 1m`: a separate database with 100,000 customers and
// 1,000,000 invoices (also 100k, 10k, ...), regenerated from scratch.
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db/client";
import { openAppDatabase } from "@/lib/db/local-database";
import { applyMigrations } from "@/lib/db/migrations";
import { seedDemo } from "@/tooling/demo/seed-demo";
import { generateScaleData, SCALE_PASSWORD, SCALE_USERS } from "@/tooling/scale/generate-scale-data";
import { openScaleDatabase } from "@/tooling/scale/scale-database";
import { parseScaleSize } from "@/tooling/scale/scale-sizes";

const { values } = parseArgs({ options: { scale: { type: "string" } } });

if (values.scale) await seedScale(values.scale);
else await seedDemoDatabase();

async function seedScale(label: string) {
  const size = parseScaleSize(label);
  const started = performance.now();
  const database = await openScaleDatabase(size, { recreate: true });
  try {
    await applyMigrations(database.url);
    console.log(
      `Scale ${size.label}: ${size.customers.toLocaleString("en")} customers, ${size.invoices.toLocaleString("en")} invoices into database ${database.name}`,
    );
    const { today, phases } = await generateScaleData(database.url, {
      size,
      log: (p) =>
        console.log(
          `  ${p.name.padEnd(44)} ${(p.ms / 1000).toFixed(1).padStart(7)} s  ${p.rows.toLocaleString("en").padStart(11)} rows`,
        ),
    });
    const total = (performance.now() - started) / 1000;
    const generated = phases.reduce((s, p) => s + p.ms, 0) / 1000;
    console.log(
      `Done in ${total.toFixed(1)} s (generation ${generated.toFixed(1)} s, the rest is creating and migrating the database). Today = ${today}.`,
    );
    console.log(
      `Sign in as ${SCALE_USERS[1].email} / ${SCALE_PASSWORD}; benchmark with \`npm run bench -- --scale ${size.label}\`.`,
    );
  } finally {
    await database.stop();
  }
}

async function seedDemoDatabase() {
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
}
