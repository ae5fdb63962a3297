// Measures a large invoice import end to end on a throwaway database:
//   npx tsx scripts/bench-import.ts [rows=100000]
// upload (streamed into the database) → check → commit, then the same file again
// (nothing changes), printing times and the process's peak memory.
import { createReadStream, createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import { createDb } from "@/lib/db/client";
import { commitImport } from "@/lib/imports/commit-import";
import { receiveImportFile } from "@/lib/imports/receive-import-file";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { validateImport } from "@/lib/imports/validate-import";
import { createOrg, createUser } from "@/tests/factories";
import { createMigratedDatabase, startTestServer } from "@/tests/test-database";

const ROWS = Number(process.argv[2] ?? 100_000);
const CUSTOMERS = 2000;

let peakRss = 0;
let peakHeap = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}, 50);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const server = await startTestServer();
const database = await createMigratedDatabase(server.serverUrl, "dd_bench");
const db = createDb(database.url);
const file = path.join(os.tmpdir(), `bench-invoices-${process.pid}.csv`);
try {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "ADMIN");
  await db.customer.createMany({
    data: Array.from({ length: CUSTOMERS }, (_, i) => ({
      orgId: org.id,
      reference: `C-${i}`,
      name: `Customer ${i}`,
      currency: "EUR",
    })),
  });
  const out = createWriteStream(file);
  out.write("Invoice number;Customer;Invoice date;Due date;Amount;Currency\n");
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const line = `INV-${i};C-${i % CUSTOMERS};${day}.03.2026;${day}.04.2026;${(1000 + (i % 9000)).toLocaleString("de-DE")},${String(i % 100).padStart(2, "0")};EUR\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);

  const run = async (label: string) => {
    const t0 = performance.now();
    const imp = await receiveImportFile(db, {
      orgId: org.id,
      userId: user.id,
      kind: "invoices",
      fileName: "bench.csv",
      body: createReadStream(file),
    });
    const t1 = performance.now();
    await saveImportMapping(db, {
      orgId: org.id,
      importId: imp.id,
      options: { dateFormat: "dmy", decimalSeparator: "," },
      mapping: {
        number: "Invoice number",
        customerReference: "Customer",
        issueDate: "Invoice date",
        dueDate: "Due date",
        amount: "Amount",
        currency: "Currency",
      },
    });
    const checked = await validateImport(db, { orgId: org.id, importId: imp.id });
    const t2 = performance.now();
    if (checked.problemCount) throw new Error(`unexpected problems: ${JSON.stringify(checked.problems)}`);
    const done = await commitImport(db, { orgId: org.id, importId: imp.id, userId: user.id });
    const t3 = performance.now();
    console.log(
      `${label}: ${ROWS} rows, ${mb(imp.byteSize)} file — upload ${((t1 - t0) / 1000).toFixed(1)} s, check ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s, total ${((t3 - t0) / 1000).toFixed(1)} s; created ${done.createdCount}, updated ${done.updatedCount}, unchanged ${done.unchangedCount}`,
    );
  };
  console.log(`before importing: RSS ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}`);
  await run("first import");
  await run("same file again");
  console.log(`peak RSS ${mb(peakRss)}, peak heap used ${mb(peakHeap)}`);
} finally {
  clearInterval(sampler);
  await rm(file, { force: true });
  await db.$disconnect();
  await database.drop();
  await server.stop();
}
