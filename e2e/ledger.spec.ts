import { randomUUID } from "node:crypto";
import { expect, query, screenshot, test } from "./fixtures";
import { ownOrg } from "./own-org";

// Invoices and corrections as a ledger, on a copy of the demo data of its own (clock
// frozen at 2026-11-25): a collector enters an invoice by hand, sees it on the report,
// credits half, writes off the rest, and the customer is paid up.
const org = ownOrg("ledger");
test.use(org.as("collector"));

test("enter an invoice, see it on the report, credit half, write off the rest: the customer is paid up", async ({
  page,
}) => {
  test.setTimeout(180_000); // a dozen page loads and form posts, on a shared 2-core machine
  const customerId = randomUUID();
  const name = `Ledger Test Kunde ${customerId.slice(0, 6)}`;
  await query(
    "INSERT INTO customers (id, org_id, reference, name, currency, country) VALUES ($1, $2, $3, $4, 'EUR', 'Norway')",
    [customerId, org.id, `LEDGER-${customerId.slice(0, 8)}`, name],
  );
  const number = `HAND-${customerId.slice(0, 8)}`;

  await page.goto(`/customers/${customerId}`);
  await expect(page.getByTestId("customer-totals")).toContainText("Paid up");
  const enter = page.getByTestId("form-invoice");
  await enter.locator("summary").click();
  await enter.getByLabel("Invoice number").fill(number);
  await enter.getByLabel("Amount").fill("1 000,00");
  await enter.getByLabel("Issued on").fill("2026-10-01");
  await enter.getByLabel("Due on").fill("2026-10-31");
  await screenshot(page, "ledger-enter-invoice");
  await enter.getByRole("button", { name: "Enter invoice" }).click();
  await expect(page.getByText(`Invoice ${number} entered.`)).toBeVisible();
  await expect(page.getByTestId("customer-totals")).toContainText("€1,000.00");

  // On the report: 25 days past due, in 1-30.
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  const row = page.locator("[data-testid=accounts-table] tbody tr").filter({ hasText: name });
  await expect(row).toContainText("€1,000.00");
  await screenshot(page, "ledger-report");

  // Credit half.
  await page.goto(`/customers/${customerId}`);
  const credit = page.getByTestId("form-credit-note");
  await credit.locator("summary").click();
  await credit.getByLabel("Credit note number").fill(`CN-${customerId.slice(0, 8)}`);
  await credit.getByLabel("Amount").fill("500");
  await credit.getByLabel("Reason").fill("Half the delivery returned");
  await credit.getByRole("button", { name: "Record credit note" }).click();
  await expect(page.getByText(/Credit note CN-.* recorded\./)).toBeVisible();
  await expect(page.getByTestId("customer-totals")).toContainText("€500.00");

  // A credit larger than what is open is refused with the figure, and nothing changes.
  await credit.getByLabel("Credit note number").fill(`CN2-${customerId.slice(0, 8)}`);
  await credit.getByLabel("Amount").fill("600");
  await credit.getByLabel("Reason").fill("Too much");
  await credit.getByRole("button", { name: "Record credit note" }).click();
  await expect(page.getByText(/more than invoice .*'s open balance of €500\.00/).first()).toBeVisible();

  // Write off the rest.
  const writeOff = page.getByTestId("form-write-off");
  await writeOff.locator("summary").click();
  await writeOff.getByLabel("Reason").fill("Customer closed down");
  await writeOff.getByRole("button", { name: "Write off" }).click();
  // Nothing is open any more, so the forms give way to "No open invoice"; the figures say it.
  await expect(page.getByTestId("customer-totals")).toContainText("Paid up");
  await expect(page.locator(`[data-invoice="${number}"]`)).toContainText("Paid");

  // The invoice's movements, and the same among the contacts, newest first on request.
  const movements = page.locator(`[data-movements="${number}"]`);
  await expect(movements).toContainText("Credit note CN-");
  await expect(movements).toContainText("Write-off of €500.00");
  await page.getByTestId("history-order").click();
  await expect(page.getByTestId("history-money").first()).toContainText("Write-off of €500.00");
  await screenshot(page, "ledger-customer");

  const [stored] = await query<{ paid_minor: string; amount_minor: string }>(
    "SELECT paid_minor, amount_minor FROM invoices WHERE number = $1",
    [number],
  );
  expect(stored).toEqual({ paid_minor: "100000", amount_minor: "100000" });
  const [account] = await query<{ open_minor: string }>("SELECT open_minor FROM accounts WHERE customer_id = $1", [
    customerId,
  ]);
  expect(account.open_minor).toBe("0");

  // Off the report.
  await page.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(page.locator("[data-testid=accounts-table] tbody tr").filter({ hasText: name })).toHaveCount(0);

  // A payment with nothing open is kept as a credit on the account, and the report shows it as a negative row.
  await page.goto(`/customers/${customerId}`);
  const pay = page.getByTestId("form-payment");
  await pay.locator("summary").click();
  await pay.getByLabel("Amount").fill("75");
  await pay.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Payment recorded; kept on the account as unapplied cash")).toBeVisible();
  await expect(page.getByTestId("account-credit")).toContainText("€75.00");
  await page.goto("/");
  const [credits] = await query<{ credit: string }>(
    "SELECT sum(amount_minor)::text AS credit FROM payments WHERE org_id = $1 AND invoice_id IS NULL AND currency = 'EUR'",
    [org.id],
  );
  await expect(page.locator('[data-testid=credit-row][data-currency="EUR"]')).toContainText(
    `-€${(Number(credits.credit) / 100).toFixed(2)}`,
  );
  await screenshot(page, "ledger-report-credit");

  // Narrow screens.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/customers/${customerId}?history=newest`);
  await screenshot(page, "ledger-customer-390");
  await page.goto("/");
  await screenshot(page, "ledger-report-390");
});

test("an account whose credit on account covers its overdue amount is on the worklist to apply it, with no letter", async ({
  page,
}) => {
  await page.goto("/worklist");
  const [account] = await query<{ customer_id: string; currency: string; overdue_minor: string; name: string }>(
    `SELECT a.customer_id, a.currency, a.overdue_minor::text, c.name FROM account_work a JOIN customers c ON c.id = a.customer_id
     WHERE a.org_id = $1 AND a.due_stage IS NOT NULL ORDER BY a.priority DESC LIMIT 1`,
    [org.id],
  );
  const row = page.locator(`[data-testid=worklist] tbody tr[data-customer="${account.name}"]`);
  await expect(row.getByRole("link", { name: /^Preview letter \d$/ })).toBeVisible();
  // Cash received naming no invoice, as much as is overdue: we hold the customer's money.
  await query(
    `INSERT INTO payments (id, org_id, customer_id, invoice_id, currency, amount_minor, received_on, reference)
     VALUES (gen_random_uuid(), $1, $2, NULL, $3, $4, '2026-11-24', 'e2e unapplied cash')`,
    [org.id, account.customer_id, account.currency, account.overdue_minor],
  );
  await page.reload();
  await expect(row).toContainText("Apply credit");
  await expect(row).toContainText("Credit on account covers the overdue amount — apply it");
  await expect(row.getByRole("link", { name: /^Preview letter/ })).toHaveCount(0);
  await screenshot(page, "worklist-credit-1440");
  await page.goto(`/customers/${account.customer_id}`);
  await expect(page.getByTestId("next-action").first()).toContainText("Credit on account covers the overdue amount");
  await screenshot(page, "customer-credit-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/worklist");
  await screenshot(page, "worklist-credit-390");
});
