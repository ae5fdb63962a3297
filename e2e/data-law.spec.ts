import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Changes an organization's charges and rates and sends a letter, so it works on a copy of
// the demo data of its own. Clock frozen at 2026-11-25: the repository's Norwegian rate table
// ends with the first half of 2026, so the admin adds the second half before interest can be priced.
const org = ownOrg("law");

test.describe("law and rates, as an administrator", () => {
  test.use(org.as("admin"));

  test("switches charges on, adds a half-year's rate, sends a Norwegian letter and sees its charges", async ({
    page,
  }) => {
    test.setTimeout(180_000); // settings, a rate, a letter sent and the customer page, on a shared 2-core machine
    await page.goto("/settings/law");
    await expect(page.getByRole("heading", { name: "Law and rates" })).toBeVisible();
    await expect(page.getByText("needs checking").first()).toBeVisible();
    await screenshot(page, "law-settings-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "law-settings-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    const form = page.getByTestId("law-settings-form");
    for (const label of [/Statutory late-payment interest/, /Statutory fixed compensation/, /Norwegian purregebyr/])
      await form.getByLabel(label).check();
    await form.getByRole("button", { name: "Save charges" }).click();
    await expect(page.getByText("Charges saved")).toBeVisible();

    // With interest on, the rates missing for the second half of 2026 are announced where admins look.
    for (const [path, name] of [
      ["/today", "today"],
      ["/dashboard", "dashboard"],
    ] as const) {
      await page.goto(path);
      const warnings = page.getByTestId("rate-warnings");
      await expect(warnings).toContainText("Norges Bank policy rate for 2026-07-01 – 2026-12-31 is not recorded");
      await expect(warnings).toContainText("Norwegian letters and previews with forsinkelsesrente");
      await screenshot(page, `${name}-rate-warnings-1440`);
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `${name}-rate-warnings-390`);
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await page.goto("/settings/law");

    const add = page.getByTestId("add-rate-NO_POLICY");
    await add.getByLabel("Reference rate, %").fill("4.00");
    await add.getByLabel("Source").fill("Norges Bank policy rate on 1 July 2026 (e2e demo figure)");
    await add.getByRole("button", { name: "Add the rate from 2026-07-01" }).click();
    await expect(page.getByText("Norges Bank policy rate 4.00 % added for 2026-07-01 - 2026-12-31.")).toBeVisible();
    // The standardkompensasjon for claims falling overdue in the second half of 2026 (a missing row refuses).
    const fee = page.getByTestId("add-fee-NO_STANDARDKOMPENSASJON");
    await fee.getByLabel("From (a day)").fill("2026-07-01");
    await fee.getByLabel("Amount, NOK").fill("460");
    await fee.getByLabel("Source").fill("Forskrift om forsinkelsesrente, July 2026 (e2e demo figure)");
    await fee.getByRole("button", { name: "Add the amount" }).click();
    await expect(page.getByText(/standardkompensasjon .* recorded from 2026-07-01 to 2026-12-31/)).toBeVisible();
    await screenshot(page, "law-settings-after-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "law-settings-after-390");
    await page.setViewportSize({ width: 1440, height: 900 });

    // A Norwegian customer with overdue invoices, one letter, and no promise or dispute pausing it.
    const [customer] = await query<{ id: string }>(
      "SELECT id FROM customers WHERE org_id = $1 AND name = 'Hamar Elektro AS'",
      [org.id],
    );
    await page.goto(`/customers/${customer.id}`);
    const preview = page.getByRole("link", { name: /^Preview letter \d$/ }).first();
    const stage = (await preview.innerText()).slice(-1);
    await preview.click();
    const text = await page.getByTestId("letter-text").innerText();
    // The interest claimed, as its own line in the letter (lib/letters/phrases/nb.ts).
    expect(text).toContain("Forsinkelsesrente");
    // Not due yet in the demo data: an administrator may send early with a reason (the law's rules still apply).
    const early = page.getByLabel("Why it goes early");
    if (await early.count()) await early.fill("Demo: the customer asked for the figures with interest");
    await page.getByRole("button", { name: `Send letter ${stage}` }).click();
    await expect(page.getByText(`Letter ${stage} sent and logged in the contact history.`)).toBeVisible();

    await page.goto(`/customers/${customer.id}`);
    const table = page.getByTestId("charges-table");
    await expect(table).toBeVisible();
    await expect(table.getByText("Statutory interest").first()).toBeVisible();
    await table.scrollIntoViewIfNeeded();
    await screenshot(page, "customer-charges-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "customer-charges-390");
    const rows = await query<{ n: string }>("SELECT count(*) AS n FROM charges WHERE customer_id = $1", [customer.id]);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});
