import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { ColumnMapping } from "./fields";
import { type DateFormat, type DecimalSeparator, splitAmount } from "./parse-values";

// The date order and decimal mark a file uses, read from its values: a day
// above 12 says which part is the day, "1.234,56" says the comma is decimal.
// Undecided values (all days up to 12, "1,234") decide nothing; the user sees
// the first rows as read and can choose otherwise on the page.

export const DATE_FIELDS = [
  "issueDate",
  "dueDate",
  "receivedOn",
  "invoiceDate",
  "paidOn",
  "bookingDate",
  "statementDate",
];
export const AMOUNT_FIELDS = [
  "amount",
  "openAmount",
  "invoiceTotal",
  "lineTax",
  "taxTotal",
  "creditAmount",
  "debitAmount",
];

export function detectDateFormat(values: string[]): DateFormat | undefined {
  let iso = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  let slashed = 0;
  for (const v of values) {
    const text = v.trim();
    if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(text)) iso++;
    const parts = /^(\d{1,2})([./-])(\d{1,2})\2\d{4}$/.exec(text);
    if (!parts) continue;
    if (parts[2] === ".") dotted++;
    else slashed++;
    if (Number(parts[1]) > 12) dayFirst++;
    if (Number(parts[3]) > 12) monthFirst++;
  }
  if (dayFirst && monthFirst) return undefined; // mixed: the check names the rows
  if (dayFirst) return "dmy";
  if (monthFirst) return "mdy";
  if (dotted) return "dmy"; // 01.02.2026 is day first wherever it is written
  if (slashed) return undefined;
  return iso ? "iso" : undefined;
}

/** For dates the values leave open (01/02/2026 … 12/12/2026): day first, as most of the world writes them; a remembered choice goes before it. */
export function fallbackDateFormat(values: string[]): DateFormat | undefined {
  return values.some((v) => /^\d{1,2}[./-]\d{1,2}[./-]\d{4}$/.test(v.trim())) ? "dmy" : undefined;
}

export function detectDecimalSeparator(values: string[]): DecimalSeparator | undefined {
  let point = 0;
  let comma = 0;
  for (const v of values) {
    const { body } = splitAmount(v);
    const lastPoint = body.lastIndexOf(".");
    const lastComma = body.lastIndexOf(",");
    if (lastPoint >= 0 && lastComma >= 0) {
      if (lastPoint > lastComma) point++;
      else comma++;
      continue;
    }
    const mark = lastPoint >= 0 ? "." : lastComma >= 0 ? "," : "";
    if (!mark) continue;
    const count = body.split(mark).length - 1;
    const decimals = body.length - body.lastIndexOf(mark) - 1;
    if (count > 1) {
      if (mark === ".") comma++;
      else point++;
    } else if (decimals !== 3) {
      if (mark === ".") point++;
      else comma++;
    }
  }
  if (point && comma) return undefined;
  if (point) return ".";
  if (comma) return ",";
  return undefined;
}

/**
 * The decimal mark the file's amounts show and the first cell that shows it
 * ("2 990,00" on row 2), said to the user with the check; undefined while the
 * values decide nothing or disagree.
 */
export function decimalShownBy(
  cells: { line: number; text: string }[],
): { mark: DecimalSeparator; line: number; text: string; reading: string } | undefined {
  const mark = detectDecimalSeparator(cells.map((c) => c.text));
  const first = mark && cells.find((c) => detectDecimalSeparator([c.text]) === mark);
  if (!first) return undefined;
  // The cell as a plain number with a decimal point ("2 990,00" is 2990.00), to show how it is read.
  const { body, negative } = splitAmount(first.text);
  const plain = mark === "," ? body.replaceAll(".", "").replace(",", ".") : body.replaceAll(",", "");
  return { mark, line: first.line, text: first.text, reading: `${negative ? "-" : ""}${plain}` };
}

/** The formats a file's first rows show, for the fields the mapping reads: what the values decide, and a fallback for what they leave open. */
export function detectFormats(
  kind: ImportKind,
  headers: string[],
  mapping: ColumnMapping,
  rows: string[][],
): {
  decided: { dateFormat?: DateFormat; decimalSeparator?: DecimalSeparator; mergeLines?: boolean };
  fallback: { dateFormat?: DateFormat };
} {
  const column = (fields: string[]) =>
    fields.flatMap((f) => {
      const i = mapping[f] ? headers.indexOf(mapping[f]) : -1;
      return i < 0 ? [] : rows.map((r) => r[i] ?? "").filter((v) => v.trim());
    });
  const dates = column(DATE_FIELDS);
  const dateFormat = detectDateFormat(dates);
  const fallback = fallbackDateFormat(dates);
  const decimalSeparator = detectDecimalSeparator(column(AMOUNT_FIELDS));
  // Line items: a line amount beside the invoice total. Repeated numbers alone may be real duplicates: the check names them.
  const mergeLines = kind === "invoices" && Boolean(mapping.invoiceTotal);
  return {
    decided: {
      ...(dateFormat ? { dateFormat } : {}),
      ...(decimalSeparator ? { decimalSeparator } : {}),
      ...(mergeLines ? { mergeLines } : {}),
    },
    fallback: fallback ? { dateFormat: fallback } : {},
  };
}
