import { createHash } from "node:crypto";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { formatMoney } from "@/lib/money/money";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// These specs import data, so they work on a copy of the demo data of their own.
const org = ownOrg("data");
test.use(org.as("collector"));
const LOCALE = "en-GB";

async function uploadCsv(page: import("@playwright/test").Page, kind: string, name: string, csv: string) {
  await page.goto("/import");
  await page.getByRole("radio", { name: new RegExp(`^${kind}`, "i") }).check();
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
  await screenshot(page, "import-upload");
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

test("import a CSV of invoices through the UI and find the new invoice on the customer's account", async ({ page }) => {
  const [customer] = await query<{ id: string; reference: string; name: string }>(
    `SELECT id, reference, name FROM customers WHERE org_id = $1 AND currency = 'EUR' ORDER BY reference LIMIT 1`,
    [org.id],
  );
  const csv = `Invoice;Customer;Invoice date;Due date;Total\nE2E-1001;${customer.reference};01.10.2026;31.10.2026;4.321,09\n`;
  await uploadCsv(page, "invoices", "e2e-invoices.csv", csv);
  await expect(page.getByText("semicolon separated")).toBeVisible();
  await expect(page.getByLabel("Invoice number")).toHaveValue("Invoice");
  await page.getByLabel("Dates are written as").selectOption("dmy");
  await page.getByLabel("Decimal mark in amounts").selectOption(",");
  await screenshot(page, "import-mapping");
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("No problems found.")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("import-created")).toHaveText("1");
  await screenshot(page, "import-done");

  await page.goto(`/customers/${customer.id}`);
  const row = page.getByTestId("invoice-table").locator("tr", { hasText: "E2E-1001" });
  await expect(row).toContainText(formatMoney(432109, "EUR", LOCALE));
  const [audit] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_events WHERE org_id = $1 AND kind = 'import.committed'`,
    [org.id],
  );
  expect(Number(audit.n)).toBeGreaterThan(0);
});

test("a file with problems names row, column and problem and imports nothing", async ({ page }) => {
  const csv =
    "Invoice,Customer,Invoice date,Due date,Total\nE2E-2001,NO-SUCH-CUSTOMER,2026-10-01,2026-10-31,10.00\nE2E-2002,C-1001,2026-10-01,2026-10-31,10.005\n";
  await uploadCsv(page, "invoices", "e2e-problems.csv", csv);
  await page.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByTestId("import-problems");
  await expect(problems).toBeVisible({ timeout: 20_000 });
  await expect(problems.locator("tbody tr").nth(0)).toHaveText(/2\s*Customer\s*unknown customer "NO-SUCH-CUSTOMER"/);
  await expect(problems.locator("tbody tr").nth(1)).toHaveText(/3\s*Total\s*"10.005" has 3 decimals/);
  await screenshot(page, "import-problems");
  const [n] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM invoices WHERE org_id = $1 AND number LIKE 'E2E-200%'`,
    [org.id],
  );
  expect(n.n).toBe("0");
});

test("a large file shows progress while it is checked, and lists the first problems of many", async ({ page }) => {
  const rows = Array.from({ length: 60_000 }, (_, i) => `E2E-BIG-${i},NO-SUCH-CUSTOMER,2026-10-01,2026-10-31,10.00`);
  await uploadCsv(
    page,
    "invoices",
    "e2e-large.csv",
    `Invoice,Customer,Invoice date,Due date,Total\n${rows.join("\n")}\n`,
  );
  await page.getByRole("button", { name: "Check the file" }).click();
  // The check may finish before the bar is drawn on a fast machine; the screenshot is for review.
  const bar = await page
    .getByRole("progressbar")
    .waitFor({ timeout: 5_000 })
    .then(
      () => true,
      () => false,
    );
  if (bar) await screenshot(page, "import-progress");
  await expect(page.getByRole("heading", { name: /60,000 problems: nothing was imported/ })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText("The first 500 are listed.")).toBeVisible();
  await expect(page.getByTestId("import-problems").locator("tbody tr")).toHaveCount(500);
});

test("a viewer may not upload; a file that is not CSV is refused clearly", async ({ page, browser, baseURL }) => {
  const viewer = await browser.newContext({ storageState: await org.signIn(browser, baseURL!, "viewer") });
  const denied = await viewer.request.post("/api/imports?kind=invoices&name=x.csv", { data: "a,b\n1,2\n" });
  expect(denied.status()).toBe(403);
  await viewer.close();
  await page.goto("/import");
  await page.getByLabel("CSV file").setInputFiles({
    name: "book.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(100)]),
  });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByText(/This is an Excel workbook/)).toBeVisible();
});

test("aging as of a past date on screen and exported as CSV and XLSX with the same figures", async ({ page }) => {
  await page.goto("/?asOf=2026-12-01");
  await expect(page.getByText(/is in the future/)).toBeVisible();
  await page.getByLabel("As of").fill("2026-09-30");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/asOf=2026-09-30/);
  await expect(page.getByText("as of 30 September 2026")).toBeVisible();
  await screenshot(page, "aging-as-of");
  const eurOnScreen = await page
    .locator("[data-testid=aging-totals] tr[data-currency=EUR]")
    .getByTestId("total-open")
    .innerText();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export invoices as CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("aging-2026-09-30.csv");
  const text = await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"));
  const [header, ...rows] = parse(text, { bom: true }) as string[][];
  expect(header.join(",")).toBe(
    "Customer reference,Customer,Invoice number,Issue date,Due date,Currency,Amount,Paid,Open,Days past due,Bucket,As of",
  );
  expect(rows.length).toBeGreaterThan(0);
  let eurOpenCents = 0;
  for (const cells of rows) {
    expect(cells[11]).toBe("2026-09-30");
    expect(cells[3] <= "2026-09-30").toBe(true);
    if (cells[5] === "EUR") eurOpenCents += Math.round(Number(cells[8]) * 100);
  }
  expect(formatMoney(eurOpenCents, "EUR", LOCALE)).toBe(eurOnScreen);

  // The same date as a spreadsheet: a real XLSX (a ZIP) with as many rows.
  const xlsxDownload = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export invoices as XLSX" }).click();
  const xlsx = await xlsxDownload;
  expect(xlsx.suggestedFilename()).toBe("aging-2026-09-30.xlsx");
  const bytes = await (await xlsx.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks));
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets[0].actualRowCount).toBe(rows.length + 1);

  const audits = await query<{ payload: { asOf: string; format: string } }>(
    `SELECT payload FROM audit_events WHERE org_id = $1 AND kind = 'export.aging'`,
    [org.id],
  );
  expect(audits.map((a) => `${a.payload.asOf} ${a.payload.format}`)).toEqual(
    expect.arrayContaining(["2026-09-30 csv", "2026-09-30 xlsx"]),
  );
});

test.describe("as viewer", () => {
  test.use(org.as("viewer"));

  test("downloads a customer's hand-off pack: a ZIP whose manifest hashes match its files", async ({ page }) => {
    const [row] = await query<{ customer_id: string }>(
      `SELECT customer_id FROM letters WHERE org_id = $1 ORDER BY sent_at, id LIMIT 1`,
      [org.id],
    );
    await page.goto(`/customers/${row.customer_id}`);
    const download = page.waitForEvent("download");
    await page.getByTestId("handoff-pack-link").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^handoff-pack-.+-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = await (await file.createReadStream()).toArray().then((chunks) => new Uint8Array(Buffer.concat(chunks)));
    const files = unzipSync(zip);
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as {
      files: { name: string; sha256: string }[];
    };
    expect(manifest.files.map((f) => f.name)).toEqual(
      expect.arrayContaining(["summary.pdf", "contact-history.csv", expect.stringMatching(/^letters\/letter-1-/)]),
    );
    for (const f of manifest.files) expect(createHash("sha256").update(files[f.name]).digest("hex")).toBe(f.sha256);
    const audits = await query<{ payload: { customerId: string } }>(
      `SELECT payload FROM audit_events WHERE org_id = $1 AND kind = 'handoff_pack.created'`,
      [org.id],
    );
    expect(audits.map((a) => a.payload.customerId)).toContain(row.customer_id);
  });
});
