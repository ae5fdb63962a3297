import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { createDb } from "@/lib/db/client";
import { dateOnlyToDb } from "@/lib/time/dates";
import { expect, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Issue 27 §2: the dashboard and the aging report add every currency up in the base
// currency (EUR) at the dated rates, say which rate days, and name a currency without
// a rate (GBP here: the demo company has no GBP rate) instead of leaving it out silently.
const org = ownOrg("base-currency");
const NOTES = "/work/notes/workflows-png";
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(NOTES, { recursive: true });
  await page.screenshot({ path: `${NOTES}/${name}.png`, fullPage: true });
}

test.describe("totals in the base currency", () => {
  test.use(org.as("admin"));
  test("the report and the dashboard add all currencies up in EUR and name the currency without a rate", async ({
    page,
  }) => {
    const db = createDb(process.env.E2E_DATABASE_URL!);
    try {
      const customer = await db.customer.create({
        data: {
          orgId: org.id,
          reference: `GB-${Date.now()}`,
          name: "Thames Fittings Ltd",
          countryCode: "GB",
          currency: "GBP",
          language: "en",
          email: "ap@thames.example",
          contactPerson: "Pat Payables",
          addressLine1: "1 River Road",
          postalCode: "SE1 9AA",
          city: "London",
          country: "United Kingdom",
        },
      });
      await db.invoice.create({
        data: {
          orgId: org.id,
          customerId: customer.id,
          number: "GB-1",
          issueDate: dateOnlyToDb("2026-10-01"),
          dueDate: dateOnlyToDb("2026-10-31"),
          amountMinor: 120_000n,
          currency: "GBP",
        },
      });
    } finally {
      await db.$disconnect();
    }

    await page.goto("/");
    const row = page.getByTestId("base-total-row");
    await expect(row).toContainText("All in EUR");
    await expect(row.getByTestId("base-open")).toContainText("€");
    const basis = page.getByTestId("base-total-basis");
    await expect(basis).toContainText("In EUR at the rates of");
    await expect(basis).toContainText("No exchange rate for GBP: not included in the EUR total.");
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await shoot(page, `aging-base-total-${size.width}`);
    }

    await page.setViewportSize(WIDTHS[0]);
    await page.goto("/dashboard");
    const card = page.getByTestId("base-total-card");
    await expect(card).toContainText("All currencies in EUR");
    await expect(card.getByTestId("base-total-basis")).toContainText("No exchange rate for GBP");
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      await shoot(page, `dashboard-base-total-${size.width}`);
    }
  });
});
