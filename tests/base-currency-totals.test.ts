import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountQuerySchema } from "@/lib/aging/list-accounts";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { enterRateAction } from "@/lib/rates/actions";
import { addDaysTo, type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Section 2 of issue 27: the dashboard and the aging report add every currency's
// totals up in the base currency. The expected figures here are computed
// independently of lib/rates: from the rate rows as stored, with exact integer
// arithmetic and the documented rule (each currency's total converted once,
// rounded half to even, then added).

const db = useTestDb();

/** ISO 4217 minor digits of the currencies this test uses. */
const DIGITS: Record<string, number> = { EUR: 2, NOK: 2, JPY: 0, KWD: 3, USD: 2 };

function halfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  const twice = 2n * (r < 0n ? -r : r);
  if (twice < den || (twice === den && q % 2n === 0n)) return q;
  return q + (num < 0n ? -1n : 1n);
}

/** amount (minor units of `currency`) in EUR cents at "1 EUR = rate currency". */
function toEurCents(amount: bigint, currency: string, rate: string): bigint {
  const [whole, frac = ""] = rate.split(".");
  const mantissa = BigInt(whole + frac);
  const exponent = DIGITS.EUR - DIGITS[currency] + frac.length;
  return exponent >= 0
    ? halfEven(amount * 10n ** BigInt(exponent), mantissa)
    : halfEven(amount, mantissa * 10n ** BigInt(-exponent));
}

/** The newest stored rate per currency on or before `on`, read straight from the table. */
async function storedRates(orgId: string, on: DateOnly) {
  const rows = await db.exchangeRate.findMany({
    where: { orgId },
    orderBy: [{ validOn: "desc" }, { createdAt: "desc" }],
  });
  const latest = new Map<string, { rate: string; validOn: DateOnly }>();
  for (const r of rows) {
    const validOn = dateOnlyFromDb(r.validOn);
    if (validOn <= on && !latest.has(r.currency)) latest.set(r.currency, { rate: r.rate.toString(), validOn });
  }
  return latest;
}

describe("totals in the base currency", () => {
  it("equal an independent conversion of each currency's totals, name the rate days and list the currency without a rate", async () => {
    const org = await createOrg(db); // base currency EUR
    const admin = await actionContextFor(db, (await createUser(db, org.id, "ADMIN")).id);
    const today = todayIn(org.timeZone);
    const enter = (currency: string, validOn: DateOnly, rate: string) =>
      runAction(enterRateAction, admin, { currency, validOn, rate, source: "ECB reference rate (test)" });
    for (const [currency, validOn, rate] of [
      ["NOK", addDaysTo(today, -40), "11.5"],
      ["NOK", addDaysTo(today, -3), "11.715"],
      ["NOK", addDaysTo(today, 5), "99"], // after today: not used today
      ["JPY", addDaysTo(today, -10), "158.29"],
      ["KWD", addDaysTo(today, -3), "0.3207"],
    ] as const)
      expect(await enter(currency, validOn, rate)).toMatchObject({ ok: true });

    // Open invoices per currency, some overdue; odd amounts so that rounding matters.
    const open: [string, number, number][] = [
      ["EUR", 123_45, -12],
      ["EUR", 99, 20],
      ["NOK", 6_353_401, -45],
      ["NOK", 1_17_151, -2],
      ["NOK", 33_333, 30],
      ["JPY", 1_234_567, -95],
      ["JPY", 7, 1],
      ["KWD", 12_345, -61],
      ["USD", 500_00, -5], // no USD rate
    ];
    for (const [currency, amount, dueIn] of open) {
      const customer = await createCustomer(db, org.id, { currency });
      await createInvoice(db, customer, {
        amountMinor: amount,
        dueDate: addDaysTo(today, dueIn),
        issueDate: addDaysTo(today, -100),
      });
    }

    const rates = await storedRates(org.id, today);
    const expected = { open: 0n, overdue: 0n, d1_30: 0n, d61_90: 0n };
    for (const currency of ["NOK", "JPY", "KWD", "EUR"]) {
      const mine = open.filter(([c]) => c === currency);
      const sum = (keep: (dueIn: number) => boolean) =>
        BigInt(mine.filter(([, , d]) => keep(d)).reduce((n, [, a]) => n + a, 0));
      const convert = (amount: bigint) =>
        currency === "EUR" ? amount : toEurCents(amount, currency, rates.get(currency)!.rate);
      expected.open += convert(sum(() => true));
      expected.overdue += convert(sum((d) => d < 0));
      expected.d1_30 += convert(sum((d) => d < 0 && d >= -30));
      expected.d61_90 += convert(sum((d) => d < -60 && d >= -90));
    }
    // The rule matters: converting each invoice instead gives another figure here.
    expect(expected.open).not.toBe(
      open
        .filter(([c]) => c !== "USD")
        .reduce((n, [c, a]) => n + (c === "EUR" ? BigInt(a) : toEurCents(BigInt(a), c, rates.get(c)!.rate)), 0n),
    );

    const query = accountQuerySchema.parse({});
    const report = await getAgingReport(db, { orgId: org.id, timeZone: org.timeZone, today, query });
    const dashboard = await getDashboard(db, { orgId: org.id, timeZone: org.timeZone, today });
    for (const inBase of [report.base, dashboard.inBase]) {
      expect(inBase).toMatchObject({
        base: "EUR",
        open: Number(expected.open),
        overdue: Number(expected.overdue),
        d1_30: Number(expected.d1_30),
        d61_90: Number(expected.d61_90),
      });
      expect(inBase.comparison.missing).toEqual(["USD"]);
      expect(inBase.comparison.rateDays).toEqual([
        { validOn: addDaysTo(today, -3), currencies: ["KWD", "NOK"] },
        { validOn: addDaysTo(today, -10), currencies: ["JPY"] },
      ]);
    }

    // As of a past day: that day's rates (NOK at 11.5) and the invoices as they stood then.
    const asOf = addDaysTo(today, -20);
    const past = await getAgingReport(db, { orgId: org.id, timeZone: org.timeZone, today, query, asOf });
    const pastRates = await storedRates(org.id, asOf);
    expect(pastRates.get("NOK")?.rate).toBe("11.5");
    const nokThen = BigInt(open.filter(([c]) => c === "NOK").reduce((n, [, a]) => n + a, 0));
    const eurThen = BigInt(open.filter(([c]) => c === "EUR").reduce((n, [, a]) => n + a, 0));
    expect(past.base.open).toBe(Number(toEurCents(nokThen, "NOK", "11.5") + eurThen));
    expect(past.base.comparison.missing).toEqual(["JPY", "KWD", "USD"]);
  });
});
