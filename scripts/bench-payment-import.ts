// Measures a large payment import end to end on a throwaway database (issue 21,
// "one write path per fact": the import writes through lib/ledger/record-payments.ts):
//   npx tsx scripts/bench-payment-import.ts [rows=50000]
// invoices are inserted directly (not measured), then a payments CSV of `rows`
// lines, one payment per invoice, is uploaded → checked → committed.
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

const ROWS = Number(process.argv[2] ?? 50_000);
const CUSTOMERS = 2000;

const server = await startTestServer();
const database = await createMigratedDatabase(server.serverUrl, "dd_bench_pay");
const db = createDb(database.url);
const file = path.join(os.tmpdir(), `bench-payments-${process.pid}.csv`);
try {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "ADMIN");
  await db.$executeRaw`
    INSERT INTO customers (id, org_id, reference, name, currency)
    SELECT gen_random_uuid(), ${org.id}::uuid, 'C-' || g, 'Customer ' || g, 'EUR' FROM generate_series(0, ${CUSTOMERS - 1}) g`;
  await db.$executeRaw`
    WITH c AS (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM customers WHERE org_id = ${org.id}::uuid)
    INSERT INTO invoices (id, org_id, customer_id, number, issue_date, due_date, amount_minor, currency)
    SELECT gen_random_uuid(), ${org.id}::uuid, c.id, 'INV-' || g, DATE '2026-03-01', DATE '2026-04-01', 100000 + g % 9000, 'EUR'
    FROM generate_series(0, ${ROWS - 1}) g JOIN c ON c.n = g % ${CUSTOMERS}`;
  console.log(`${ROWS} invoices inserted (not measured)`);
  const out = createWriteStream(file);
  out.write("Invoice number;Payment date;Amount;Reference\n");
  for (let i = 0; i < ROWS; i++) {
    // Every third payment is partial: the import's paid-sum check has work to do.
    const minor = i % 3 ? 100000 + (i % 9000) : 50000;
    const line = `INV-${i};15.04.2026;${Math.floor(minor / 100)},${String(minor % 100).padStart(2, "0")};PAY-${i}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);

  const run = async (label: string) => {
    const t0 = performance.now();
    const imp = await receiveImportFile(db, {
      orgId: org.id,
      userId: user.id,
      kind: "payments",
      fileName: "bench-payments.csv",
      body: createReadStream(file),
    });
    const t1 = performance.now();
    await saveImportMapping(db, {
      orgId: org.id,
      importId: imp.id,
      options: { dateFormat: "dmy", decimalSeparator: "," },
      mapping: {
        invoiceNumber: "Invoice number",
        receivedOn: "Payment date",
        amount: "Amount",
        reference: "Reference",
      },
    });
    const checked = await validateImport(db, { orgId: org.id, importId: imp.id });
    const t2 = performance.now();
    if (checked.problemCount) throw new Error(`unexpected problems: ${JSON.stringify(checked.problems)}`);
    const done = await commitImport(db, { orgId: org.id, importId: imp.id, userId: user.id });
    const t3 = performance.now();
    console.log(
      `${label}: ${ROWS} payment rows — upload ${((t1 - t0) / 1000).toFixed(1)} s, check ${((t2 - t1) / 1000).toFixed(1)} s, commit ${((t3 - t2) / 1000).toFixed(1)} s, total ${((t3 - t0) / 1000).toFixed(1)} s; created ${done.createdCount}, updated ${done.updatedCount}, unchanged ${done.unchangedCount}`,
    );
  };
  await run("first import");
  await run("same file again");
  const [sums] = await db.$queryRaw<{ paid: bigint; payments: bigint }[]>`
    SELECT (SELECT sum(paid_minor) FROM invoices WHERE org_id = ${org.id}::uuid) AS paid,
      (SELECT count(*) FROM payments WHERE org_id = ${org.id}::uuid) AS payments`;
  console.log(`payments ${sums.payments}, paid sum ${sums.paid}`);
} finally {
  await rm(file, { force: true });
  await db.$disconnect();
  await database.drop();
  await server.stop();
}
