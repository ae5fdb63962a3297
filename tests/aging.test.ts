import { describe, expect, it } from "vitest";
import { getAgingTotals } from "@/lib/aging/aging-totals";
import { accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import { verifyPassword } from "@/lib/auth/password";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { useTestDb } from "./db";
import {
  createCustomer,
  createInvoice,
  createOrg,
  createPayment,
  TEST_PASSWORD,
  TEST_PASSWORD_HASH,
} from "./factories";

const db = useTestDb();
const TODAY = "2026-06-30";

/**
 * Fixture, as of 2026-06-30:
 *   Alpha (EUR): 1000.00 due 06-30 (current), 250.55 due 06-29 (1 day), 400.00 due 05-31
 *                (30 days) with 150.10 paid, 99.99 due 01-01 paid in full (closed)
 *   Beta  (EUR): 731.00 due 05-30 (31 days), 60.00 due 04-01 (90 days), 12.34 due 03-31 (91 days)
 *   Gamma (NOK): 5 000,00 due 07-15 (current) with 1 000,00 paid, 800,00 due 2025-12-01 (211 days)
 */
async function seedFixture() {
  const org = await createOrg(db);
  const alpha = await createCustomer(db, org.id, { name: "Alpha GmbH", currency: "EUR" });
  const beta = await createCustomer(db, org.id, { name: "Beta SpA", currency: "EUR" });
  const gamma = await createCustomer(db, org.id, { name: "Gamma AS", currency: "NOK" });
  await createInvoice(db, alpha, { amountMinor: 100000, dueDate: "2026-06-30" });
  await createInvoice(db, alpha, { amountMinor: 25055, dueDate: "2026-06-29" });
  const partly = await createInvoice(db, alpha, { amountMinor: 40000, dueDate: "2026-05-31" });
  await createPayment(db, partly, { amountMinor: 15010, receivedOn: "2026-06-10" });
  const paid = await createInvoice(db, alpha, { amountMinor: 9999, dueDate: "2026-01-01" });
  await createPayment(db, paid, { amountMinor: 5000, receivedOn: "2026-01-05" });
  await createPayment(db, paid, { amountMinor: 4999, receivedOn: "2026-01-20" });
  await createInvoice(db, beta, { amountMinor: 73100, dueDate: "2026-05-30" });
  await createInvoice(db, beta, { amountMinor: 6000, dueDate: "2026-04-01" });
  await createInvoice(db, beta, { amountMinor: 1234, dueDate: "2026-03-31" });
  const nok = await createInvoice(db, gamma, { amountMinor: 500000, dueDate: "2026-07-15" });
  await createPayment(db, nok, { amountMinor: 100000, receivedOn: "2026-06-20" });
  await createInvoice(db, gamma, { amountMinor: 80000, dueDate: "2025-12-01" });
  return { org, alpha, beta, gamma };
}

describe("aging report", () => {
  it("totals every bucket per currency to the cent", async () => {
    const { org } = await seedFixture();
    const totals = await getAgingTotals(db, { orgId: org.id, today: TODAY });
    expect(totals).toEqual([
      {
        currency: "EUR",
        open: 100000 + 25055 + 24990 + 73100 + 6000 + 1234,
        overdue: 25055 + 24990 + 73100 + 6000 + 1234,
        current: 100000,
        d1_30: 25055 + 24990,
        d31_60: 73100,
        d61_90: 6000,
        d90_plus: 1234,
        accounts: 2,
        overdueAccounts: 2,
      },
      {
        currency: "NOK",
        open: 400000 + 80000,
        overdue: 80000,
        current: 400000,
        d1_30: 0,
        d31_60: 0,
        d61_90: 0,
        d90_plus: 80000,
        accounts: 1,
        overdueAccounts: 1,
      },
    ]);
  });

  it("lists accounts with bucket amounts, sorted and filtered", async () => {
    const { org, alpha, beta, gamma } = await seedFixture();
    const list = (q: Record<string, string>) =>
      listAgingAccounts(db, { orgId: org.id, today: TODAY, query: accountQuerySchema.parse(q) });

    const byOldest = await list({});
    expect(byOldest.total).toBe(3);
    expect(byOldest.rows.map((r) => [r.name, r.oldestDaysPastDue])).toEqual([
      ["Gamma AS", 211],
      ["Beta SpA", 91],
      ["Alpha GmbH", 30],
    ]);
    expect(byOldest.rows[2]).toMatchObject({
      customerId: alpha.id,
      open: 150045,
      current: 100000,
      d1_30: 50045,
      d31_60: 0,
      stage: null,
      lastContactAt: null,
    });

    const byOpenAsc = await list({ sort: "open", dir: "asc" });
    expect(byOpenAsc.rows.map((r) => r.customerId)).toEqual([beta.id, alpha.id, gamma.id]);

    expect((await list({ bucket: "d61_90" })).rows.map((r) => r.name)).toEqual(["Beta SpA"]);
    expect((await list({ currency: "NOK" })).rows.map((r) => r.name)).toEqual(["Gamma AS"]);
    expect((await list({ q: "spa" })).rows.map((r) => r.name)).toEqual(["Beta SpA"]);
    expect((await list({ q: "100%_" })).rows).toEqual([]);
    expect((await list({ sort: "last_contact", dir: "desc" })).total).toBe(3);
    // Hostile sort input falls back to the default instead of reaching SQL.
    expect((await list({ sort: "name; DROP TABLE invoices" })).rows[0].name).toBe("Gamma AS");
  });

  it("paginates without losing or repeating accounts", async () => {
    const { org } = await seedFixture();
    const pages = [];
    for (let page = 1; page <= 2; page++) {
      const result = await listAgingAccounts(db, {
        orgId: org.id,
        today: TODAY,
        pageSize: 2,
        query: accountQuerySchema.parse({ page: String(page), sort: "name", dir: "asc" }),
      });
      pages.push(...result.rows.map((r) => r.name));
    }
    expect(pages).toEqual(["Alpha GmbH", "Beta SpA", "Gamma AS"]);
  });

  it("shows a customer's invoices with paid, open and days past due", async () => {
    const { org, alpha } = await seedFixture();
    const account = await getCustomerAccount(db, { orgId: org.id, customerId: alpha.id, today: TODAY });
    expect(account.totals).toEqual([{ currency: "EUR", open: 150045, overdue: 50045 }]);
    expect(account.invoices.map((i) => [i.dueDate, i.amount, i.paid, i.open, i.daysPastDue])).toEqual([
      ["2026-06-30", 100000, 0, 100000, 0],
      ["2026-06-29", 25055, 0, 25055, 1],
      ["2026-05-31", 40000, 15010, 24990, 30],
      ["2026-01-01", 9999, 9999, 0, 180],
    ]);
  });

  it("never shows one organization's customer to another", async () => {
    const { alpha } = await seedFixture();
    const other = await createOrg(db);
    await expect(getCustomerAccount(db, { orgId: other.id, customerId: alpha.id, today: TODAY })).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    expect(await getAgingTotals(db, { orgId: other.id, today: TODAY })).toEqual([]);
  });

  it("refuses an overpayment in the database itself", async () => {
    const { alpha } = await seedFixture();
    const inv = await createInvoice(db, alpha, { amountMinor: 1000, dueDate: TODAY });
    await expect(createPayment(db, inv, { amountMinor: 1001, receivedOn: TODAY })).rejects.toThrow();
    expect((await db.invoice.findUniqueOrThrow({ where: { id: inv.id } })).paidMinor).toBe(0n);
  });

  it("factories' password hash is real", async () => {
    expect(await verifyPassword(TEST_PASSWORD, TEST_PASSWORD_HASH)).toBe(true);
  });
});
