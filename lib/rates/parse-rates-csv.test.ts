import { describe, expect, it } from "vitest";
import { parseRatesCsv } from "./parse-rates-csv";

// The ECB's daily file as published: spaces after commas, a trailing comma on every line.
const ECB_DAILY = `Date, USD, JPY, BGN, CZK, DKK, GBP, HUF, PLN, RON, SEK, CHF, ISK, NOK, TRY, AUD, BRL, CAD, CNY, HKD, IDR, ILS, INR, KRW, MXN, MYR, NZD, PHP, SGD, THB, ZAR, 
28 November 2026, 1.0446, 158.29, 1.9558, 25.238, 7.4582, 0.83255, 408.15, 4.2305, 4.9765, 11.5055, 0.9318, 145.90, 11.7150, 36.1620, 1.6081, 6.2453, 1.4627, 7.5549, 8.1279, 16614.59, 3.8751, 88.2995, 1458.63, 21.4189, 4.6653, 1.7716, 61.125, 1.4034, 36.104, 18.9107, 
`;

describe("parseRatesCsv", () => {
  it("reads the ECB daily file against EUR, as quoted", () => {
    const result = parseRatesCsv(ECB_DAILY, { base: "EUR", source: "" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.format).toBe("ecb");
    expect(result.rows).toHaveLength(30);
    expect(result.rows.find((r) => r.currency === "NOK")).toMatchObject({
      rate: "11.7150",
      validOn: "2026-11-28",
      source: "ECB euro foreign exchange reference rates",
      line: 2,
    });
  });

  it("makes cross rates through the euro for another base, and a EUR rate", () => {
    const result = parseRatesCsv("Date,USD,NOK\n2026-11-27,1.0446,11.7150\n", { base: "NOK", source: "" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.currency, r.rate])).toEqual([
      ["USD", "0.0891677337"], // 1 NOK = 1.0446 / 11.715 USD
      ["EUR", "0.0853606487"], // 1 NOK = 1 / 11.715 EUR
    ]);
    expect(result.rows[0].source).toContain("cross rate via EUR");
  });

  it("refuses ECB rates for a base the file has no column for", () => {
    const result = parseRatesCsv("Date,USD\n2026-11-27,1.0446\n", { base: "KWD", source: "" });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/no KWD column/)] });
  });

  it("skips N/A cells of the history file", () => {
    const result = parseRatesCsv("Date,USD,ISK\n2008-12-31,1.3917,N/A\n", { base: "EUR", source: "" });
    expect(result.ok && result.rows.map((r) => r.currency)).toEqual(["USD"]);
  });

  it("reads the long format, the form's source for lines without one", () => {
    const csv = 'date,currency,rate,source\n2026-11-30,NOK,11.7150,Norges Bank\n2026-11-30,USD,"1,0446"\n';
    const result = parseRatesCsv(csv, { base: "EUR", source: "Typed source" });
    expect(result.ok && result.rows).toEqual([
      { currency: "NOK", rate: "11.7150", validOn: "2026-11-30", source: "Norges Bank", line: 2 },
      { currency: "USD", rate: "1,0446", validOn: "2026-11-30", source: "Typed source", line: 3 },
    ]);
  });

  it("names every bad line: unknown code, zero and negative rate, bad date, the base itself", () => {
    const csv = [
      "date,currency,rate,source",
      "2026-11-30,NOK,11.7150,ok",
      "2026-11-30,XYZ,1.5,x",
      "2026-11-30,USD,0,x",
      "2026-11-30,USD,-1.2,x",
      "2026-02-30,USD,1.1,x",
      "2026-11-30,EUR,1,x",
    ].join("\n");
    const result = parseRatesCsv(csv, { base: "EUR", source: "" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.stringMatching(/^Line 3: The currency "XYZ" is not an ISO 4217 code/),
      expect.stringMatching(/^Line 4: A rate of zero/),
      expect.stringMatching(/^Line 5: .*negative/),
      expect.stringMatching(/^Line 6: The date "2026-02-30" is not a real date/),
      expect.stringMatching(/^Line 7: EUR is the base currency/),
    ]);
  });

  it("refuses an unknown header and an empty file", () => {
    expect(parseRatesCsv("when,what\n", { base: "EUR", source: "" })).toMatchObject({ ok: false });
    expect(parseRatesCsv("\n\n", { base: "EUR", source: "" })).toEqual({ ok: false, errors: ["The file is empty."] });
    expect(parseRatesCsv("Date,XYZ\n2026-11-27,1\n", { base: "EUR", source: "" })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/column 2: "XYZ"/)],
    });
  });
});
