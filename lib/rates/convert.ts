import { minorDigits } from "@/lib/money/money";
import { divideHalfEven, type ExactDecimal, parseRateDecimal, pow10 } from "./decimal";
import type { ConversionFactor, RateTable } from "./rate-types";

// The two names other domains use (aging, collections, the dashboard): load
// the rates valid on a day, and convert an amount with them.
export { loadRateTable } from "./load-rate-table";
export type { ConversionFactor, Rate, RateTable } from "./rate-types";

/**
 * amount (currency) / rate = amount (base). In minor units: multiply by
 * 10^(base digits - currency digits) too (NOK øre to EUR cents: both 2; JPY
 * yen to EUR cents: 10^2; KWD fils to EUR cents: 10^-1).
 */
export function conversionFactor(currency: string, base: string, rate: ExactDecimal): ConversionFactor {
  const exponent = minorDigits(base) - minorDigits(currency) + rate.scale;
  return exponent >= 0
    ? { num: pow10(exponent), den: rate.mantissa }
    : { num: 1n, den: rate.mantissa * pow10(-exponent) };
}

/** The factor for `currency` in `table` (1/1 for the base itself); null when it has no rate. */
export function factorFor(currency: string, table: RateTable): ConversionFactor | null {
  if (currency === table.base) return { num: 1n, den: 1n };
  const rate = table.rates.get(currency);
  if (!rate) return null;
  const parsed = parseRateDecimal(rate.rate);
  if (!parsed.ok) throw new Error(`Stored ${currency} rate "${rate.rate}" is not a rate: ${parsed.error}`);
  return conversionFactor(currency, table.base, parsed.value);
}

/**
 * An amount in minor units of `currency` as minor units of the table's base
 * currency, rounded half to even; null when the table has no rate for it.
 */
export function convertToBase(amountMinor: bigint, currency: string, table: RateTable): bigint | null {
  const factor = factorFor(currency, table);
  return factor && divideHalfEven(amountMinor * factor.num, factor.den);
}
