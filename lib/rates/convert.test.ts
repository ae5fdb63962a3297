import { describe, expect, it } from "vitest";
import { convertToBase, type RateTable } from "./convert";
import { decimalText, divideDecimals, divideHalfEven, parseRateDecimal } from "./decimal";

const table = (base: string, rates: Record<string, string>): RateTable => ({
  base,
  on: "2026-11-30",
  rates: new Map(
    Object.entries(rates).map(([currency, rate]) => [
      currency,
      { currency, rate, validOn: "2026-11-30", source: "test" },
    ]),
  ),
});

describe("divideHalfEven", () => {
  it.each([
    [5n, 2n, 2n], // 2.5 -> 2
    [15n, 10n, 2n], // 1.5 -> 2
    [25n, 10n, 2n], // 2.5 -> 2
    [35n, 10n, 4n], // 3.5 -> 4
    [26n, 10n, 3n],
    [24n, 10n, 2n],
    [-25n, 10n, -2n],
    [-35n, 10n, -4n],
    [-26n, 10n, -3n],
    [0n, 7n, 0n],
    [300n, 7n, 43n],
  ])("%s / %s = %s", (n, d, q) => expect(divideHalfEven(n, d)).toBe(q));
});

describe("convertToBase (1 base = rate x currency)", () => {
  const eur = table("EUR", { NOK: "11.7150", USD: "1.0446", JPY: "158.29", KWD: "0.3207", SEK: "11.5" });

  it("keeps the base currency as it is", () => {
    expect(convertToBase(6_334_400n, "EUR", eur)).toBe(6_334_400n);
  });

  it("converts NOK øre to EUR cents, rounding half to even", () => {
    // 63,534.00 NOK / 11.715 = 5,423.303... EUR
    expect(convertToBase(6_353_400n, "NOK", eur)).toBe(542_330n);
    // NOK 11,715.00 is exactly EUR 1,000.00
    expect(convertToBase(1_171_500n, "NOK", eur)).toBe(100_000n);
    // SEK 1.15 / 11.5 = EUR 0.10 exactly
    expect(convertToBase(115n, "SEK", eur)).toBe(10n);
  });

  it("rounds an exact half to the even cent, both signs", () => {
    // 1 base = 2 XXX with equal minor units: 1 minor / 2 = 0.5 -> 0; 3 / 2 = 1.5 -> 2; -3 / 2 -> -2
    const two = table("EUR", { USD: "2" });
    expect(convertToBase(1n, "USD", two)).toBe(0n);
    expect(convertToBase(3n, "USD", two)).toBe(2n);
    expect(convertToBase(5n, "USD", two)).toBe(2n);
    expect(convertToBase(-3n, "USD", two)).toBe(-2n);
  });

  it("converts JPY (no decimals) to EUR cents", () => {
    // JPY 1,000,000 / 158.29 = EUR 6,317.518...
    expect(convertToBase(1_000_000n, "JPY", eur)).toBe(631_752n);
  });

  it("converts KWD (three decimals, fils) to EUR cents", () => {
    // KWD 1,000.000 = 1,000,000 fils; / 0.3207 = EUR 3,118.1789...
    expect(convertToBase(1_000_000n, "KWD", eur)).toBe(311_818n);
  });

  it("converts into a base with no decimals (JPY) and with three (KWD)", () => {
    // 1 JPY = 0.006317... EUR, so 1 EUR = 158.29 JPY: with JPY as the base, EUR 100.00 = JPY 15,829
    expect(convertToBase(10_000n, "EUR", table("JPY", { EUR: "0.0063175817" }))).toBe(15_829n);
    // 1 KWD = 3.118 EUR: EUR 100.00 = KWD 32.070 (32070 fils)
    expect(convertToBase(10_000n, "EUR", table("KWD", { EUR: "3.1181789835" }))).toBe(32_070n);
  });

  it("is exact for amounts far beyond a float's precision", () => {
    const big = 123_456_789_012_345_678n;
    expect(convertToBase(big, "USD", table("EUR", { USD: "1" }))).toBe(big);
  });

  it("returns null for a currency without a rate", () => {
    expect(convertToBase(100n, "GBP", eur)).toBeNull();
  });
});

describe("rates as exact decimals", () => {
  it("parses and refuses", () => {
    expect(parseRateDecimal("11.7150")).toMatchObject({ ok: true, text: "11.715" });
    expect(parseRateDecimal("11,7150")).toMatchObject({ ok: true, text: "11.715" });
    expect(parseRateDecimal("0007.50")).toMatchObject({ ok: true, text: "7.5" });
    for (const bad of ["0", "0.000", "-1", "1e3", "1,234.5", "", "abc", "1.12345678901"])
      expect(parseRateDecimal(bad).ok, bad).toBe(false);
  });

  it("makes ECB cross rates through the euro to 10 decimals, half to even", () => {
    // EUR→USD 1.0446, EUR→NOK 11.715: 1 NOK = 1.0446 / 11.715 USD = 0.08916773367...
    const usd = parseRateDecimal("1.0446");
    const nok = parseRateDecimal("11.715");
    if (!usd.ok || !nok.ok) throw new Error("parse");
    expect(decimalText(divideDecimals(usd.value, nok.value))).toBe("0.0891677337");
  });
});
