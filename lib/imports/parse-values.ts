import { amountCeilingText, MAX_AMOUNT_MINOR, minorDigits } from "@/lib/money/money";
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
      const hint = parts ? "; choose how dates are written on this page" : "";
      return {
        ok: false,
        error: `"${text}" is not a date in the chosen format (${DATE_FORMAT_LABEL[format]})${hint}`,
      };
    }
    [, d, m, y] = format === "dmy" ? parts : [parts[0], parts[2], parts[1], parts[3]];
  }
  const value = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (!isDateOnly(value)) {
    // 13/01/2026 read month first: the other order reads it, and that is a choice on the page.
    const swapped = !iso && isDateOnly(`${y}-${d.padStart(2, "0")}-${m.padStart(2, "0")}`);
    const hint = swapped ? `; if it is ${format === "dmy" ? "month" : "day"} first, choose that on this page` : "";
    return { ok: false, error: `"${text}" is not a calendar date (${DATE_FORMAT_LABEL[format]})${hint}` };
  }
  return { ok: true, value };
}

// Currency marks exports put beside amounts: a symbol or "kr" before or after,
// an ISO code before or after ("1.234,56 EUR", "USD 10").
const SYMBOLS: Record<string, string[]> = {
  "€": ["EUR"],
  $: ["USD", "CAD", "AUD", "NZD"],
  "£": ["GBP"],
  kr: ["NOK", "SEK", "DKK"],
  "kr.": ["NOK", "SEK", "DKK"],
  "¥": ["JPY"],
};
const MARK =
  /^(?:([A-Z]{3})(?![A-Za-z])|(US\$|\$|€|£|¥|[Kk]r\.?))\s*|\s*(?:(?<![A-Za-z])([A-Z]{3})|(\$|€|£|¥|(?<![A-Za-z])[Kk]r\.?))$/;

/** An amount's sign and currency mark taken off: "(150.00)", "150.00-", "-1 000,00", "kr 1 234,56", "1.234,56 EUR". */
export function splitAmount(input: string): { body: string; negative: boolean; code: string; symbol: string } {
  let text = input.trim().replace(/\u2212/g, "-");
  let negative = false;
  let code = "";
  let symbol = "";
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) [negative, text] = [true, paren[1].trim()];
  for (let i = 0; i < 2; i++) {
    if (text.startsWith("-")) [negative, text] = [true, text.slice(1).trim()];
    else if (text.endsWith("-")) [negative, text] = [true, text.slice(0, -1).trim()];
    else if (text.startsWith("+")) text = text.slice(1).trim();
    const mark = MARK.exec(text);
    if (mark && text.length > mark[0].length) {
      code ||= (mark[1] ?? mark[3] ?? "").toUpperCase();
      symbol ||= (mark[2] ?? mark[4] ?? "").toLowerCase().replace("us$", "$");
      text = text.slice(0, mark.index) + text.slice(mark.index + mark[0].length);
      text = text.trim();
    }
  }
  return { body: text.replace(/[\s\u00a0\u202f']/g, ""), negative, code, symbol };
}

/**
 * "1 234,56", "1.234,56", "1,234.56", "1234.5", "-12", "$1,234.56",
 * "kr 1 234,56", "1.234,56 EUR", "(150.00)", "150.00-" in minor units of
 * `currency` (negative for credit notes), with `decimal` the chosen decimal
 * mark and the other mark, spaces and apostrophes as thousands separators (in
 * groups of three). Decimals beyond the currency's are accepted when they are
 * zeros and cannot be a thousands group ("1,234.500"). Each refusal names what
 * is wrong, and whether choosing the other decimal mark on the page fixes it.
 */
export function parseImportAmount(input: string, currency: string, decimal: DecimalSeparator): Parsed<number> {
  const text = input.trim();
  if (!text) return { ok: false, error: "is empty; an amount is required" };
  const { body, negative, code, symbol } = splitAmount(text);
  const fail = (why: string): Parsed<number> => ({ ok: false, error: `"${text}" ${why}` });
  if (code && code !== currency) return fail(`is in ${code}, but this row's currency is ${currency}`);
  if (symbol && SYMBOLS[symbol] && !SYMBOLS[symbol].includes(currency))
    return fail(`has the sign ${symbol}, which is not ${currency}`);
  if (!body) return fail("has no digits");
  const stray = body.replace(/[\d.,]/g, "");
  if (stray) return fail(`is not an amount: "${stray}" is neither a digit nor a currency`);
  const grouping = decimal === "." ? "," : ".";
  const otherMark = decimal === "." ? "comma" : "point";
  const lastMark = Math.max(body.lastIndexOf("."), body.lastIndexOf(","));
  const other: DecimalSeparator = decimal === "." ? "," : ".";
  // Said only when the other mark reads the amount: otherwise it is not an amount at all.
  const wrongMark = (): Parsed<number> =>
    parseImportAmount(body, currency, other).ok
      ? fail(`is written with a decimal ${otherMark}; choose that decimal mark on this page`)
      : fail("is not an amount");
  const [intText, fracText = "", ...rest] = body.split(decimal);
  if (rest.length)
    return fail(
      `has "${decimal}" more than once, so it cannot be the decimal mark; choose the decimal ${otherMark} on this page if that is how the file writes amounts`,
    );
  if (fracText.includes(grouping)) return wrongMark();
  if (body.includes(decimal) && !fracText) return fail(`ends in "${decimal}" without decimals`);
  const groups = intText.split(grouping);
  if (groups.length > 1 && !(/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) {
    // "12,50" read with a decimal point: the comma is the decimal mark.
    if (groups.length === 2 && lastMark === body.lastIndexOf(grouping) && /^\d{1,2}$/.test(groups[1]))
      return wrongMark();
    return fail(`groups its digits irregularly ("${grouping}" separates thousands in groups of three)`);
  }
  const digits = minorDigits(currency);
  let frac = fracText;
  if (frac.length > digits) {
    const extra = frac.slice(digits);
    const couldBeThousands = frac.length === 3 && groups.length === 1;
    if (!/^0+$/.test(extra) || couldBeThousands) {
      const hint = couldBeThousands
        ? ` (if "${decimal}" separates thousands here, choose the decimal ${otherMark} on this page)`
        : "";
      return fail(`has ${frac.length} decimals; ${currency} amounts have at most ${digits}${hint}`);
    }
    frac = frac.slice(0, digits);
  }
  const minor = Number(groups.join("") + frac.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR)
    return fail(`is too large (${amountCeilingText(currency)})`);
  return { ok: true, value: negative ? -minor : minor };
}

/** Minor units as a plain decimal ("-1234.50"), the form exports use. */
export function formatPlainAmount(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const sign = minor < 0 ? "-" : "";
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}
