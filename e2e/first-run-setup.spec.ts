import { type BrowserContext, type Page, test } from "@playwright/test";
import { expect, problems, screenshot } from "./fixtures";
import { type FreshServer, startFreshServer } from "./fresh-server";
import { expectStartPage } from "./start-page";

// Adoption, as a new company lives it: a brand-new server on an empty database,
// setup with the code npm start printed, the first admin signs in, creates a
// customer and finds it in the customer list. One server for the whole story,
// steps in order (serial): later steps (invoices, credits, write-offs) append
// to the same story and reuse `company` and `customer` below.

test.describe.configure({ mode: "serial", timeout: 240_000 });

let server: FreshServer;
let context: BrowserContext;
let page: Page;
const company = {
  name: "Fjellvind Verktøy AS",
  adminName: "Kari Nordmann",
  adminEmail: `kari-${Date.now()}@fjellvind.example`,
  adminPassword: "a long enough passphrase",
};
const customer = { reference: "K-1001", name: "Bjørkli Rør AS", email: "faktura@bjorkli.example" };
const at = (path: string) => `${server.url}${path}`;

/** Both widths every added page is checked at: a screenshot to look at, and axe's serious findings. */
async function screens(name: string) {
  const found = await problems(page, `${name} at 1440`);
  await screenshot(page, `${name}-1440`);
  await page.setViewportSize({ width: 390, height: 844 });
  found.push(...(await problems(page, `${name} at 390`)));
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(found).toEqual([]);
}

test.beforeAll(async ({ browser }) => {
  server = await startFreshServer();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});
test.afterAll(async () => {
  await context?.close();
  await server?.stop();
});

test("a fresh server offers setup instead of sign-in, and refuses a wrong code", async () => {
  await page.goto(at("/"));
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up your company" })).toBeVisible();
  await screens("setup");

  const form = page.getByTestId("setup-form");
  await form.getByLabel("Legal name").fill(company.name);
  await form.getByLabel("Registration number").fill("923 456 789");
  await form.getByLabel("VAT number").fill("NO923456789MVA");
  await form.getByLabel("Country").selectOption("NO");
  await form.getByLabel("Time zone").selectOption("Europe/Oslo");
  await form.getByLabel("Base currency").selectOption("NOK");
  await form.getByLabel("Locale").fill("nb-NO");
  await form.getByLabel("Address line 1").fill("Storgata 12");
  await form.getByLabel("Postal code").fill("0155");
  await form.getByLabel("City").fill("Oslo");
  await form.getByLabel("Contact person").fill(company.adminName);
  await form.getByLabel("Email", { exact: true }).first().fill("regnskap@fjellvind.example");
  await form.getByLabel("Phone").fill("+47 22 00 00 00");
  await form.getByLabel("Payment instructions").fill("Konto 1503.12.34567, merk med fakturanummer");
  await form.getByLabel("Name", { exact: true }).fill(company.adminName);
  await form.locator('input[name="adminEmail"]').fill(company.adminEmail);
  await form.getByLabel("Password").fill(company.adminPassword);
  await form.getByLabel("One-time setup code").fill("AAAA-BBBB-CCCC-DDDD");
  await form.getByRole("button", { name: "Set up the company" }).click();
  await expect(form.getByText("That setup code is not right.")).toBeVisible();
  await screens("setup-wrong-code");
});

test("setup with the printed code, then the first admin signs in", async () => {
  const form = page.getByTestId("setup-form");
  await form.getByLabel("One-time setup code").fill(server.code);
  await form.getByRole("button", { name: "Set up the company" }).click();
  await expect(page).toHaveURL(/\/sign-in\?setup=done/);
  await expect(page.getByRole("status")).toContainText("Your company is set up");
  await screens("sign-in-after-setup");
  await page.getByLabel("Email").fill(company.adminEmail);
  await page.getByLabel("Password").fill(company.adminPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectStartPage(page, "ADMIN");
  await expect(page.getByRole("banner")).toContainText(company.name);

  // Setup is over: the page now sends the signed-in admin to their start page.
  await page.goto(at("/setup"));
  await expectStartPage(page, "ADMIN");
});

test("the organization's settings show what setup asked", async () => {
  await page.goto(at("/settings"));
  await page.getByRole("link", { name: /Organization/ }).click();
  const form = page.getByTestId("organization-form");
  await expect(form.getByLabel("Legal name")).toHaveValue(company.name);
  await expect(form.getByLabel("Country")).toHaveValue("NO");
  await expect(form.getByLabel("Time zone")).toHaveValue("Europe/Oslo");
  await screens("settings-organization");
});

test("the admin creates a customer and finds it in the customer list, accents folded", async () => {
  await page.goto(at("/customers"));
  await expect(page.getByText("No customer matches.")).toBeVisible();
  await page.getByRole("link", { name: "New customer" }).click();
  const form = page.getByTestId("customer-form");
  await expect(form.getByLabel("Currency")).toHaveValue("NOK"); // the organization's base currency
  await form.getByLabel("Reference").fill(customer.reference);
  await form.getByLabel("Name", { exact: true }).fill(customer.name);
  await form.getByLabel("Country").selectOption("NO");
  await form.getByLabel("Language of letters").selectOption("nb");
  await form.getByLabel("Email").fill(customer.email);
  await form.getByLabel("Address line 1").fill("Rørveien 2");
  await form.getByLabel("Postal code").fill("0150");
  await form.getByLabel("City").fill("Oslo");
  await screens("customer-new");
  await form.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("heading", { name: customer.name })).toBeVisible();

  await page.goto(at("/customers"));
  await page.getByLabel("Search").fill("bjorkli");
  await page.getByRole("button", { name: "Apply" }).click();
  const table = page.getByTestId("customers-table");
  await expect(table.getByRole("link", { name: customer.name })).toBeVisible();
  await expect(table).toContainText(customer.reference);
  await expect(table).toContainText("Paid up");
  await screens("customers-list");
});

test("the admin pauses dunning with a reason; the list and the customer page say so", async () => {
  await page.goto(at("/customers"));
  await page.getByRole("link", { name: customer.name }).click();
  await page.getByRole("link", { name: "Edit customer" }).click();
  const form = page.getByTestId("customer-form");
  await form.locator('select[name="dunning"]').selectOption("paused");
  await form.getByLabel("Reason for the pause").fill("Disputes the delivery; waiting for the carrier");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText("Saved: dunning pause.");
  await screens("customer-edit");
  await page.goto(at("/customers?paused=yes"));
  await expect(page.getByTestId("customers-table")).toContainText("Paused");
  await page.getByRole("link", { name: customer.name }).click();
  await expect(page.getByTestId("dunning-paused")).toContainText("Disputes the delivery");
});
