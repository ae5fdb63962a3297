import { parse } from "csv-parse/sync";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// A statement of account from the customer page, and exports that follow the filters on
// screen, on a copy of the demo data of its own (it emails a statement), clock frozen.
const org = ownOrg("statements");

const TITLES = /Statement of account as of|Kontoutskrift per|Estratto conto al/;

test.describe("as a collector", () => {
  test.use(org.as("collector"));

  test("downloads and emails a customer's statement from the customer page", async ({ page }) => {
    await page.goto("/?sort=open&dir=desc");
    const first = page.locator("[data-testid=accounts-table] tbody tr").first().getByRole("link").first();
    const name = (await first.innerText()).trim();
    await first.click();
    await expect(page.getByRole("heading", { name })).toBeVisible();
    const customerId = page.url().split("/customers/")[1].split(/[?#]/)[0];

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `customer-statement-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const download = page.waitForEvent("download");
    await page.getByTestId("statement-link").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^statement-.+-\d{4}-\d{2}-\d{2}\.pdf$/);
    const bytes = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
    const text = flatText(await pdfToText(bytes));
    expect(text).toMatch(TITLES);
    expect(text).toContain(name);
    expect(text).toContain("Aurora Components AS");
    const [audit] = await query<{ payload: { customerId: string } }>(
      "SELECT payload FROM audit_events WHERE org_id = $1 AND kind = 'statement.downloaded'",
      [org.id],
    );
    expect(audit.payload.customerId).toBe(customerId);

    await page.getByRole("button", { name: "Email statement" }).click();
    await expect(page.getByText(/The statement as of .* is on its way to/)).toBeVisible();
    // The worker delivers it (to the outbox, no SMTP here) and logs the contact.
    await expect
      .poll(
        async () =>
          (
            await query<{ n: string }>(
              "SELECT count(*) AS n FROM contact_attempts WHERE customer_id = $1 AND note LIKE 'Statement of account%'",
              [customerId],
            )
          )[0].n,
        { timeout: 30_000 },
      )
      .toBe("1");
  });

  test("exports the report with the filters on screen, per invoice and per account", async ({ page, request }) => {
    await page.goto("/?currency=EUR&sort=open&dir=desc");
    const onScreen = await page.locator("[data-testid=accounts-table] tbody tr a[href^='/customers/']").allInnerTexts();
    expect(onScreen.length).toBeGreaterThan(0);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `aging-exports-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    const accounts = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export accounts as CSV" }).click();
    const accountFile = await accounts;
    const accountText = await (await accountFile.createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const [header, ...rows] = parse(accountText, { bom: true }) as string[][];
    expect(header.slice(0, 4)).toEqual(["Customer", "Currency", "Open", "Overdue"]);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["EUR"]));
    // The report's order: the first page of the file is the page on screen.
    expect(rows.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen.map((t) => t.trim()));
    const opens = rows.map((r) => Number(r[2]));
    expect([...opens].sort((a, b) => b - a)).toEqual(opens);

    const invoices = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export invoices as CSV" }).click();
    const invoiceText = await (await (await invoices).createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const [, ...invoiceRows] = parse(invoiceText, { bom: true }) as string[][];
    expect(invoiceRows.length).toBeGreaterThan(0);
    expect(new Set(invoiceRows.map((r) => r[5]))).toEqual(new Set(["EUR"]));

    const [audit] = await query<{ payload: { filter: Record<string, string> } }>(
      "SELECT payload FROM audit_events WHERE org_id = $1 AND kind = 'export.aging_accounts'",
      [org.id],
    );
    expect(audit.payload.filter).toEqual({ currency: "EUR", sort: "open", dir: "desc" });

    // The customer list's export carries its search.
    await page.goto("/customers?q=a&balance=open");
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await screenshot(page, `customers-export-${width}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    const listed = await page.locator("[data-testid=customers-table] tbody tr a[href^='/customers/']").allInnerTexts();
    expect(listed.length).toBeGreaterThan(0);
    const customers = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export customers as CSV" }).click();
    const customerText = await (await (await customers).createReadStream())
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const [, ...customerRows] = parse(customerText, { bom: true }) as string[][];
    // The list's order; the file has every page of it.
    expect(customerRows.slice(0, listed.length).map((r) => r[1])).toEqual(listed.map((t) => t.trim()));
    expect(customerRows.every((r) => r[7] !== "")).toBe(true); // balance=open: each has an open amount

    // A bad filter: a 400 that names it, and no file.
    const bad = await request.get("/api/exports/aging/accounts?currency=euro");
    expect(bad.status()).toBe(400);
    expect((await bad.json()).message).toContain("currency: use a currency code of three capital letters");
  });
});
