import { beforeAll, describe, expect, inject, it } from "vitest";
import { minorUnitsField } from "@/lib/actions/fields";
import { ACCOUNT_SORTS, accountQuerySchema } from "@/lib/aging/list-accounts";
import { getAgingPage } from "@/lib/aging/pages";
import type { SessionUser } from "@/lib/auth/session-user";
import { getWorklistPage } from "@/lib/collections/pages";
import { loadCustomerPage } from "@/lib/customer-page/load-customer-page";
import { getDashboardPage } from "@/lib/dashboard/pages";
import { parseImportAmount } from "@/lib/imports/parse-values";
import { getBulkSendPlanPage } from "@/lib/letters/pages";
import { MAX_AMOUNT_MINOR, parseMoney } from "@/lib/money/money";
import { dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { getTodayPage } from "@/lib/today/pages";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";

// Issue 22, finding 4: no stored amount, date or rate may make a page fail. Each case
// stores an organization's worth of extreme data (the largest amount the doors accept,
// several on one account, dates in 1900 and 2100, rates of 0.0000000001 and 10^9) and
// loads every main page through its loader: the report (every sort), the dashboard, the
// customer page, the worklist, Today and the send plan. None may throw.

const db = useTestDb();
beforeAll(() => {
  process.env.DATABASE_URL = inject("testDatabaseUrl"); // the loaders use the app's client
});

/** A small deterministic generator (mulberry32), so a failing case can be replayed by its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AMOUNTS = [1, 99, MAX_AMOUNT_MINOR - 1, MAX_AMOUNT_MINOR];
const DUE_DATES = ["1900-01-01", "1999-12-31", "2026-06-30", "2100-12-31"] as const;
const RATES = ["0.0000000001", "0.0001", "1.2345", "1000000000", null];
const CURRENCIES = ["EUR", "NOK", "JPY", "KWD"];

async function extremeOrg(seed: number) {
  const pick = random(seed);
  const one = <T>(list: readonly T[]) => list[Math.floor(pick() * list.length)];
  const org = await createOrg(db);
  const admin = await createUser(db, org.id, "ADMIN");
  const customers = [];
  for (let c = 0; c < 3; c++) {
    const currency = one(CURRENCIES);
    const customer = await createCustomer(db, org.id, { currency });
    customers.push(customer);
    const invoices = 1 + Math.floor(pick() * 3);
    for (let i = 0; i < invoices; i++) {
      const due = one(DUE_DATES);
      const invoice = await createInvoice(db, customer, { amountMinor: one(AMOUNTS), dueDate: due, issueDate: due });
      if (pick() < 0.3) await createPayment(db, { ...invoice, currency }, { amountMinor: 1, receivedOn: due });
    }
  }
  for (const currency of CURRENCIES.filter((c) => c !== "EUR")) {
    const rate = one(RATES);
    if (rate)
      await db.exchangeRate.create({
        data: {
          orgId: org.id,
          currency,
          baseCurrency: "EUR",
          rate,
          validOn: dateOnlyToDb("2000-01-01"),
          source: "extreme test",
          enteredById: admin.id,
        },
      });
  }
  const user: SessionUser = {
    userId: admin.id,
    orgId: org.id,
    role: "ADMIN",
    name: admin.name,
    email: admin.email,
    orgName: org.name,
    timeZone: org.timeZone,
    locale: "en-GB",
  };
  return { user, customers };
}

describe("pages with extreme data", () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: every main page loads`, async () => {
      const { user, customers } = await extremeOrg(seed);
      const today = todayIn(user.timeZone);
      for (const sort of ACCOUNT_SORTS)
        for (const dir of ["asc", "desc"])
          await expect(
            getAgingPage(user, { today, query: accountQuerySchema.parse({ sort, dir }) }),
            `report sorted by ${sort} ${dir}`,
          ).resolves.toBeTruthy();
      await expect(
        getAgingPage(user, { today, query: accountQuerySchema.parse({}), asOf: "2000-01-01" }),
      ).resolves.toBeTruthy();
      await expect(getDashboardPage(user, { today }), "dashboard").resolves.toBeTruthy();
      for (const customer of customers)
        await expect(loadCustomerPage(user, customer.id), "customer page").resolves.toBeTruthy();
      await expect(getWorklistPage(user, 1), "worklist").resolves.toBeTruthy();
      await expect(getTodayPage(user, { mine: false }), "today").resolves.toBeTruthy();
      const plan = await getBulkSendPlanPage(user, undefined);
      expect(plan, "send plan").not.toHaveProperty("error");
    }, 120_000);
  }
});

describe("the amount ceiling at every door", () => {
  it("forms, imports and the API schema accept 10^13 minor units and refuse one more", () => {
    expect(minorUnitsField.safeParse(MAX_AMOUNT_MINOR).success).toBe(true);
    expect(minorUnitsField.safeParse(String(MAX_AMOUNT_MINOR + 1)).error?.issues[0].message).toMatch(/too large/);
    expect(minorUnitsField.safeParse(9_007_199_254_740_991).success).toBe(false);
    expect(parseMoney("90,071,992,547,409.91", "EUR")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/too large/),
    });
    expect(parseImportAmount("100000000000.00", "EUR", ".")).toEqual({ ok: true, value: MAX_AMOUNT_MINOR });
    expect(parseImportAmount("90071992547409.91", "EUR", ".")).toMatchObject({ ok: false });
  });
});
