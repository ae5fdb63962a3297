import { describe, expect, it } from "vitest";
import { amountCeilingText, formatMoney, MAX_AMOUNT_MINOR, parseMoney, toMinor } from "./money";

describe("parseMoney", () => {
  it.each([
    ["1250", "EUR", 125000],
    ["1250.5", "EUR", 125050],
    ["1,250.50", "USD", 125050],
    ["1.250,50", "EUR", 125050],
    ["1 250,50", "NOK", 125050],
    ["1,250", "USD", 125000],
    ["1.250.000", "EUR", 125000000],
    ["12,5", "EUR", 1250],
    ["0.01", "USD", 1],
    ["-15.00", "USD", -1500],
    ["0", "USD", 0],
    ["1250", "JPY", 1250],
  ])("%s %s -> %i minor units", (input, currency, minor) => {
    expect(parseMoney(input, currency)).toEqual({ ok: true, minor });
  });

  it.each([
    ["", "Enter an amount."],
    ["abc", "is not an amount"],
    ["12.345.6,7.8", "is not an amount"],
    ["1e5", "is not an amount"],
    ["NaN", "is not an amount"],
    ["12.", "is not an amount"],
    ["10,5055", "at most 2 decimals"],
    ["1,25,000", "is not an amount"],
    ["99999999999999999999", "too large"],
  ])("rejects %j", (input, message) => {
    const result = parseMoney(input, "EUR");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("never goes through floating point", () => {
    // 0.1 + 0.2 style errors would show up here as 1999 or 2001.
    expect(parseMoney("20.01", "USD")).toEqual({ ok: true, minor: 2001 });
    expect(parseMoney("99999999999.99", "USD")).toEqual({ ok: true, minor: 9999999999999 });
  });
});

describe("formatMoney", () => {
  it("formats per locale", () => {
    expect(formatMoney(125050, "USD", "en-US")).toBe("$1,250.50");
    // CLDR Italian does not group four-digit numbers.
    expect(formatMoney(12345678, "EUR", "it-IT")).toBe("123.456,78\u00a0€");
    expect(formatMoney(125050, "NOK", "nb-NO")).toMatch(/^1\s250,50\skr$/);
    expect(formatMoney(-1500, "USD", "en-US")).toBe("-$15.00");
  });
});

describe("toMinor", () => {
  it("accepts bigint and numeric strings from PostgreSQL", () => {
    expect(toMinor(123n)).toBe(123);
    expect(toMinor("9007199254740991")).toBe(9007199254740991);
    expect(toMinor(null)).toBe(0);
  });

  it("reads a sum beyond 2^53 as the nearest number instead of failing the page (issue 22)", () => {
    expect(toMinor("90071992547409910")).toBe(Number(90071992547409910n));
    expect(toMinor(10n ** 17n)).toBe(1e17);
    expect(() => toMinor("not a number")).toThrow(RangeError);
  });
});

describe("the amount ceiling (issue 22, findings 4 and 11)", () => {
  it("accepts 10^13 minor units and refuses one more, naming the ceiling in the currency", () => {
    expect(parseMoney("100,000,000,000.00", "EUR")).toEqual({ ok: true, minor: MAX_AMOUNT_MINOR });
    expect(parseMoney("100000000000.01", "EUR")).toEqual({
      ok: false,
      error: "That amount is too large: at most 100,000,000,000.00 EUR.",
    });
    expect(parseMoney("900719925474099.91", "EUR")).toMatchObject({ ok: false });
    expect(amountCeilingText("JPY")).toBe("at most 10,000,000,000,000 JPY");
  });

  it("reads 0.001 as three decimals, never as a thousands group, and refuses it in GBP", () => {
    expect(parseMoney("0.001", "GBP")).toEqual({ ok: false, error: "GBP amounts have at most 2 decimals." });
    expect(parseMoney("0,500", "EUR")).toMatchObject({ ok: false });
    expect(parseMoney("0.001", "KWD")).toEqual({ ok: true, minor: 1 });
    expect(parseMoney("1,250", "GBP")).toEqual({ ok: true, minor: 125000 });
  });
});
