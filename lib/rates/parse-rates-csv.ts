import { isKnownCurrency } from "@/lib/money/money";
import { isDateOnly } from "@/lib/time/dates";
import { decimalText, divideDecimals, parseRateDecimal } from "./decimal";
import { type RateRow, rateRowProblem } from "./rate-rows";

// Two CSV shapes, told apart by the header line:
//
// 1. The ECB's euro foreign exchange reference rates (eurofxref.csv, and the
//    history file eurofxref-hist.csv), wide, EUR as the base:
//        Date, USD, JPY, BGN, CZK, ...
//        28 November 2026, 1.0446, 158.29, ...
//    Dates as "28 November 2026" or 2026-11-28; empty and N/A cells are skipped.
//    For a base currency other than EUR each rate is a cross rate through the
//    euro: 1 base = (EUR→X / EUR→base) X, rounded half to even to 10 decimals;
//    EUR itself is 1 / (EUR→base). A base the file has no column for is refused.
// 2. Long, one rate a line, against the organization's base currency:
//        date,currency,rate[,source]
//        2026-11-30,NOK,11.7150,Norges Bank
//    A line without a source takes the source typed on the form.

export const ECB_SOURCE = "ECB euro foreign exchange reference rates";

// Caps that keep one import cheap (issue 22: a header repeating USD 25,000 times over
// 100,004 rows took 92 s). The ECB quotes about 30 currencies; its whole history since
// 1999 is about 7,000 days, and a year of it (what the form asks for) 260 lines x 30 rates.
/** Columns in an ECB header, the date included. */
export const MAX_RATE_COLUMNS = 64;
/** Lines in one file, the header included. */
export const MAX_RATE_LINES = 10_000;
/** Rates in one file. */
export const MAX_RATES_PER_FILE = 50_000;

export interface ParsedRate extends RateRow {
  line: number;
}

export type ParseRatesResult =
  | { ok: true; format: "ecb" | "long"; rows: ParsedRate[] }
  | { ok: false; errors: string[] };

/** Splits a CSV line on commas (or semicolons, when the line has no comma), honouring double quotes. */
function splitLine(line: string): string[] {
  const delimiter = line.includes(",") || !line.includes(";") ? "," : ";";
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "28 November 2026" or "2026-11-28" to YYYY-MM-DD; anything else as written (the row check names it). */
function ecbDate(text: string): string {
  const m = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim());
  if (!m) return text.trim();
  const month = MONTHS.indexOf(m[2].toLowerCase());
  if (month < 0) return text.trim();
  return `${m[3]}-${String(month + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
}

export function parseRatesCsv(text: string, opts: { base: string; source: string }): ParseRatesResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  while (lines.length && lines.at(-1)?.trim() === "") lines.pop();
  if (lines.length > MAX_RATE_LINES)
    return { ok: false, errors: [`The file has ${lines.length} lines; at most ${MAX_RATE_LINES}: split it by year.`] };
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return { ok: false, errors: ["The file is empty."] };
  const header = splitLine(lines[first]).map((h) => h.toLowerCase());
  // The ECB's daily file ends every line with a comma: an empty last column.
  while (header.length > 1 && header.at(-1) === "") header.pop();
  if (header.length > MAX_RATE_COLUMNS)
    return {
      ok: false,
      errors: [`Line ${first + 1}: the header has ${header.length} columns; at most ${MAX_RATE_COLUMNS}.`],
    };
  const repeated = header.find((h, i) => h !== "" && header.indexOf(h) !== i);
  if (repeated)
    return {
      ok: false,
      errors: [`Line ${first + 1}: the column "${repeated.slice(0, 20)}" appears more than once; each currency once.`],
    };
  const body = lines
    .map((l, i) => ({ line: i + 1, cells: splitLine(l) }))
    .filter((l, i) => i > first && l.cells.join("") !== "");
  if (header[0] === "date" && header[1] === "currency" && header[2] === "rate") return parseLong(body, opts);
  if (header[0] === "date" && header.length > 1) return parseEcb(header, first + 1, body, opts);
  return {
    ok: false,
    errors: [
      `Line ${first + 1}: the header is neither the ECB's "Date, USD, JPY, ..." nor "date,currency,rate[,source]".`,
    ],
  };
}

type Body = { line: number; cells: string[] }[];

function parseLong(body: Body, opts: { base: string; source: string }): ParseRatesResult {
  const rows: ParsedRate[] = [];
  const errors: string[] = [];
  for (const { line, cells } of body) {
    const row = {
      currency: cells[1] ?? "",
      rate: cells[2] ?? "",
      validOn: cells[0] ?? "",
      source: cells[3] || opts.source,
    };
    const problem = rateRowProblem(row, opts.base);
    if (problem) errors.push(`Line ${line}: ${problem.message}`);
    else rows.push({ ...row, line });
  }
  return finish("long", rows, errors);
}

function parseEcb(
  header: string[],
  headerLine: number,
  body: Body,
  opts: { base: string; source: string },
): ParseRatesResult {
  const codes = header.map((h) => h.toUpperCase());
  const errors: string[] = [];
  codes.slice(1).forEach((code, i) => {
    if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code))
      errors.push(`Line ${headerLine}, column ${i + 2}: "${code.slice(0, 20)}" is not an ISO 4217 currency code.`);
  });
  if (codes.includes("EUR")) errors.push(`Line ${headerLine}: an ECB file has no EUR column (EUR is its base).`);
  const baseColumn = opts.base === "EUR" ? -1 : codes.indexOf(opts.base);
  if (opts.base !== "EUR" && baseColumn < 0)
    errors.push(
      `The base currency is ${opts.base} and this ECB file has no ${opts.base} column, so no cross rate through the euro can be made. Use the long format with rates against ${opts.base}.`,
    );
  if (errors.length) return { ok: false, errors };
  const cross = opts.base !== "EUR";
  const source = cross ? `${ECB_SOURCE} (cross rate via EUR)` : ECB_SOURCE;
  const rows: ParsedRate[] = [];
  for (const { line, cells } of body) {
    const validOn = ecbDate(cells[0]);
    if (!isDateOnly(validOn)) {
      errors.push(`Line ${line}: "${cells[0].slice(0, 30)}" is not a date (28 November 2026 or 2026-11-28).`);
      continue;
    }
    // The ECB writes N/A (or leaves the cell empty) for a currency it did not quote that day.
    const quoted = (i: number) => cells[i] !== undefined && cells[i] !== "" && cells[i].toUpperCase() !== "N/A";
    let perBase = null;
    if (cross) {
      const parsed = quoted(baseColumn) ? parseRateDecimal(cells[baseColumn]) : null;
      if (!parsed?.ok) {
        errors.push(`Line ${line}: no usable ${opts.base} rate that day, so no cross rate can be made.`);
        continue;
      }
      perBase = parsed.value;
    }
    for (let i = 1; i < codes.length; i++) {
      if (i === baseColumn || !quoted(i)) continue;
      let rate = cells[i];
      if (perBase) {
        const parsed = parseRateDecimal(rate);
        if (parsed.ok) rate = decimalText(divideDecimals(parsed.value, perBase));
      }
      const row = { currency: codes[i], rate, validOn, source };
      const problem = rateRowProblem(row, opts.base);
      if (problem) errors.push(`Line ${line}, ${codes[i]}: ${problem.message}`);
      else rows.push({ ...row, line });
    }
    if (perBase)
      rows.push({
        currency: "EUR",
        rate: decimalText(divideDecimals({ mantissa: 1n, scale: 0 }, perBase)),
        validOn,
        source,
        line,
      });
  }
  return finish("ecb", rows, errors);
}

function finish(format: "ecb" | "long", rows: ParsedRate[], errors: string[]): ParseRatesResult {
  if (errors.length) return { ok: false, errors };
  if (rows.length > MAX_RATES_PER_FILE)
    return {
      ok: false,
      errors: [`The file has ${rows.length} rates; at most ${MAX_RATES_PER_FILE}: split it by year.`],
    };
  if (!rows.length) return { ok: false, errors: ["The file has a header but no rates."] };
  return { ok: true, format, rows };
}
