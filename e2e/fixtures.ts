import { test as base } from "@playwright/test";
import { Client } from "pg";

export type Role = "admin" | "collector" | "viewer";
export const storageFor = (role: Role) => `test-results/.auth/${role}.json`;

/** Direct database reads, to check what the pages show against the stored rows (as the app's role). */
export async function query<T>(sql: string, params: unknown[] = [], opts: { asOwner?: boolean } = {}): Promise<T[]> {
  // The owner only for what the app itself may not do: editing history behind its back.
  const client = new Client({
    connectionString: opts.asOwner ? process.env.E2E_OWNER_DATABASE_URL : process.env.E2E_DATABASE_URL,
  });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export const test = base;
export { expect } from "@playwright/test";

export async function screenshot(page: import("@playwright/test").Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}
