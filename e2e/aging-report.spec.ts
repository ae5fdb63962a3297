import { AGING_BUCKETS, bucketFor } from "@/lib/aging/buckets";
import { formatMoney } from "@/lib/money/money";
import { daysBetween } from "@/lib/time/dates";
import { DEMO_ORG_ID } from "@/tooling/demo/seed-demo";
import { expect, query, screenshot, storageFor, test } from "./fixtures";

test.use({ storageState: storageFor("collector") });

// The clock is frozen (DUNNING_FROZEN_NOW) at 2026-11-25 10:00 UTC: 25 Nov in Oslo.
const TODAY = "2026-11-25";
const LOCALE = "en-GB";

/** Expected figures computed here from raw invoice and payment rows, independently of the app's SQL. */
async function expectedTotals() {
  const invoices = await query<{ id: string; currency: string; due: string; amount: string }>(
    `SELECT id, currency, to_char(due_date, 'YYYY-MM-DD') AS due, amount_minor::text AS amount FROM invoices WHERE org_id = $1`,
    [DEMO_ORG_ID],
  );
  const payments = await query<{ invoice_id: string; amount: string }>(
    `SELECT invoice_id, amount_minor::text AS amount FROM payments WHERE org_id = $1`,
    [DEMO_ORG_ID],
  );
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.invoice_id, (paid.get(p.invoice_id) ?? 0) + Number(p.amount));
  const totals = new Map<string, Record<string, number>>();
  for (const inv of invoices) {
    const open = Number(inv.amount) - (paid.get(inv.id) ?? 0);
    if (open <= 0) continue;
    const t = totals.get(inv.currency) ?? Object.fromEntries([...AGING_BUCKETS.map((b) => [b.key, 0]), ["open", 0]]);
    t[bucketFor(daysBetween(inv.due, TODAY))] += open;
    t.open += open;
    totals.set(inv.currency, t);
  }
  return totals;
}

test("the aging totals on screen equal what the stored invoices and payments imply", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText("as of 25 November 2026")).toBeVisible();
  const expected = await expectedTotals();
  expect([...expected.keys()].sort()).toEqual(["EUR", "NOK", "USD"]);
  for (const [currency, t] of expected) {
    const row = page.locator(`[data-testid=aging-totals] tr[data-currency=${currency}]`);
    await expect(row.getByTestId("total-open")).toHaveText(formatMoney(t.open, currency, LOCALE));
    for (const b of AGING_BUCKETS) {
      const cell = row.locator(`[data-bucket=${b.key}]`);
      await expect(cell).toHaveText(t[b.key] === 0 ? "—" : formatMoney(t[b.key], currency, LOCALE));
    }
  }
  await screenshot(page, "aging-report");
});

test("filter, sort and paginate the accounts", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Currency").selectOption("NOK");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/currency=NOK/);
  const rows = page.locator("[data-testid=accounts-table] tbody tr");
  await expect(rows.first()).toContainText("NOK");
  for (const text of await rows.allInnerTexts()) expect(text).toContain("NOK");

  await page.getByTestId("accounts-table").getByRole("link", { name: "Account", exact: true }).click(); // sort by name, descending first
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await page.getByTestId("accounts-table").getByRole("link", { name: "Account", exact: true }).click(); // toggle to ascending
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  const names = await page.locator("[data-testid=accounts-table] tbody tr td:first-child a").allInnerTexts();
  expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));

  await page.goto("/");
  await expect(page.getByText(/^1–25 of \d+ accounts$/)).toBeVisible();
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page.getByText(/^26–\d+ of \d+ accounts$/)).toBeVisible();

  await page.goto("/?q=zzzz-no-such-customer");
  await expect(page.getByText("No accounts match these filters.")).toBeVisible();
});

test("overdue accounts are flagged", async ({ page }) => {
  await page.goto("/?sort=oldest&dir=desc");
  const first = page.locator("[data-testid=accounts-table] tbody tr").first();
  await expect(first.locator("[data-overdue]")).toHaveCount(1);
});

test("an account opens its invoices and contact history", async ({ page }) => {
  await page.goto("/?sort=oldest&dir=desc");
  const firstLink = page.locator("[data-testid=accounts-table] tbody tr").first().locator("a");
  const name = await firstLink.innerText();
  await firstLink.click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const customerId = page.url().split("/").pop()!;

  const [expected] = await query<{ open: string; currency: string }>(
    `SELECT currency, sum(amount_minor - paid_minor)::text AS open FROM invoices
      WHERE customer_id = $1 AND paid_minor < amount_minor GROUP BY currency`,
    [customerId],
  );
  await expect(page.getByTestId("customer-totals")).toContainText(
    formatMoney(Number(expected.open), expected.currency, LOCALE),
  );
  const invoiceCount = await query<{ n: string }>(`SELECT count(*)::text AS n FROM invoices WHERE customer_id = $1`, [
    customerId,
  ]);
  await expect(page.locator("[data-testid=invoice-table] tbody tr[data-invoice]")).toHaveCount(
    Number(invoiceCount[0].n),
  );
  await expect(page.getByTestId("contact-history")).toBeVisible();
  await screenshot(page, "customer");
});

test("another id shows not found, never data", async ({ page }) => {
  const response = await page.goto("/customers/00000000-0000-7000-8000-000000000000");
  expect(response?.status()).toBe(404);
  const bad = await page.goto("/customers/not-a-uuid");
  expect(bad?.status()).toBe(404);
});
