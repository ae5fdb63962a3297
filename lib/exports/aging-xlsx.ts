import { PassThrough, type Readable } from "node:stream";
import ExcelJS from "exceljs";
import { minorDigits, minorToPlain } from "@/lib/money/money";
import { dateOnlyToDb } from "@/lib/time/dates";
import { AGING_EXPORT_HEADERS, type AgingExportRow } from "./aging-rows";

// The aging export as a spreadsheet: the same rows as the CSV, with dates as
// dates and amounts as numbers in each currency's decimals, so sums and filters
// work at once. Written row by row (exceljs' streaming writer), never whole in
// memory. Text goes in as text: a cell like =HYPERLINK(...) stays a string,
// since only cells given as formulas are formulas in the file.
//
// Amounts in a spreadsheet are binary floating point whatever we do; the CSV
// carries the exact decimals for systems that reimport them.

const DATE_FORMAT = "yyyy-mm-dd";
const amountFormat = (currency: string) => {
  const digits = minorDigits(currency);
  return digits ? `#,##0.${"0".repeat(digits)}` : "#,##0";
};

/** Streams an .xlsx of the rows; the returned stream ends when the workbook is complete. */
export function agingXlsxStream(rows: AsyncIterable<AgingExportRow>, opts: { asOf: string }): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(`Aging ${opts.asOf}`, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = AGING_EXPORT_HEADERS.map((header, i) => ({
    header,
    width: [14, 32, 16, 12, 12, 9, 14, 14, 14, 12, 12, 12][i],
  }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const r of rows) {
        const row = sheet.addRow([
          r.reference,
          r.name,
          r.number,
          dateOnlyToDb(r.issueDate),
          dateOnlyToDb(r.dueDate),
          r.currency,
          Number(minorToPlain(r.amountMinor, r.currency)),
          Number(minorToPlain(r.paidMinor, r.currency)),
          Number(minorToPlain(r.openMinor, r.currency)),
          r.daysPastDue,
          r.bucket,
          dateOnlyToDb(r.asOf),
        ]);
        for (const col of [4, 5, 12]) row.getCell(col).numFmt = DATE_FORMAT;
        for (const col of [7, 8, 9]) row.getCell(col).numFmt = amountFormat(r.currency);
        row.commit();
      }
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
