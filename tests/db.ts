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
export function ownerConnection<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  return withClient(inject("testOwnerUrl"), fn);
}

/** A raw connection as the app's own role (lib/db/app-role.ts). */
export function appConnection<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  return withClient(inject("testDatabaseUrl"), fn);
}

async function withClient<T>(connectionString: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
