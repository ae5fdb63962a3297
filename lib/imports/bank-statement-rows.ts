import { keyByFacts, type ParsedStatement, type StatementLine } from "@/lib/bank/statement-lines";
import { isKnownCurrency } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";
import { type MappedRow, RowChecker, type RowProblem } from "./import-kind";
import type { ImportOptions } from "./import-options";
import { parseImportAmount, parseImportDate } from "./parse-values";

/** A line of a bank's CSV export as read, before it gets its duplicate key. */
export interface CsvStatementLine extends Omit<StatementLine, "dedupeKey"> {
  /** The statement's end date when the file has a column for it. */
  statementDate?: DateOnly;
}

/**
 * One row of a bank's CSV export as a statement line: money in (a positive
 * amount, or the "money in" column) is a credit; money out is kept as an
 * ignored debit. The reference column is the structured reference (KID, RF or
 * an invoice number, rule 1); the text column is the unstructured remittance.
 */
export function bankLineFromRow(
  row: MappedRow,
  ctx: { options: ImportOptions; defaultCurrency: string },
): { line?: CsvStatementLine; problems: RowProblem[] } {
  const check = new RowChecker(row);
  const { options } = ctx;
  const bookingDate = check.parsed("bookingDate", parseImportDate(row.value("bookingDate"), options.dateFormat));
  const currency = (row.value("currency") || ctx.defaultCurrency).toUpperCase();
  if (!isKnownCurrency(currency)) {
    check.problem("currency", `"${row.value("currency")}" is not a currency code we know, like EUR`);
    return { problems: check.problems };
  }
  const amountOf = (field: string) =>
    check.parsed(field, parseImportAmount(row.value(field), currency, options.decimalSeparator));
  let signed: number | undefined;
  if (row.value("amount")) signed = amountOf("amount");
  else if (row.value("creditAmount")) signed = Math.abs(amountOf("creditAmount") ?? 0);
  else if (row.value("debitAmount")) signed = -Math.abs(amountOf("debitAmount") ?? 0);
  else check.problem(row.has("amount") ? "amount" : "creditAmount", "has no amount (neither money in nor money out)");
  const statementDate = row.value("statementDate")
    ? check.parsed("statementDate", parseImportDate(row.value("statementDate"), options.dateFormat))
    : undefined;
  if (!check.ok || !bookingDate || signed === undefined) return { problems: check.problems };
  const reference = row.value("reference").replace(/\s+/g, " ");
  return {
    problems: [],
    line: {
      entryRef: row.value("bankReference"),
      bookingDate,
      amountMinor: Math.abs(signed),
      currency,
      credit: signed > 0,
      ignoredReason: signed > 0 ? "" : signed < 0 ? "a debit (money out)" : "a zero amount",
      payerName: row.value("payerName"),
      payerAccount: row.value("payerAccount").replace(/[\s.]/g, ""),
      structuredRefs: reference ? [reference] : [],
      documentNumbers: [],
      remittanceText: row.value("text"),
      ...(statementDate ? { statementDate } : {}),
    },
  };
}

/**
 * A CSV export's lines as one statement. A CSV names no period: it covers its
 * first to its newest booking day, unless a statement date column says until
 * when. Lines with the bank's own reference are duplicates by it; the others by
 * their facts and occurrence, so the same line in an overlapping export is skipped.
 */
export function statementFromCsvLines(read: CsvStatementLine[]): ParsedStatement {
  const keyOf = keyByFacts("csv");
  const lines: StatementLine[] = read.map(({ statementDate: _, ...line }) => ({
    ...line,
    dedupeKey: line.entryRef ? `r:csv|${line.entryRef}` : keyOf(line),
  }));
  const bookings = lines.map((l) => l.bookingDate).sort();
  const ends = read.flatMap((l) => (l.statementDate ? [l.statementDate] : [])).sort();
  return {
    format: "csv",
    accountIban: "",
    fromDate: bookings[0] ?? null,
    toDate: ends.at(-1) ?? bookings.at(-1) ?? null,
    lines,
  };
}
