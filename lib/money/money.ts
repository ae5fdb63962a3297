// Money is an integer count of the currency's minor unit (cents, øre) plus an
// ISO 4217 code. Amounts cross the database boundary as bigint and live in the
// app as safe integers; decimal strings are parsed digit by digit, never via floats.

export interface Money {
  minor: number;
  currency: string;
}

/**
 * The largest amount any door accepts (forms, imports, the API: minorUnitsField, parseMoney,
 * parseImportAmount and the ledger verbs all read it): 10^13 minor units, i.e. 100 billion
 * in a two-decimal currency (EUR 100,000,000,000.00), 10 trillion yen, 10 billion dinars.
 * Decided 2026-12-07 (issue 22, finding 4) as a ceiling no finance team reaches: the
 * largest invoice on record is in the low billions (Saudi Aramco's supply contracts,
 * Annual Report 2023), while an account of 900 such invoices still sums below 2^53, and one
 * amount times 200 years of days (priorities) stays inside a PostgreSQL bigint.
 */
export const MAX_AMOUNT_MINOR = 10 ** 13;

/** The ceiling in words for a refusal: "at most 100,000,000,000.00 EUR". */
export function amountCeilingText(currency: string): string {
  const digits = minorDigits(currency);
  const units = (MAX_AMOUNT_MINOR / 10 ** digits).toLocaleString("en-US");
  return `at most ${units}${digits ? `.${"0".repeat(digits)}` : ""} ${currency}`;
}

const digitsByCurrency = new Map<string, number>();

/** Decimal places of the currency's minor unit (EUR 2, JPY 0, KWD 3). Cached: a formatter costs ~10 µs to build, and every amount on a page asks. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/**
 * bigint/number/numeric-string from PostgreSQL to minor units. One amount is at most
 * MAX_AMOUNT_MINOR, so exact; a sum of thousands of them may pass 2^53 and is then the
 * nearest number (off by a few units out of 90 trillion) rather than an error: a page must
 * never fail because of the data it shows (issue 22).
 */
export function toMinor(value: bigint | number | string | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "number" ? value : Number(value);
  if (Number.isNaN(n)) throw new RangeError(`Amount ${String(value)} is not a number of minor units`);
  return n;
}

export type ParseMoneyResult = { ok: true; minor: number } | { ok: false; error: string };

/**
 * Parses a user-typed amount ("1250", "1,250.50", "1 250,50", "1.250,50") into
 * minor units. With both '.' and ',' present the last one is the decimal mark.
 * With one kind: repeated, it groups thousands ("1.250.000"); once, it groups
 * thousands when exactly three digits follow ("1,250") and is the decimal mark
 * otherwise ("12,5"). Imports, where this is ambiguous, choose the format explicitly.
 */
export function parseMoney(input: string, currency: string): ParseMoneyResult {
  const digits = minorDigits(currency);
  const text = input.trim().replace(/[\s\u00a0\u202f']/g, "");
  const notAmount = { ok: false as const, error: `"${input.trim().slice(0, 40)}" is not an amount.` };
  if (!text) return { ok: false, error: "Enter an amount." };
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  if (!/^\d[\d.,]*$/.test(body) || /[.,]$/.test(body)) return notAmount;

  const lastSep = Math.max(body.lastIndexOf("."), body.lastIndexOf(","));
  const mixed = body.includes(".") && body.includes(",");
  let decimalAt = -1;
  if (lastSep >= 0) {
    const sep = body[lastSep];
    const count = body.split(sep).length - 1;
    const tailLength = body.length - lastSep - 1;
    // "1,250" groups thousands; "0.001" or ".001" does not (no thousands group follows a bare 0), so its digits are decimals.
    const leadingGroup = /^[1-9]\d{0,2}$/.test(body.slice(0, lastSep));
    if (mixed || (count === 1 && (tailLength !== 3 || !leadingGroup))) decimalAt = lastSep;
  }
  const grouped = decimalAt >= 0 ? body.slice(0, decimalAt) : body;
  const fracPart = decimalAt >= 0 ? body.slice(decimalAt + 1) : "";
  const groups = grouped.split(/[.,]/);
  const wellGrouped =
    groups.length === 1 || (/^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g)));
  const oneGroupingMark = new Set(grouped.replace(/\d/g, "")).size <= 1;
  if (!wellGrouped || !oneGroupingMark || !/^\d*$/.test(fracPart)) return notAmount;
  const intPart = groups.join("");
  if (fracPart.length > digits) {
    return { ok: false, error: `${currency} amounts have at most ${digits} decimal${digits === 1 ? "" : "s"}.` };
  }
  const minor = Number(intPart + fracPart.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor > MAX_AMOUNT_MINOR)
    return { ok: false, error: `That amount is too large: ${amountCeilingText(currency)}.` };
  return { ok: true, minor: negative ? -minor : minor };
}

const formatters = new Map<string, Intl.NumberFormat>();

export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const key = `${locale}|${currency}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, fmt);
  }
  // Scale by string to keep exactness for large values.
  return fmt.format(minorToPlain(minor, currency) as unknown as number);
}

export function sumMinor(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Minor units as a plain decimal string for a form field ("1234.50"), exact for any size. */
export function minorToPlain(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  return digits ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 code this runtime knows (so its minor unit is known): "EUR" yes, "EUX" no. */
export function isKnownCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}
