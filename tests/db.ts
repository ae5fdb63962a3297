import { Client } from "pg";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";

/** The run's test database; each test file gets its own client. */
export function useTestDb(): Db {
  const database = createDb(inject("testDatabaseUrl"));
  afterAll(() => database.$disconnect());
  return database;
}

/** A raw connection as the database owner, for what the app itself never does (e.g. lifting the append-only guard). */
export async function ownerConnection<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: inject("testDatabaseUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
