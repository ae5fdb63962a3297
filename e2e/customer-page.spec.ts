import { DEMO_ORG_ID } from "@/tooling/demo/seed-demo";
import { expect, problems, query, screenshot, storageFor, test } from "./fixtures";

// The customer page at desktop and phone width: every section streams in, a form is built
// when its panel opens and can be filled, nothing serious for axe and nothing wider than the screen.
const WIDTHS = [
  { name: "1440", width: 1440, height: 900 },
  { name: "390", width: 390, height: 844 },
] as const;

const SECTIONS = [
  "Statement of account",
  "Collections",
  "Call-backs",
  "Invoices",
  "Interest and fees claimed",
  "Contact history",
];

test.use({ storageState: storageFor("collector") });

for (const size of WIDTHS) {
  test(`the customer page at ${size.name} px shows every section, and a form opens`, async ({ page }) => {
    const [account] = await query<{ customer_id: string }>(
      "SELECT customer_id FROM accounts WHERE org_id = $1 AND open_minor > 0 ORDER BY oldest_open_due LIMIT 1",
      [DEMO_ORG_ID],
    );
    const path = `/customers/${account.customer_id}`;
    await page.setViewportSize({ width: size.width, height: size.height });
    const html = await (await page.request.get(path)).text();
    console.log(`customer page HTML at ${size.name}: ${html.length} characters`);
    await page.goto(path);
    for (const name of SECTIONS) {
      await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();
    }
    const payment = page.getByTestId("form-payment");
    // A form is built when its panel opens: the page does not carry it before.
    await expect(payment.locator("form")).toHaveCount(0);
    await payment.locator("summary").click();
    await expect(payment.getByRole("button", { name: "Record payment" })).toBeVisible();
    await expect(payment.getByLabel("Amount", { exact: true })).toBeEditable();
    await payment.locator("summary").click(); // closed again for the screenshot
    await screenshot(page, `customer-page-${size.name}`);
    expect(await problems(page, `customer page ${size.name}`)).toEqual([]);
  });
}
