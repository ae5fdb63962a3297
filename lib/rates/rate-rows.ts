import { isKnownCurrency } from "@/lib/money/money";
import { type DateOnly, isDateOnly } from "@/lib/time/dates";
import { parseRateDecimal } from "./decimal";

/** One rate to store: "1 base = rate x currency" on `validOn`. */
export interface RateRow {
  currency: string;
  rate: string;
  validOn: DateOnly;
  source: string;
}

const EARLIEST = "1999-01-04"; // the euro's first ECB reference rates
const LATEST = "2099-12-31";

/**
 * Why a rate row cannot be stored, or null: an unknown currency, the base
 * currency itself (always 1), a rate that is not a positive decimal, a date
 * that does not exist, no source. The form and every CSV line go through it.
 */
export function rateRowProblem(
  row: { currency: string; rate: string; validOn: string; source: string },
  base: string,
): { field: "currency" | "rate" | "validOn" | "source"; message: string } | null {
  const currency = row.currency.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency) || !isKnownCurrency(currency))
    return {
      field: "currency",
      message: `The currency "${row.currency.trim().slice(0, 20)}" is not an ISO 4217 code.`,
    };
  if (currency === base)
    return { field: "currency", message: `${base} is the base currency: its rate is always 1, so it needs no row.` };
  const date = row.validOn.trim();
  if (!isDateOnly(date) || date < EARLIEST || date > LATEST)
    return {
      field: "validOn",
      message: `The date "${date.slice(0, 30)}" is not a real date between ${EARLIEST} and ${LATEST} (YYYY-MM-DD).`,
    };
  const rate = parseRateDecimal(row.rate);
  if (!rate.ok) return { field: "rate", message: rate.error };
  if (!row.source.trim()) return { field: "source", message: "Name the source of the rate (e.g. ECB reference rate)." };
  if (row.source.trim().length > 500) return { field: "source", message: "At most 500 characters." };
  return null;
}

/** The row as stored: upper-case code, canonical decimal, trimmed text (call after rateRowProblem said null). */
export function normalizeRateRow(row: RateRow): RateRow {
  const rate = parseRateDecimal(row.rate);
  if (!rate.ok) throw new Error(rate.error);
  return {
    currency: row.currency.trim().toUpperCase(),
    rate: rate.text,
    validOn: row.validOn.trim(),
    source: row.source.trim(),
  };
}
