import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { INVOICES } from "@/lib/aging/aging-totals";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountQuerySchema, listAgingAccounts } from "@/lib/aging/list-accounts";
import { listWorklist } from "@/lib/collections/list-worklist";
import { Prisma } from "@/lib/generated/prisma/client";
import { enterRateAction, importRatesAction, setBaseCurrencyAction } from "@/lib/rates/actions";
import { convertToBase, loadRateTable } from "@/lib/rates/convert";
import { ratesValuesSql } from "@/lib/rates/rates-sql";
import { addDaysTo, clockNow, todayIn } from "@/lib/time/dates";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Exchange rates: entry and import (all or nothing), the rate table of a day,
// and the worklist and report comparing amounts in the base currency.

const db = useTestDb();

async function orgWithAdmin() {
  const org = await createOrg(db); // base currency EUR
  const [admin, collector, viewer] = await Promise.all([
    createUser(db, org.id, "ADMIN"),
    createUser(db, org.id, "COLLECTOR"),
    createUser(db, org.id, "VIEWER"),
  ]);
  const ctx = (user: { id: string }) => actionContextFor(db, user.id);
  return { org, admin: await ctx(admin), collector: await ctx(collector), viewer: await ctx(viewer) };
}

const rateCount = (orgId: string) => db.exchangeRate.count({ where: { orgId } });
const auditCount = (orgId: string) => db.auditEvent.count({ where: { orgId, kind: { startsWith: "rates." } } });

describe("entering a rate", () => {
  it("stores it with its source and who entered it, audited; a correction for the same day wins and keeps the first", async () => {
    const { org, admin } = await orgWithAdmin();
    const first = await runAction(enterRateAction, admin, {
      currency: "nok",
      validOn: "2026-11-30",
      rate: "11,7150",
      source: "ECB reference rate 30 Nov 2026",
    });
    expect(first).toEqual({ ok: true, message: "Rate saved: 1 EUR = 11.715 NOK from 2026-11-30." });
    const corrected = await runAction(enterRateAction, admin, {
      currency: "NOK",
      validOn: "2026-11-30",
      rate: "11.7200",
      source: "ECB, corrected",
    });
    expect(corrected).toMatchObject({ ok: true, message: expect.stringMatching(/^Corrected: .*11.72 NOK/) });
    const rows = await db.exchangeRate.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.currency, r.baseCurrency, r.rate.toString(), r.enteredById])).toEqual([
      ["NOK", "EUR", "11.715", admin.userId],
      ["NOK", "EUR", "11.72", admin.userId],
    ]);
    expect(await auditCount(org.id)).toBe(2);

    const onDay = await loadRateTable(db, { orgId: org.id, on: "2026-11-30" });
    expect(onDay.rates.get("NOK")).toMatchObject({ rate: "11.72", validOn: "2026-11-30", source: "ECB, corrected" });
    expect((await loadRateTable(db, { orgId: org.id, on: "2026-12-05" })).rates.get("NOK")?.rate).toBe("11.72");
    expect((await loadRateTable(db, { orgId: org.id, on: "2026-11-29" })).rates.size).toBe(0);

    // Append-only: the database refuses to rewrite history.
    await expect(db.$executeRaw`UPDATE exchange_rates SET rate = 1 WHERE org_id = ${org.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
  });

  it.each([
    ["an unknown currency", { currency: "XYZ" }, "currency", /The currency "XYZ" is not an ISO 4217 code/],
    ["a zero rate", { rate: "0" }, "rate", /A rate of zero/],
    ["a negative rate", { rate: "-11.7" }, "rate", /negative/],
    ["a malformed date", { validOn: "2026-13-01" }, "validOn", /The date "2026-13-01" is not a real date/],
    ["the base currency itself", { currency: "EUR" }, "currency", /EUR is the base currency/],
  ])("refuses %s with a clear message and changes nothing", async (_label, change, field, message) => {
    const { org, admin } = await orgWithAdmin();
    const input = { currency: "NOK", validOn: "2026-11-30", rate: "11.715", source: "ECB", ...change };
    const result = await runAction(enterRateAction, admin, input);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringMatching(message) });
    expect(!result.ok && result.fieldErrors?.[field]).toEqual([expect.stringMatching(message)]);
    expect(await rateCount(org.id)).toBe(0);
    expect(await auditCount(org.id)).toBe(0);
  });

  it("is for administrators only: collectors and viewers are refused and nothing is written", async () => {
    const { org, collector, viewer } = await orgWithAdmin();
    const input = { currency: "NOK", validOn: "2026-11-30", rate: "11.715", source: "ECB" };
    for (const ctx of [collector, viewer]) {
      expect(await runAction(enterRateAction, ctx, input)).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(
        await runAction(importRatesAction, ctx, { csv: "date,currency,rate\n2026-11-30,NOK,11.7\n", source: "x" }),
      ).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect(await runAction(setBaseCurrencyAction, ctx, { baseCurrency: "NOK" })).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    expect(await rateCount(org.id)).toBe(0);
  });
});

describe("CSV import", () => {
  it("imports nothing when one line is bad, naming the line", async () => {
    const { org, admin } = await orgWithAdmin();
    const csv =
      "date,currency,rate,source\n2026-11-30,NOK,11.7150,ECB\n2026-11-30,XYZ,2,ECB\n2026-11-30,USD,1.0446,ECB\n";
    const result = await runAction(importRatesAction, admin, { csv, source: "" });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: expect.stringMatching(/^Nothing was imported\. Line 3: The currency "XYZ" is not an ISO 4217 code/),
    });
    expect(await rateCount(org.id)).toBe(0);
    expect(await auditCount(org.id)).toBe(0);
  });

  it("imports an ECB file in one transaction with one audit record", async () => {
    const { org, admin } = await orgWithAdmin();
    const csv =
      "Date, USD, JPY, NOK, \n28 November 2026, 1.0446, 158.29, 11.7150, \n27 November 2026, 1.0401, 157.90, 11.6900, \n";
    const result = await runAction(importRatesAction, admin, { csv: new Blob([csv]), source: "" });
    expect(result).toEqual({
      ok: true,
      message: "Imported 6 rates against EUR (JPY, NOK, USD) for 2026-11-27 to 2026-11-28.",
    });
    expect(await auditCount(org.id)).toBe(1);
    const table = await loadRateTable(db, { orgId: org.id, on: "2026-11-30" });
    expect([...table.rates.values()].map((r) => [r.currency, r.rate, r.validOn])).toEqual([
      ["JPY", "158.29", "2026-11-28"],
      ["NOK", "11.715", "2026-11-28"],
      ["USD", "1.0446", "2026-11-28"],
    ]);
  });

  it("gives cross rates through the euro when the base is NOK", async () => {
    const { org, admin } = await orgWithAdmin();
    expect(await runAction(setBaseCurrencyAction, admin, { baseCurrency: "NOK" })).toMatchObject({ ok: true });
    const result = await runAction(importRatesAction, admin, {
      csv: "Date,USD,NOK\n2026-11-28,1.0446,11.7150\n",
      source: "",
    });
    expect(result).toMatchObject({ ok: true });
    const table = await loadRateTable(db, { orgId: org.id, on: "2026-11-30" });
    expect(table.base).toBe("NOK");
    expect(table.rates.get("EUR")?.rate).toBe("0.0853606487");
    // EUR 100.00 is NOK 1,171.50 (rounded half to even from the 10-decimal cross rate)
    expect(convertToBase(10_000n, "EUR", table)).toBe(117_150n);
  });
});

describe("comparing amounts in the base currency", () => {
  it("agrees with convertToBase in SQL, to the minor unit", async () => {
    const { org, admin } = await orgWithAdmin();
    for (const [currency, rate] of [
      ["NOK", "11.715"],
      ["JPY", "158.29"],
      ["KWD", "0.3207"],
      ["USD", "3"],
    ] as const)
      await runAction(enterRateAction, admin, { currency, validOn: "2026-11-01", rate, source: "test" });
    const table = await loadRateTable(db, { orgId: org.id, on: "2026-11-30" });
    const amounts = [0n, 1n, 2n, 3n, 5n, 7n, 15n, 99n, -3n, -5n, 6_353_400n, 123_456_789_012n, -987_654_321n];
    for (const currency of ["NOK", "JPY", "KWD", "USD", "EUR"]) {
      const rows = await db.$queryRaw<{ amount: bigint; converted: bigint }[]>(Prisma.sql`
        WITH rates AS (${ratesValuesSql(table)})
        SELECT a.amount, dd_convert_minor(a.amount, r.num, r.den) AS converted
        FROM unnest(${amounts.map(String)}::text[]::bigint[]) AS a(amount) JOIN rates r ON r.currency = ${currency}`);
      expect(rows.map((r) => [r.amount, r.converted])).toEqual(
        amounts.map((a) => [a, convertToBase(a, currency, table)]),
      );
    }
  });

  it("ranks the worklist by amount in the base currency; without a rate, after the others and the page says which", async () => {
    const { org, admin } = await orgWithAdmin();
    const now = clockNow();
    const today = todayIn(org.timeZone, now);
    const account = async (name: string, currency: string, amountMinor: number) => {
      const customer = await createCustomer(db, org.id, { name, currency });
      await createInvoice(db, customer, { amountMinor, dueDate: addDaysTo(today, -20) });
    };
    await account("Nordlys AS", "NOK", 6_353_400); // NOK 63,534.00
    await account("Euro Big GmbH", "EUR", 6_334_400); // EUR 63,344.00
    await account("Euro Small Srl", "EUR", 600_000); // EUR 6,000.00
    const order = async () => (await listWorklist(db, { orgId: org.id, now })).items.map((i) => i.name);

    // No NOK rate: NOK 63,534 is not compared with euros; it comes after them, and the page names NOK.
    expect(await order()).toEqual(["Euro Big GmbH", "Euro Small Srl", "Nordlys AS"]);
    expect((await listWorklist(db, { orgId: org.id, now })).comparison).toEqual({
      base: "EUR",
      rateDays: [],
      missing: ["NOK"],
    });

    // With the rate (entered after today's ranking: the entry re-ranks), NOK 63,534.00 = EUR 5,423.30.
    await runAction(enterRateAction, admin, { currency: "NOK", validOn: today, rate: "11.715", source: "ECB" });
    expect(await order()).toEqual(["Euro Big GmbH", "Euro Small Srl", "Nordlys AS"]);
    const list = await listWorklist(db, { orgId: org.id, now });
    expect(list.comparison).toEqual({ base: "EUR", rateDays: [{ validOn: today, currencies: ["NOK"] }], missing: [] });
    expect(list.items.find((i) => i.name === "Nordlys AS")?.overdueInBase).toBe(542_330);

    // A correction for the same day (1 EUR = 1.1 NOK, a made-up rate) puts NOK 63,534 = EUR 57,758.18 between the two.
    await runAction(enterRateAction, admin, { currency: "NOK", validOn: today, rate: "1.1", source: "test" });
    expect(await order()).toEqual(["Euro Big GmbH", "Nordlys AS", "Euro Small Srl"]);
    // 1 EUR = 0.5 NOK: NOK 63,534 = EUR 127,068 is the largest.
    await runAction(enterRateAction, admin, { currency: "NOK", validOn: today, rate: "0.5", source: "test" });
    expect(await order()).toEqual(["Nordlys AS", "Euro Big GmbH", "Euro Small Srl"]);
  });

  it("sorts the report by open amount in the base currency, page by page, the accounts without a rate last per currency", async () => {
    const { org, admin } = await orgWithAdmin();
    const today = todayIn(org.timeZone, clockNow());
    const specs: [string, number][] = [];
    for (let i = 0; i < 8; i++) {
      specs.push(
        ["EUR", 100_000 + i * 37_003],
        ["NOK", 1_000_000 + i * 411_007],
        ["JPY", 150_000 + i * 9_001],
        ["USD", 90_000 + i * 50_000],
      );
    }
    specs.push(["EUR", 100_000], ["EUR", 100_000]); // ties on the amount: broken by name
    let n = 0;
    for (const [currency, amountMinor] of specs) {
      const customer = await createCustomer(db, org.id, {
        name: `Acct ${String(n++).padStart(2, "0")} ${currency}`,
        currency,
      });
      await createInvoice(db, customer, { amountMinor, dueDate: addDaysTo(today, -5) });
    }
    await runAction(enterRateAction, admin, { currency: "NOK", validOn: today, rate: "11.715", source: "ECB" });
    await runAction(enterRateAction, admin, { currency: "JPY", validOn: today, rate: "158.29", source: "ECB" });
    const table = await loadRateTable(db, { orgId: org.id, on: today });

    for (const dir of ["desc", "asc"] as const) {
      const query = accountQuerySchema.parse({ sort: "open", dir });
      const report = await getAgingReport(db, { orgId: org.id, timeZone: org.timeZone, today, query });
      expect(report.comparison).toEqual({
        base: "EUR",
        rateDays: [{ validOn: today, currencies: ["JPY", "NOK"] }],
        missing: ["USD"],
      });
      // Pages of 4, so each currency's walk (page x 4 rows) is shorter than the currency.
      const pages: string[] = [];
      for (let page = 1; page <= 10; page++) {
        const paged = { ...query, page };
        const result = await listAgingAccounts(db, {
          orgId: org.id,
          today,
          query: paged,
          pageSize: 4,
          rates: table,
          currencies: report.currencies,
        });
        pages.push(...result.rows.map((r) => r.name));
      }
      // The aggregate path (used with a search or a bucket filter) orders the same way.
      const aggregated = await listAgingAccounts(db, {
        orgId: org.id,
        today,
        query,
        pageSize: 100,
        rates: table,
        invoices: INVOICES,
      });
      expect(aggregated.rows.map((r) => r.name)).toEqual(pages);
      // The expected order, computed here from the invoices with convertToBase.
      const rows = await db.customer.findMany({ where: { orgId: org.id }, include: { invoices: true } });
      const sign = dir === "desc" ? -1 : 1;
      const expected = rows
        .map((c) => {
          const open = c.invoices[0].amountMinor;
          return { name: c.name, currency: c.currency, open, base: convertToBase(open, c.currency.trim(), table) };
        })
        .sort(
          (a, b) =>
            Number(a.base === null) - Number(b.base === null) ||
            (a.base !== null && b.base !== null && a.base !== b.base ? sign * (a.base < b.base ? -1 : 1) : 0) ||
            a.currency.localeCompare(b.currency) ||
            (a.open !== b.open ? sign * (a.open < b.open ? -1 : 1) : 0) ||
            a.name.localeCompare(b.name),
        )
        .map((r) => r.name);
      expect(pages).toEqual(expected);
    }
  });
});
