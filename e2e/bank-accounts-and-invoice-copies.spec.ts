import { expect, query, screenshot, storageFor, test } from "./fixtures";

// What letters are made of, as an admin sets it up: bank accounts per currency on the
// letterhead page, a copy of an invoice on the customer page. (The first-letter rule is
// a law setting: /settings/law.)

const minimalPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

test.describe("as an admin", () => {
  test.use({ storageState: storageFor("admin") });

  test("saves a bank account per currency on the letterhead page", async ({ page }) => {
    await page.goto("/settings/letterhead");
    const form = page.getByTestId("bank-account-form");
    await form.getByLabel("Currency", { exact: true }).fill("SEK");
    await form.getByLabel("Bank", { exact: true }).fill("Handelsbanken");
    await form.getByLabel("IBAN", { exact: true }).fill("se35 5000 0000 0549 1000 0003");
    await form.getByLabel("BIC", { exact: true }).fill("HANDSESS");
    await form.getByRole("button", { name: "Save account" }).click();
    await expect(form.getByRole("status")).toContainText("SEK account saved");
    await expect(page.locator("[data-currency=SEK]")).toContainText("SE35 5000 0000 0549 1000 0003");
    const [audit] = await query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_events WHERE kind = 'bank_account.saved' AND payload->>'currency' = 'SEK'",
    );
    expect(Number(audit.n)).toBe(1);
    await screenshot(page, "settings-bank-accounts-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "settings-bank-accounts-390");
  });

  test("attaches an invoice copy on the customer page", async ({ page }) => {
    await page.goto("/worklist");
    await page.locator("[data-testid=worklist] tbody tr a").first().click();
    const details = page.getByTestId("form-invoice-pdf");
    await details.locator("summary").click();
    const invoice = await details.getByLabel("Invoice").locator("option").first().textContent();
    await details
      .getByLabel(/PDF file/)
      .setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: minimalPdf });
    await details.getByRole("button", { name: "Store the copy" }).click();
    await expect(details.getByRole("status")).toContainText("Invoice copy stored");
    const number = invoice?.replace(" (replace its copy)", "").trim();
    await expect(page.locator(`[data-invoice="${number}"]`)).toContainText("PDF");
    await screenshot(page, "customer-invoice-copy-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "customer-invoice-copy-390");
  });
});
