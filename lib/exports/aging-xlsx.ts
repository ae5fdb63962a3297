import type { Readable } from "node:stream";
import { AGING_EXPORT_COLUMNS, type AgingExportRow } from "./aging-rows";
import { xlsxStreamOf } from "./columns";

// The aging export as a spreadsheet: the same rows and columns as the CSV, with dates
// as dates and amounts as numbers in each currency's decimals, so sums and filters work.

/** Streams an .xlsx of the rows; the returned stream ends when the workbook is complete. */
export function agingXlsxStream(rows: AsyncIterable<AgingExportRow>, opts: { asOf: string }): Readable {
  return xlsxStreamOf(rows, { sheet: `Aging ${opts.asOf}`, columns: AGING_EXPORT_COLUMNS });
}
