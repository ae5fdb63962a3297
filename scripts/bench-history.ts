// Measures the cost of the history chain: insert rate with and without the
// chain trigger, and verifyHistory time. Usage: npx tsx scripts/bench-history.ts [rows]
// Runs on a throwaway embedded PostgreSQL (or TEST_DATABASE_SERVER_URL).
import { Client } from "pg";
import { createDb } from "@/lib/db/client";
import { verifyHistory } from "@/lib/history/verify-history";
import { createMigratedDatabase, startTestServer } from "@/tests/test-database";

const rows = Number(process.argv[2] ?? 100_000);
const server = await startTestServer();
const database = await createMigratedDatabase(server.serverUrl, "dd_bench");
const c = new Client({ connectionString: database.url });
await c.connect();

async function org(name: string) {
  const id = (await c.query(`INSERT INTO organizations (id, name) VALUES (gen_random_uuid(), $1) RETURNING id`, [name]))
    .rows[0].id;
  const customer = (
    await c.query(
      `INSERT INTO customers (id, org_id, reference, name, currency) VALUES (gen_random_uuid(), $1, 'r', 'n', 'EUR') RETURNING id`,
      [id],
    )
  ).rows[0].id;
  return { id, customer };
}
const insertSql = (
  seq: string,
) => `INSERT INTO contact_attempts (id, org_id, customer_id, occurred_at, channel, direction, outcome, note, seq)
  SELECT gen_random_uuid(), $1, $2, now(), 'PHONE', 'OUTBOUND', 'SPOKE', 'Spoke to AP about invoice ' || g, ${seq} FROM generate_series(1, $3) g`;

async function timed(label: string, fn: () => Promise<unknown>, n: number) {
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  console.log(`${label}: ${n} rows in ${ms.toFixed(0)} ms = ${Math.round((n / ms) * 1000)} rows/s`);
}

const chained = await org("chained");
const plain = await org("plain");
await timed("bulk insert, chained", () => c.query(insertSql("0"), [chained.id, chained.customer, rows]), rows);
await c.query(`ALTER TABLE contact_attempts DISABLE TRIGGER history_chain`);
await timed("bulk insert, no chain trigger", () => c.query(insertSql("g"), [plain.id, plain.customer, rows]), rows);
await c.query(`ALTER TABLE contact_attempts ENABLE TRIGGER history_chain`);

const single = 2000;
const one = `INSERT INTO contact_attempts (id, org_id, customer_id, occurred_at, channel, direction, outcome, note, seq) VALUES (gen_random_uuid(), $1, $2, now(), 'PHONE', 'OUTBOUND', 'SPOKE', 'x', $3)`;
const chained2 = await org("chained-single");
const plain2 = await org("plain-single");
await timed(
  "single-row inserts, chained",
  async () => {
    for (let i = 1; i <= single; i++) await c.query(one, [chained2.id, chained2.customer, 0]);
  },
  single,
);
await c.query(`ALTER TABLE contact_attempts DISABLE TRIGGER history_chain`);
await timed(
  "single-row inserts, no chain trigger",
  async () => {
    for (let i = 1; i <= single; i++) await c.query(one, [plain2.id, plain2.customer, i]);
  },
  single,
);
await c.query(`ALTER TABLE contact_attempts ENABLE TRIGGER history_chain`);
await c.query("ANALYZE");

const db = createDb(database.url);
const start = performance.now();
const result = await verifyHistory(db, { orgId: chained.id });
console.log(`verifyHistory: ${JSON.stringify(result)} in ${(performance.now() - start).toFixed(0)} ms`);
await db.$disconnect();
await c.end();
await database.drop();
await server.stop();
