import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Letters as documents: PDF download, email into the outbox (demo mode: no
// SMTP_URL), print today's letters, letterhead and template settings. On a copy of the demo data
// of its own: the letters it sends and prints are the only ones sent today there.
const org = ownOrg("letters");

test.describe("as a collector", () => {
  test.use(org.as("collector"));

  test("sends a letter by email into the outbox and downloads its PDF", async ({ page }) => {
    await page.goto("/worklist");
    await page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .first()
      .click();
    const send = page.getByTestId("send-letter");
    await send.getByLabel("How it goes").selectOption("email");
    await screenshot(page, "letter-preview-email-choice");
    await send.getByRole("button", { name: /^Send letter \d$/ }).click();
    await expect(page.getByText(/sent and logged in the contact history/)).toBeVisible();
    const letterId = page.url().split("/").pop()!.split("?")[0];

    // The worker writes it to the outbox; the letter page says so, and that it was not sent.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("email-status")).toContainText("In the outbox", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("email-status")).toContainText("not sent");
    await screenshot(page, "letter-emailed-outbox");

    const [stored] = await query<{ subject: string; email: string }>(
      "SELECT l.subject, c.email FROM letters l JOIN customers c ON c.id = l.customer_id WHERE l.id = $1",
      [letterId],
    );
    const [attempt] = await query<{ outcome: string; note: string }>(
      "SELECT outcome, note FROM contact_attempts WHERE letter_id = $1 AND channel = 'EMAIL'",
      [letterId],
    );
    expect(attempt.note).toContain("outbox");

    // Download PDF: a real PDF of the stored letter.
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("download-pdf").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^letter-\d-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.pdf$/);
    const response = await page.request.get(`/api/letters/${letterId}/pdf`);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect((await response.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await page.goto("/outbox");
    const message = page.getByTestId("outbox").locator("li").filter({ hasText: stored.subject }).first();
    await expect(message).toContainText(stored.email);
    await expect(message.getByRole("link", { name: /\.pdf$/ })).toBeVisible();
    await screenshot(page, "outbox");
  });

  test("prints today's letters as one PDF with progress", async ({ page }) => {
    // A letter by post today, so there is something to print.
    await page.goto("/worklist");
    await page
      .locator("[data-testid=worklist] tbody tr")
      .getByRole("link", { name: /^Preview letter \d$/ })
      .first()
      .click();
    await page
      .getByTestId("send-letter")
      .getByRole("button", { name: /^Send letter \d$/ })
      .click();
    await expect(page.getByText(/sent and logged in the contact history/)).toBeVisible();

    await page.goto("/print");
    await expect(page.getByRole("heading", { name: "Print today's letters" })).toBeVisible();
    const button = page.getByRole("button", { name: /^Print today's letters \(\d+\)$/ });
    const count = Number((await button.innerText()).match(/\((\d+)\)/)![1]);
    expect(count).toBeGreaterThan(0);
    await button.click();
    await expect(page.getByTestId("print-download")).toBeVisible({ timeout: 30_000 });
    // Exactly the letters counted: no other spec sends in this organization.
    await expect(page.getByTestId("print-letters")).toContainText(new RegExp(`\\b${count} letters ready`));
    await screenshot(page, "print-todays-letters");
    const href = await page.getByTestId("print-download").getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    // The run and its PDF live in the database: a reload shows it ready, an unknown run is not found.
    await page.reload();
    await expect(page.getByTestId("print-download")).toBeVisible();
    expect((await page.request.get("/api/print/0190a7d2-0000-7000-8000-000000000000")).status()).toBe(404);
    expect((await page.request.get("/api/print/0190a7d2-0000-7000-8000-000000000000/pdf")).status()).toBe(404);
  });

  test("a letter PDF of an unknown id is not found, and signed-out requests are refused", async ({ page, browser }) => {
    expect((await page.request.get("/api/letters/0190a7d2-0000-7000-8000-000000000000/pdf")).status()).toBe(404);
    const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } }); // not the signed-in state test.use() gives
    const [letter] = await query<{ id: string }>("SELECT id FROM letters LIMIT 1");
    expect(
      (await anonymous.request.get(`/api/letters/${letter.id}/pdf`, { maxRedirects: 0 })).status(),
    ).toBeGreaterThanOrEqual(300);
    await anonymous.close();
  });
});

test.describe("as an admin", () => {
  test.use(org.as("admin"));

  test("edits the letterhead with a live preview", async ({ page }) => {
    await page.goto("/settings/letterhead");
    await page.getByLabel("Phone").fill("+47 22 99 88 77");
    await expect(page.getByTestId("letterhead-preview")).toContainText("+47 22 99 88 77");
    await screenshot(page, "settings-letterhead");
  });

  test("refuses a template without the invoice table, and previews one on a real account", async ({ page }) => {
    await page.goto("/settings/templates?language=nb&stage=2");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByTestId("template-preview")).toContainText("Att.: Regnskapsavdelingen");
    await expect(page.getByTestId("template-preview")).toContainText("betalingsplan");
    await screenshot(page, "settings-templates");
    const body = page.getByLabel(/Letter text/);
    await body.fill((await body.inputValue()).replace("{{invoiceTable}}", ""));
    await page.getByRole("button", { name: "Save template" }).click();
    await expect(page.getByTestId("template-problems")).toContainText("the invoice table {{invoiceTable}}");
    await screenshot(page, "settings-templates-refused");
  });
});
