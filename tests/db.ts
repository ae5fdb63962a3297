import { afterAll, inject } from "vitest";
import { createDb, type Db } from "@/lib/db/client";

/** The run's test database; each test file gets its own client. */
export function useTestDb(): Db {
  const database = createDb(inject("testDatabaseUrl"));
  afterAll(() => database.$disconnect());
  return database;
}
