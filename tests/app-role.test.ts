import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { APP_TABLE_GRANTS, DEFAULT_TABLE_GRANTS, grantAppRole } from "@/lib/db/app-role";
import { databaseUrl } from "@/lib/db/embedded";
import { createMigratedDatabase } from "./test-database";

// The app connects as a role that owns nothing (lib/db/app-role.ts): whatever a
// bug or an injected statement might try, it cannot lift the append-only guard
// or rewrite the schema. The owner can, which is what the tamper tests use.

const POWERS: [string, string][] = [
  ["disable the append-only trigger", "ALTER TABLE letters DISABLE TRIGGER history_append_only"],
  ["disable every trigger for the session", "SET session_replication_role = replica"],
  ["truncate history", "TRUNCATE contact_attempts"],
  ["drop a table", "DROP TABLE audit_events"],
  [
    "replace a trigger function",
    "CREATE OR REPLACE FUNCTION history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
  ],
  ["create a table", "CREATE TABLE scratch (id int)"],
  ["rewrite the migration record", "DELETE FROM _prisma_migrations WHERE false"],
  ["move the history chain's head", "UPDATE history_chain_heads SET seq = 0 WHERE false"],
  ["delete a history chain head", "DELETE FROM history_chain_heads WHERE false"],
  ["delete a signed checkpoint", "DELETE FROM history_checkpoints WHERE false"],
  ["delete a customer", "DELETE FROM customers WHERE false"],
];

// A database of this file's own, migrated and granted as the run's is: every statement below
// takes a table lock before its rights are checked, and on the run's shared database another
// file's long transaction (a bulk import, a bank statement) could hold the test past its timeout.
let database: { url: string; drop(): Promise<void> };
let appUrl: string;

async function connection<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
const appConnection = <T>(fn: (c: Client) => Promise<T>) => connection(appUrl, fn);
const ownerConnection = <T>(fn: (c: Client) => Promise<T>) => connection(database.url, fn);

describe.skipIf(inject("testDatabaseUrl") === inject("testOwnerUrl"))("the app's database role", () => {
  beforeAll(async () => {
    database = await createMigratedDatabase(databaseUrl(inject("testOwnerUrl"), "postgres"), "dd_role");
    const url = await grantAppRole(database.url);
    if (!url) throw new Error("The test server refused to create the app role.");
    appUrl = url;
  });
  afterAll(() => database?.drop());

  it("is not the owner the migrations ran as", async () => {
    const app = await appConnection((c) => c.query<{ user: string }>("SELECT current_user AS user"));
    const owner = await ownerConnection((c) => c.query<{ user: string }>("SELECT current_user AS user"));
    expect(app.rows[0].user).not.toBe(owner.rows[0].user);
  });

  it.each(POWERS)("may not %s", async (_what, statement) => {
    await appConnection(async (c) => {
      await c.query("BEGIN");
      await expect(c.query(statement)).rejects.toThrow(/permission denied|must be owner/);
      await c.query("ROLLBACK");
    });
  });

  it("where the owner is not refused for lack of rights (so the refusals above are the role's)", async () => {
    await ownerConnection(async (c) => {
      await c.query("BEGIN");
      // TRUNCATE and DROP wait for other test files' open transactions on the same tables, and while
      // they wait every other file's queries on that table queue behind them. A lock timeout is not a
      // refusal for lack of rights (ALTER and DROP check ownership before they wait), so give up at
      // once. The rows statements say WHERE false: privileges are checked before any row is read,
      // and deleting every customer of the shared test database is work this check does not need.
      await c.query("SET LOCAL lock_timeout = '100ms'");
      await c.query("SET LOCAL statement_timeout = '5s'");
      for (const [, statement] of POWERS) {
        await c.query("SAVEPOINT s");
        // Some still fail for the owner, for their own reasons (the append-only trigger refuses TRUNCATE; rows refer to audit_events).
        const refusal = await c.query(statement).then(
          () => "",
          (error: Error) => error.message,
        );
        expect(refusal, statement).not.toMatch(/permission denied|must be owner/);
        await c.query("ROLLBACK TO SAVEPOINT s");
      }
      await c.query("ROLLBACK");
    });
  });

  it("has exactly the grants listed per table (docs/operations.md, lib/db/app-role.ts), and nothing else", async () => {
    const rows = await appConnection((c) =>
      c.query<{ table: string; privileges: string[] }>(
        `SELECT tablename AS table,
                ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p
                      WHERE has_table_privilege(current_user, format('public.%I', tablename), p)) AS privileges
         FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      ),
    );
    expect(rows.rows.length).toBeGreaterThan(20);
    for (const { table, privileges } of rows.rows) {
      const listed = ["SELECT", ...(APP_TABLE_GRANTS[table] ?? DEFAULT_TABLE_GRANTS)];
      // Column grants ("UPDATE (id)") are not table privileges.
      expect(privileges, table).toEqual(listed.filter((p) => !p.includes("(")));
    }
    // Every table named in the list exists (a renamed table must not keep stale rights on paper).
    expect(Object.keys(APP_TABLE_GRANTS).filter((t) => !rows.rows.some((r) => r.table === t))).toEqual([]);
  });
});
