import type { TestProject } from "vitest/node";
import { grantAppRole } from "@/lib/db/app-role";
import { createMigratedDatabase, startTestServer } from "./test-database";

// One throwaway, migrated database per test run; never the demo data. Tests
// isolate themselves by creating their own organizations in it.
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const database = await createMigratedDatabase(server.serverUrl, "dd_test");
  // Tests connect as the app does (a role that owns nothing), and as the owner only through ownerConnection().
  project.provide("testDatabaseUrl", (await grantAppRole(database.url)) ?? database.url);
  project.provide("testOwnerUrl", database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabaseUrl: string;
    testOwnerUrl: string;
  }
}
