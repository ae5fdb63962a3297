import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Issue 27 §3b/3c: an admin saves an agency in Settings; on an account past letter 3's
// deadline the hand-off form shows what letter 3 claimed, offers the saved agency, refuses a
// reference that does not fit its format and records the hand-off naming it.
const org = ownOrg("handoff");
const NOTES = "/work/notes/workflows-png";
const WIDTHS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

async function shoot(page: Page, name: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize(size);
    await screenshot(page, `${name}-${size.width}`);
    mkdirSync(NOTES, { recursive: true });
    await page.screenshot({ path: `${NOTES}/${name}-${size.width}.png`, fullPage: true });
  }
  await page.setViewportSize(WIDTHS[0]);
}

test.describe("hand-off to a saved agency", () => {
  test.use(org.as("admin"));
  test("saves an agency, then hands over what letter 3 claimed to it", async ({ page }) => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Collection agencies/ }).click();
    const add = page.getByTestId("form-new-agency");
    await add.getByLabel("Name").fill("Nordic Recovery AS");
    await add.getByLabel("Email (optional)").fill("cases@nordic.example");
    await add.getByLabel("Address (optional)").fill("Postboks 1\n0101 Oslo");
    await add.getByLabel("Payment details (optional)").fill("IBAN NO93 8601 1117 947");
    await add.getByLabel("Reference format (optional)").fill("NR-####");
    await add.getByRole("button", { name: "Add agency" }).click();
    await expect(page.getByTestId("agency")).toContainText("cases@nordic.example");
    await shoot(page, "agencies");

    await page.goto("/worklist");
    const row = page.locator("[data-testid=worklist] tbody tr").filter({ hasText: "Hand-off review" }).first();
    await row.getByRole("link", { name: "Open account" }).click();
    const form = page.getByTestId("form-handoff");
    await form.locator("summary").first().click();
    await expect(form.getByTestId("handoff-claim")).toContainText("Claimed by letter 3");
    await form.getByLabel("Agency reference").fill("NR-55");
    await form.locator("[data-testid=handoff-claim]").scrollIntoViewIfNeeded();
    await shoot(page, "handoff-form");
    await form.getByRole("button", { name: "Record hand-off" }).click();
    await page
      .getByRole("dialog", { name: "Hand this account to the agency?" })
      .getByRole("button", { name: "Record hand-off" })
      .click();
    await expect(form).toContainText("references look like NR-####");
    await form.getByLabel("Agency reference").fill("NR-5531");
    await form.getByRole("button", { name: "Record hand-off" }).click();
    await page
      .getByRole("dialog", { name: "Hand this account to the agency?" })
      .getByRole("button", { name: "Record hand-off" })
      .click();
    await expect(page.locator("[data-testid^=collections-]").first()).toContainText(
      "Handed to Nordic Recovery AS (ref. NR-5531)",
    );
  });
});
