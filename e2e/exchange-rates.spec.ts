import { expect, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Enters exchange rates, so it works on a copy of the demo data of its own (base EUR, with the
// demo's USD and NOK rates), with the clock frozen at 2026-11-25 (see scripts/test.ts).
const org = ownOrg("rates");
const TODAY = "2026-11-25";

/** The currency of the worklist's first account, read from its overdue amount as shown. */
async function topCurrency(page: import("@playwright/test").Page): Promise<string> {
  await page.goto("/worklist");
  const amount = await page.locator("[data-testid=worklist] tbody tr").first().locator("td").nth(1).innerText();
  return amount.includes("NOK") ? "NOK" : amount.includes("$") ? "USD" : "EUR";
}

test.describe("exchange rates, as an administrator", () => {
  test.use(org.as("admin"));

  test("enters a rate and sees the worklist order change; bad input changes nothing", async ({ page }) => {
    // Five page loads per width and three forms: more than the default minute on a busy 2-core machine.
    test.setTimeout(180_000);
    await page.goto("/worklist");
    await expect(page.getByTestId("comparison-note")).toContainText("Amounts compared in EUR at rates of 2026-11-24.");

    await page.goto("/settings/rates");
    await expect(page.getByRole("heading", { name: "Exchange rates" })).toBeVisible();
    await expect(page.getByTestId("rates-in-force")).toContainText("1 EUR = 11.715 NOK");

    const form = page.getByTestId("enter-rate-form");
    // An unknown code is refused beside the field, and nothing is stored.
    await form.getByLabel("Currency (ISO 4217)").fill("XYZ");
    await form.getByLabel(/^Rate: 1 EUR/).fill("2");
    await form.getByLabel("Source").fill("e2e");
    await form.getByRole("button", { name: "Save rate" }).click();
    await expect(form.getByText('The currency "XYZ" is not an ISO 4217 code.')).toBeVisible();
    await expect(page.getByTestId("rate-entries")).not.toContainText("XYZ");

    // 1 EUR = 0.01 USD (made up): every USD amount is worth a hundred times more in euros.
    await form.getByLabel("Currency (ISO 4217)").fill("USD");
    await form.getByLabel(/^Rate: 1 EUR/).fill("0.01");
    await form.getByLabel("Source").fill("e2e: a made-up rate to move the order");
    await form.getByRole("button", { name: "Save rate" }).click();
    await expect(page.getByText(`Rate saved: 1 EUR = 0.01 USD from ${TODAY}.`)).toBeVisible();
    expect(await topCurrency(page)).toBe("USD");
    await expect(page.getByTestId("comparison-note")).toContainText(
      `Amounts compared in EUR at rates of ${TODAY} (USD), 2026-11-24 (NOK).`,
    );

    // Then 1 EUR = 0.0001 NOK: NOK amounts lead.
    await page.goto("/settings/rates");
    await form.getByLabel("Currency (ISO 4217)").fill("NOK");
    await form.getByLabel(/^Rate: 1 EUR/).fill("0.0001");
    await form.getByLabel("Source").fill("e2e: a made-up rate to move the order");
    await form.getByRole("button", { name: "Save rate" }).click();
    await expect(page.getByText(`Rate saved: 1 EUR = 0.0001 NOK from ${TODAY}.`)).toBeVisible();
    expect(await topCurrency(page)).toBe("NOK");
    await expect(page.locator("[data-testid=worklist] tbody tr").first().getByTestId("overdue-in-base")).toContainText(
      "€",
    );

    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await page.goto("/worklist");
      await screenshot(page, `worklist-rates-${width}`);
      await page.goto("/settings/rates");
      await screenshot(page, `settings-rates-${width}`);
      await page.goto("/?sort=open&dir=desc");
      await expect(page.getByTestId("comparison-note")).toContainText("Amounts compared in EUR");
      await screenshot(page, `aging-open-sort-${width}`);
    }
  });
});
