import { minorDigits } from "@/lib/money/money";
import { type DateOnly, isDateOnly } from "@/lib/time/dates";

// Cell values as accounting systems export them, read in the format the user
// chose for the file: nothing here guesses between day/month and month/day or
// between decimal comma and decimal point.

export const DATE_FORMATS = ["iso", "dmy", "mdy"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DATE_FORMAT_LABEL: Record<DateFormat, string> = {
  iso: "2026-02-01 (ISO)",
  dmy: "01.02.2026 or 01/02/2026 (day first)",
  mdy: "02/01/2026 (month first, US)",
};

export const DECIMAL_SEPARATORS = [".", ","] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** ISO dates are read in every format; slashed, dotted or dashed dates by the chosen order. */
export function parseImportDate(input: string, format: DateFormat): Parsed<DateOnly> {
  const text = input.trim();
  if (!text) return { ok: false, error: "is empty; a date is required" };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  let y: string, m: string, d: string;
  if (iso) {
    [, y, m, d] = iso;
  } else {
    const parts = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
    if (!parts || format === "iso") {
      return { ok: false, error: `"${text}" is not a date in the chosen format (${DATE_FORMAT_LABEL[format]})` };
    }
    [, d, m, y] = format === "dmy" ? parts : [parts[0], parts[2], parts[1], parts[3]];
  }
  const value = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (!isDateOnly(value))
    return { ok: false, error: `"${text}" is not a calendar date (${DATE_FORMAT_LABEL[format]})` };
  return { ok: true, value };
}

/**
 * "1 234,56", "1.234,56", "1,234.56", "1234.5", "-12" in minor units of `currency`,
 * with `decimal` the chosen decimal mark and the other mark, spaces and
 * apostrophes as thousands separators (in groups of three).
 */
export function parseImportAmount(input: string, currency: string, decimal: DecimalSeparator): Parsed<number> {
  const text = input.trim();
  if (!text) return { ok: false, error: "is empty; an amount is required" };
  const grouping = decimal === "." ? "," : ".";
  const compact = text.replace(/[\s\u00a0\u202f']/g, "");
  const match = /^(-?)(\d[\d.,]*)$/.exec(compact);
  const notAmount: Parsed<number> = {
    ok: false,
    error: `"${text}" is not an amount with "${decimal}" as decimal mark`,
  };
  if (!match) return notAmount;
  const [, sign, body] = match;
  const [intText, fracText = "", ...rest] = body.split(decimal);
  if (rest.length || fracText.includes(grouping) || (body.includes(decimal) && !fracText)) return notAmount;
  const groups = intText.split(grouping);
  if (groups.length > 1 && !(/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g))))
    return notAmount;
  const digits = minorDigits(currency);
  if (fracText.length > digits) {
    return {
      ok: false,
      error: `"${text}" has ${fracText.length} decimals; ${currency} amounts have at most ${digits}`,
    };
  }
  const minor = Number(groups.join("") + fracText.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor)) return { ok: false, error: `"${text}" is too large` };
  return { ok: true, value: sign ? -minor : minor };
}

/** Minor units as a plain decimal ("-1234.50"), the form exports use. */
export function formatPlainAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const sign = minor < 0 ? "-" : "";
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}
