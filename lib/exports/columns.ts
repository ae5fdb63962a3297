import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { CSV_BOM, csvLine, csvText, csvValue } from "@/lib/csv/csv";
import { formatPlainAmount } from "@/lib/imports/parse-values";
import { minorDigits, minorToPlain } from "@/lib/money/money";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

// An export is rows and a list of columns; the same columns write the CSV and the
// spreadsheet. Each cell says what it is: text people typed (defused against formulas
// in CSV, a plain string in XLSX), a date, an amount in minor units of a currency
// (exact decimals in CSV, a number in that currency's decimals in XLSX) or a count.

export type ExportCell =
  | { text: string }
  | { date: DateOnly | null }
  | { amount: number; currency: string }
  | { count: number | null };

export interface ExportColumn<R> {
  header: string;
  /** Spreadsheet column width, in characters. */
  width: number;
  cell: (row: R) => ExportCell;
}

/** The rows as CSV lines (with a byte order mark), pulled one row at a time. */
export async function* csvLinesOf<R>(rows: AsyncIterable<R>, columns: ExportColumn<R>[]): AsyncGenerator<string> {
  yield CSV_BOM + csvLine(columns.map((c) => csvText(c.header)));
  for await (const row of rows) {
    yield csvLine(
      columns.map((c) => {
        const v = c.cell(row);
        if ("text" in v) return csvText(v.text);
        if ("date" in v) return csvValue(v.date ?? "");
        if ("amount" in v) return csvValue(formatPlainAmount(v.amount, v.currency));
        return csvValue(v.count ?? "");
      }),
    );
  }
}

const DATE_FORMAT = "yyyy-mm-dd";
const amountFormat = (currency: string) => {
  const digits = minorDigits(currency);
  return digits ? `#,##0.${"0".repeat(digits)}` : "#,##0";
};

/**
 * Streams an .xlsx of the rows (exceljs' streaming writer, never whole in memory);
 * the stream ends when the workbook is complete. Text goes in as text: a cell like
 * =HYPERLINK(...) stays a string, since only cells given as formulas are formulas.
 * Amounts in a spreadsheet are binary floating point whatever we do; the CSV
 * carries the exact decimals for systems that reimport them.
 */
export function xlsxStreamOf<R>(rows: AsyncIterable<R>, opts: { sheet: string; columns: ExportColumn<R>[] }): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(opts.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = opts.columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const r of rows) {
        const cells = opts.columns.map((c) => c.cell(r));
        const row = sheet.addRow(
          cells.map((v) => {
            if ("text" in v) return v.text;
            if ("date" in v) return v.date ? dateOnlyToDb(v.date) : null;
            if ("amount" in v) return Number(minorToPlain(v.amount, v.currency));
            return v.count;
          }),
        );
        cells.forEach((v, i) => {
          if ("date" in v) row.getCell(i + 1).numFmt = DATE_FORMAT;
          if ("amount" in v) row.getCell(i + 1).numFmt = amountFormat(v.currency);
        });
        row.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
