import type { TestProject } from "vitest/node";
import { createMigratedDatabase, startTestServer } from "./test-database";

// One throwaway, migrated database per test run; never the demo data. Tests
// isolate themselves by creating their own organizations in it.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createMigratedDatabase(server.serverUrl, "dd_test");
  project.provide("testDatabaseUrl", database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
  }
}
