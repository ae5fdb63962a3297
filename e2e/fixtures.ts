import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
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

/** What is wrong with the page as shown: axe's serious and critical findings, and any sideways scroll. */
export async function problems(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const grave = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const found = grave.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) at ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  // Nothing off-screen: the page itself never scrolls sideways (wide tables scroll in their own region).
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  if (overflow > 0) found.push(`${label}: the page is ${overflow} px wider than the screen`);
  return found;
}
