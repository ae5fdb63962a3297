import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney, toMinor } from "./money";

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
    expect(parseMoney("1125899906842.62", "USD")).toEqual({ ok: true, minor: 112589990684262 });
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
    expect(() => toMinor("9007199254740993")).toThrow(RangeError);
  });
});
