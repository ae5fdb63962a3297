import { formatMoney } from "@/lib/money/money";
import { DEMO_ORG_ID } from "@/tooling/demo/seed-demo";
import { expect, problems, query, screenshot, storageFor, test } from "./fixtures";

// Read-only on the demo company. The clock is frozen at 2026-11-25 10:00 UTC (25 Nov in Oslo).
test.use({ storageState: storageFor("viewer") });
const LOCALE = "en-GB";

/** Open NOK receivables computed here from the raw rows, independently of the app's SQL. */
async function openNok(): Promise<number> {
  const [row] = await query<{ open: string }>(
    `SELECT COALESCE(sum(i.amount_minor - COALESCE(p.paid, 0)), 0)::text AS open
     FROM invoices i LEFT JOIN (SELECT invoice_id, sum(amount_minor) AS paid FROM payments GROUP BY invoice_id) p
       ON p.invoice_id = i.id
     WHERE i.org_id = $1 AND i.currency = 'NOK' AND i.amount_minor > COALESCE(p.paid, 0)`,
    [DEMO_ORG_ID],
  );
  return Number(row.open);
}

test("the dashboard shows today's figures and a year of month-end aging with its table", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "How collection is going" })).toBeVisible();

  const nok = page.locator('[data-testid="currency-card"][data-currency="NOK"]');
  await expect(nok.getByTestId("dash-open")).toHaveText(formatMoney(await openNok(), "NOK", LOCALE));
  await expect(page.getByTestId("dso-formula")).toContainText(
    "open receivables today ÷ amount invoiced in the last 90 days",
  );
  await expect(page.getByTestId("letters-per-stage")).toContainText("Letter 1");

  // The chart is an image with a summary; the figures behind it are a table.
  const chart = page.getByRole("img", { name: /Stacked bars of open EUR receivables by aging bucket/ });
  await expect(chart).toBeVisible();
  await expect(page.getByTestId("snapshot-note")).toContainText(
    "Month-end figures are snapshots taken on that day; later corrections do not change them.",
  );
  const history = page.getByRole("region", { name: "Aging by bucket at month-end, EUR", exact: true });
  await history.getByText("The figures as a table").click();
  const [october] = await query<{ open: string }>(
    "SELECT open_minor::text AS open FROM aging_snapshots WHERE org_id = $1 AND day = '2026-10-31' AND currency = 'EUR'",
    [DEMO_ORG_ID],
  );
  const octoberRow = history.locator('tr[data-month="2026-10-01"]');
  await expect(octoberRow).toContainText("demo");
  await expect(octoberRow).toContainText(formatMoney(Number(october.open), "EUR", LOCALE));
  await expect(history.locator('tr[data-month="2026-11-01"]')).toContainText("today, live");
  await expect(history.locator("tbody tr")).toHaveCount(12);

  // Charts per currency, chosen by a link.
  await page.getByRole("navigation", { name: "Chart currency" }).getByRole("link", { name: "NOK" }).click();
  await expect(page).toHaveURL(/currency=NOK/);
  await expect(page.getByRole("heading", { name: "Collected per month, NOK" })).toBeVisible();
});

for (const size of [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
]) {
  test(`the dashboard passes axe and fits the screen at ${size.width} px`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.goto("/dashboard");
    await expect(page.locator("main")).toBeVisible();
    expect(await problems(page, `dashboard at ${size.width}`)).toEqual([]);
    await screenshot(page, `dashboard-${size.name}`);
  });
}
