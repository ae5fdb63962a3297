import { createHash } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// The customer's side: a customer opens the link printed on a letter it was sent, on a
// phone and on a desktop, downloads an invoice copy, disputes one invoice, says it has
// paid another and proposes a plan; the collector sees each on Today and in the
// history, and the next letter waits. On a copy of the demo data of its own.
const org = ownOrg("portal");
const SHOTS = process.env.PORTAL_SCREENSHOTS_DIR ?? "test-results/screens";

interface Account {
  letter_id: string;
  customer_id: string;
  name: string;
}

/** The newest letter of a customer in a language whose account has at least `open` undisputed open invoices. */
async function accountIn(language: "en" | "it" | "nb", open = 1): Promise<Account> {
  const [row] = await query<Account>(
    `SELECT l.id AS letter_id, c.id AS customer_id, c.name FROM letters l JOIN customers c ON c.id = l.customer_id
      WHERE l.org_id = $1 AND c.language = $2 AND l.currency = c.currency AND c.dunning_paused_reason IS NULL
        AND NOT EXISTS (SELECT 1 FROM agency_handoffs h WHERE h.customer_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM letters l4 WHERE l4.customer_id = c.id AND l4.stage = 4)
        AND (SELECT count(*) FROM invoices i WHERE i.customer_id = c.id AND i.currency = l.currency
               AND i.paid_minor < i.amount_minor
               AND NOT EXISTS (SELECT 1 FROM invoice_disputes d WHERE d.invoice_id = i.id)) >= $3
      ORDER BY l.sent_at DESC, l.id LIMIT 1`,
    [org.id, language, open],
  );
  expect(row, `a ${language} account with a letter and ${open} open invoices in the demo`).toBeTruthy();
  return row;
}

/** The address printed on the letter's PDF, read from its text as a customer would. */
async function linkOnLetter(page: Page, letterId: string): Promise<string> {
  const response = await page.request.get(`/api/letters/${letterId}/pdf`);
  expect(response.status()).toBe(200);
  const text = flatText(await pdfToText(await response.body()));
  const found = /https?:\/\/\S+?\/p\/[A-Za-z0-9_-]{43}/.exec(text);
  expect(found, "the letter prints the customer's page address").toBeTruthy();
  return new URL(found![0]).pathname;
}

/** A visitor with no session. */
async function customerPage(browser: Browser, baseURL: string, width: number) {
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    viewport: { width, height: 900 },
  });
  return { context, page: await context.newPage() };
}

test.describe("the customer's page", () => {
  test.use(org.as("collector"));

  test("a customer answers from the letter's link; the collector sees it and the next letter waits", async ({
    page,
    browser,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const account = await accountIn("it", 3);
    // A copy of the first open invoice, as an upload on the customer page would store it.
    const [first] = await query<{ id: string; number: string }>(
      `SELECT id, number FROM invoices WHERE customer_id = $1 AND paid_minor < amount_minor ORDER BY due_date, number LIMIT 1`,
      [account.customer_id],
    );
    const pdf = Buffer.from(`%PDF-1.4\n% invoice ${first.number}\ntrailer<<>>\n%%EOF\n`);
    const sha = createHash("sha256").update(pdf).digest("hex");
    await query(
      "INSERT INTO invoice_files (org_id, sha256, file_name, bytes) VALUES ($1, $2, 'copy.pdf', $3) ON CONFLICT DO NOTHING",
      [org.id, sha, pdf],
    );
    await query("UPDATE invoices SET pdf_sha256 = $1 WHERE id = $2", [sha, first.id]);

    const path = await linkOnLetter(page, account.letter_id);

    // On a phone, then on a desktop: the page, the SEPA code, no sideways scroll.
    for (const width of [390, 1440]) {
      const { context, page: customer } = await customerPage(browser, baseURL!, width);
      const response = await customer.goto(path);
      expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
      expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
      await expect(customer.getByRole("heading", { level: 1 })).toContainText("La Vostra posizione");
      await expect(customer.getByTestId("epc-qr")).toBeVisible();
      expect(await customer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(customer, `portal-it-${width}`);
      await customer.screenshot({ path: `${SHOTS}/portal-it-${width}.png`, fullPage: true });
      await context.close();
    }

    const { context, page: customer } = await customerPage(browser, baseURL!, 390);
    await customer.goto(path);
    // A copy of the invoice, as a file.
    const download = customer.waitForEvent("download");
    await customer.locator(`a[href$="/invoices/${first.id}"]`).click();
    const file = await download;
    const bytes = Buffer.concat(await (await file.createReadStream()).toArray());
    expect(bytes.equals(pdf)).toBe(true);

    // Dispute the first invoice, with a reason.
    await customer.getByTestId("portal-dispute").locator("summary").click();
    const dispute = customer.getByTestId("portal-dispute");
    await dispute.getByLabel("Fattura").selectOption({ index: 0 });
    await dispute.getByLabel("Motivo della contestazione").fill("Merce mai consegnata <b>davvero</b>");
    await dispute.getByRole("button", { name: "Invia la contestazione" }).click();
    await expect(dispute.getByRole("status")).toContainText("La fattura risulta contestata");

    // Say another one is paid.
    await customer.getByTestId("portal-paid").locator("summary").click();
    const paid = customer.getByTestId("portal-paid");
    await paid.getByLabel("Importo pagato").fill("100,00");
    await paid.getByLabel("Riferimento del pagamento (facoltativo)").fill("CRO 12345");
    await paid.getByRole("button", { name: "Segnala il pagamento" }).click();
    await expect(paid.getByRole("status")).toContainText("Grazie");

    // Propose a plan of two instalments.
    await customer.getByTestId("portal-time").locator("summary").click();
    const time = customer.getByTestId("portal-time");
    const [{ d1, d2 }] = await query<{ d1: string; d2: string }>(
      "SELECT to_char(current_date + 20, 'YYYY-MM-DD') AS d1, to_char(current_date + 50, 'YYYY-MM-DD') AS d2",
    );
    await time.getByLabel(/Oppure proponete un piano di rate/).fill(`${d1} 100,00\n${d2} 100,00`);
    await time.getByRole("button", { name: "Invia la richiesta" }).click();
    await expect(time.getByRole("status")).toContainText("Grazie");
    await customer.reload();
    await expect(customer.getByTestId("portal-requests").locator("li")).toHaveCount(3);
    await context.close();

    // The collector: each on Today, in the history, and the next letter waits.
    await page.goto("/today");
    const today = page.getByTestId("today-fromCustomers");
    await expect(today.getByText(/Disputes invoice/)).toBeVisible();
    await expect(today.getByText(/Says it has paid/)).toBeVisible();
    await expect(today.getByText(/Proposes a payment plan of 2 instalments/)).toBeVisible();
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `portal-today-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/customers/${account.customer_id}`);
    await expect(page.getByText("Merce mai consegnata <b>davvero</b>").first()).toBeVisible();
    await expect(page.getByText(/Account page from customer/).first()).toBeVisible();
    await expect(page.getByText("by the customer").first()).toBeVisible();
    await expect(page.getByText(/The customer says it paid on/).first()).toBeVisible();
    await screenshot(page, "portal-collector-customer-page");
  });

  test("the page in English and Norwegian, at both widths", async ({ page, browser, baseURL }) => {
    test.setTimeout(120_000);
    for (const language of ["en", "nb"] as const) {
      const account = await accountIn(language);
      const path = await linkOnLetter(page, account.letter_id);
      for (const width of [390, 1440]) {
        const { context, page: customer } = await customerPage(browser, baseURL!, width);
        await customer.goto(path);
        await expect(customer.getByTestId("portal-total")).toBeVisible();
        expect(await customer.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await customer.screenshot({ path: `${SHOTS}/portal-${language}-${width}.png`, fullPage: true });
        await context.close();
      }
    }
  });

  test("a guessed or altered link opens nothing", async ({ browser, baseURL }) => {
    const { context, page: visitor } = await customerPage(browser, baseURL!, 390);
    await visitor.goto(`/p/${"A".repeat(43)}`);
    await expect(visitor.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    const response = await visitor.request.get(`/p/${"B".repeat(43)}/letters/00000000-0000-4000-8000-000000000000`);
    expect(response.status()).toBe(404);
    await context.close();
  });
});
