import { describe, expect, it } from "vitest";
import { formatPlainAmount, parseImportAmount, parseImportDate } from "./parse-values";

describe("parseImportDate", () => {
  it.each([
    ["2026-02-01", "iso", "2026-02-01"],
    ["2026-02-01", "mdy", "2026-02-01"],
    ["01/02/2026", "dmy", "2026-02-01"],
    ["01.02.2026", "dmy", "2026-02-01"],
    ["1.2.2026", "dmy", "2026-02-01"],
    ["01/02/2026", "mdy", "2026-01-02"],
    ["12/31/2026", "mdy", "2026-12-31"],
  ] as const)("%s read as %s is %s", (text, format, expected) => {
    expect(parseImportDate(text, format)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["01/02/2026", "iso", "not a date in the chosen format"],
    ["31/12/2026", "mdy", "not a calendar date"],
    ["2026-02-30", "iso", "not a calendar date"],
    ["yesterday", "dmy", "not a date"],
    ["", "iso", "is empty"],
    ["01/02/26", "dmy", "not a date"],
  ] as const)("%s read as %s is refused", (text, format, message) => {
    const result = parseImportDate(text, format);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });
});

describe("parseImportAmount", () => {
  it.each([
    ["1234.56", ".", "EUR", 123456],
    ["1,234.56", ".", "EUR", 123456],
    ["1 234,56", ",", "EUR", 123456],
    ["1.234,56", ",", "EUR", 123456],
    ["1.234.567,5", ",", "EUR", 123456750],
    ["12", ".", "EUR", 1200],
    ["-12,5", ",", "NOK", -1250],
    ["1,234", ".", "EUR", 123400],
    ["12.345", ",", "EUR", 1234500],
    ["1'234.50", ".", "CHF", 123450],
    ["1500", ".", "JPY", 1500],
    ["$1,234.56", ".", "USD", 123456],
    ["US$ 1,234.56", ".", "USD", 123456],
    ["kr 1 234,56", ",", "NOK", 123456],
    ["1 234,56 kr", ",", "NOK", 123456],
    ["1.234,56 EUR", ",", "EUR", 123456],
    ["EUR -1.234,56", ",", "EUR", -123456],
    ["€ 12,00", ",", "EUR", 1200],
    ["1,234.500", ".", "EUR", 123450],
    ["12.5000", ".", "EUR", 1250],
    ["-1 000,00", ",", "NOK", -100000],
    ["(150.00)", ".", "USD", -15000],
    ["150.00-", ".", "USD", -15000],
    ["\u2212150.00", ".", "USD", -15000],
    ["($150.00)", ".", "USD", -15000],
  ] as const)("%s with decimal %s in %s is %i minor", (text, decimal, currency, minor) => {
    expect(parseImportAmount(text, currency, decimal)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["1,234", ",", "EUR", "3 decimals"],
    ["1.5,0.0", ",", "EUR", "not an amount"],
    ["12.50", ",", "EUR", "written with a decimal point; choose that decimal mark on this page"],
    ["12,50", ".", "EUR", "written with a decimal comma"],
    ["1.234,56", ".", "EUR", "written with a decimal comma"],
    ["$12.50", ".", "EUR", "the sign $, which is not EUR"],
    ["12.50 USD", ".", "EUR", "is in USD, but this row's currency is EUR"],
    ["12.50 kroner", ".", "NOK", '"kroner" is neither a digit nor a currency'],
    ["12.500", ".", "EUR", "choose the decimal comma on this page"],
    ["1.2345", ".", "EUR", "4 decimals"],
    ["1.234", ".", "EUR", "3 decimals"],
    ["10.5", ".", "JPY", "at most 0"],
    ["abc", ".", "EUR", "not an amount"],
    ["12.", ".", "EUR", "without decimals"],
    ["", ".", "EUR", "is empty"],
  ] as const)("%s with decimal %s in %s is refused", (text, decimal, currency, message) => {
    const result = parseImportAmount(text, currency, decimal);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it("formats minor units as plain decimals that parse back", () => {
    for (const [minor, currency] of [
      [123456, "EUR"],
      [-5, "EUR"],
      [7, "USD"],
      [1500, "JPY"],
      [0, "NOK"],
    ] as const) {
      const text = formatPlainAmount(minor, currency);
      expect(parseImportAmount(text, currency, ".")).toEqual({ ok: true, value: minor });
    }
    expect(formatPlainAmount(-5, "EUR")).toBe("-0.05");
  });
});
