import { readFileSync } from "node:fs";
import path from "node:path";
import { formatMoney } from "@/lib/money/money";
import { formatDateOnly } from "@/lib/time/dates";
import { DEMO_ORG_ID } from "@/tooling/demo/seed-demo";
import { expect, query, screenshot, storageFor, test } from "./fixtures";

// Each system's export (made-up files shaped like them, tests/fixtures/imports)
// through the Import page with nothing chosen by hand: the suggested mapping and
// the detected formats. Every amount and date is then checked on the customer
// page and the customer's open balance on the report.
test.use({ storageState: storageFor("collector") });
const LOCALE = "en-GB";
const fixture = (name: string) => readFileSync(path.join("tests/fixtures/imports", name));

async function importThroughPage(page: import("@playwright/test").Page, kind: string, name: string, rows: number) {
  await page.goto("/import");
  await page.getByRole("radio", { name: new RegExp(`^${kind}`, "i") }).check();
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: fixture(name) });
  await page.getByRole("button", { name: "Upload and map columns" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("No problems found.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId("import-preview")).toBeVisible();
  await screenshot(page, `import-${name.replace(/\.csv$/, "")}-checked`);
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, `import-${name.replace(/\.csv$/, "")}-checked-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: `Import ${rows} ${rows === 1 ? "row" : "rows"}` }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 20_000 });
}

interface Expected {
  customer: string; // name
  number: string;
  issued: string;
  due: string;
  amount: number;
  open: number;
  currency: string;
}

const SYSTEMS: {
  system: string;
  customers: [string, number];
  invoices: [string, number];
  expected: Expected[];
  preview: string;
}[] = [
  {
    system: "Tripletex",
    customers: ["tripletex-customers-nb.csv", 2],
    invoices: ["tripletex-invoices-nb.csv", 3],
    preview: "15 January 2026",
    expected: [
      {
        customer: "Fjellvind Bygg AS",
        number: "10001",
        issued: "2026-01-15",
        due: "2026-01-29",
        amount: 1250000,
        open: 1250000,
        currency: "NOK",
      },
      {
        customer: "Fjellvind Bygg AS",
        number: "10003",
        issued: "2026-02-20",
        due: "2026-03-06",
        amount: 98000,
        open: 98000,
        currency: "NOK",
      },
      {
        customer: "Havbris Sjømat AS",
        number: "10002",
        issued: "2026-02-03",
        due: "2026-02-17",
        amount: 375050,
        open: 100000,
        currency: "NOK",
      },
    ],
  },
  {
    system: "Fatture in Cloud",
    customers: ["fattureincloud-clients-it.csv", 2],
    invoices: ["fattureincloud-invoices-it.csv", 2],
    preview: "22 January 2026",
    expected: [
      {
        customer: "Rossi & Figli S.r.l.",
        number: "1",
        issued: "2026-01-15",
        due: "2026-02-14",
        amount: 1220000,
        open: 1220000,
        currency: "EUR",
      },
      {
        customer: "Bianchi Costruzioni S.p.A.",
        number: "2",
        issued: "2026-01-22",
        due: "2026-02-21",
        amount: 123456,
        open: 23456,
        currency: "EUR",
      },
    ],
  },
  {
    system: "Xero",
    customers: ["xero-contacts-en.csv", 2],
    invoices: ["xero-invoices-en.csv", 3],
    preview: "14 February 2026",
    expected: [
      {
        customer: "Harbour Lights Ltd",
        number: "INV-0041",
        issued: "2026-01-15",
        due: "2026-02-14",
        amount: 150000,
        open: 150000,
        currency: "GBP",
      },
      {
        customer: "Meadow Farm Co",
        number: "INV-0042",
        issued: "2026-01-20",
        due: "2026-02-19",
        amount: 24000,
        open: 4000,
        currency: "GBP",
      },
    ],
  },
];

for (const s of SYSTEMS) {
  test(`${s.system}: customers and invoices import as exported, amounts and dates exact on the customer page and the report`, async ({
    page,
  }) => {
    await importThroughPage(page, "customers", ...s.customers);
    await importThroughPage(page, "invoices", s.invoices[0], s.invoices[1]);
    for (const e of s.expected) {
      const [customer] = await query<{ id: string }>(`SELECT id FROM customers WHERE org_id = $1 AND name = $2`, [
        DEMO_ORG_ID,
        e.customer,
      ]);
      await page.goto(`/customers/${customer.id}`);
      const row = page.getByTestId("invoice-table").locator("tr", { has: page.getByText(e.number, { exact: true }) });
      await expect(row).toContainText(formatDateOnly(e.issued, LOCALE));
      await expect(row).toContainText(formatDateOnly(e.due, LOCALE));
      await expect(row).toContainText(formatMoney(e.amount, e.currency, LOCALE));
      await expect(row).toContainText(formatMoney(e.open, e.currency, LOCALE));
    }
    await screenshot(page, `import-${s.system.replace(/\s/g, "-").toLowerCase()}-customer`);
    const byCustomer = new Map<string, Expected[]>();
    for (const e of s.expected) byCustomer.set(e.customer, [...(byCustomer.get(e.customer) ?? []), e]);
    for (const [name, list] of byCustomer) {
      await page.goto(`/?q=${encodeURIComponent(name)}`);
      const open = list.reduce((sum, e) => sum + e.open, 0);
      const row = page.getByTestId("accounts-table").locator("tbody tr", { hasText: name });
      await expect(row).toContainText(formatMoney(open, list[0].currency, LOCALE));
    }
  });
}

test("a file that changes a stored invoice says so before importing, and imports it only when confirmed", async ({
  page,
}) => {
  const [customer] = await query<{ reference: string }>(
    `SELECT reference FROM customers WHERE org_id = $1 AND currency = 'EUR' ORDER BY created_at, reference LIMIT 1`,
    [DEMO_ORG_ID],
  );
  const file = (due: string) =>
    Buffer.from(
      `Fakturanummer;Kundenummer;Fakturadato;Forfallsdato;Beløp\nCHG-1;${customer.reference};20.02.2026;${due};980,00\n`,
    );
  const upload = async (name: string, due: string) => {
    await page.goto("/import");
    await page.getByRole("radio", { name: /^invoices/i }).check();
    await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: file(due) });
    await page.getByRole("button", { name: "Upload and map columns" }).click();
    await page.getByRole("button", { name: "Check the file" }).click();
  };
  await upload("chg-first.csv", "06.03.2026");
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 20_000 });

  await upload("chg-second.csv", "20.03.2026");
  const changes = page.getByTestId("import-changes");
  await expect(changes).toBeVisible({ timeout: 20_000 });
  await expect(
    page.getByRole("heading", { name: /This file changes 1 invoice already in Dunning Desk: 1 change dates/ }),
  ).toBeVisible();
  await expect(changes.locator("tbody tr")).toHaveText(/2\s*CHG-1.*due 6 Mar 2026.*due 20 Mar 2026/);
  await screenshot(page, "import-changes");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "import-changes-390");
  await page.setViewportSize({ width: 1440, height: 900 });
  // The browser refuses the import until the confirmation is ticked.
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).not.toBeVisible();
  await page.getByLabel(/Change the invoice as listed/).check();
  await page.getByRole("button", { name: "Import 1 row" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 20_000 });
  const [corrected] = await query<{ n: string }>(
    `SELECT count(*)::text AS n FROM audit_events WHERE org_id = $1 AND kind = 'invoice.corrected' AND payload->>'number' = 'CHG-1'`,
    [DEMO_ORG_ID],
  );
  expect(corrected.n).toBe("1");
});
