import type { ImportKind } from "@/lib/generated/prisma/enums";
import { IMPORT_FIELDS, normalizeHeader } from "./fields";
import { type CsvRecord, type Delimiter, type Encoding, readCsv } from "./read-csv";

/** Records read to find the header and the formats: enough to see a day above 12 in most files. */
export const SAMPLE_RECORDS = 200;
/** Title lines an export may put above its header row. */
export const HEADER_SEARCH_ROWS = 20;

/** The first records of a file from its first chunk; a record the chunk cuts off is left out. */
export async function sampleRecords(
  head: Uint8Array,
  encoding: Encoding,
  delimiter: Delimiter,
  records = SAMPLE_RECORDS,
): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  try {
    for await (const record of readCsv([head], { encoding, delimiter, records })) out.push(record);
  } catch {
    // The chunk ends inside a record (a quoted cell): the records before it are whole.
  }
  return out;
}

/**
 * The line of the header row: the first of the first rows that names two or
 * more known columns (exports put a title, the company and a period above it),
 * else the first row with two or more cells, else line 1.
 */
export function findHeaderLine(kind: ImportKind, records: CsvRecord[]): number {
  const known = new Set(
    IMPORT_FIELDS[kind].flatMap((f) => [f.key.replace(/([A-Z])/g, " $1"), f.label, ...f.aliases].map(normalizeHeader)),
  );
  const first = records.slice(0, HEADER_SEARCH_ROWS);
  const named = first.find((r) => r.cells.filter((c) => known.has(normalizeHeader(c))).length >= 2);
  const wide = first.find((r) => r.cells.filter((c) => c.trim()).length >= 2);
  return (named ?? wide ?? first[0])?.line ?? 1;
}

/** A totals line at the end of an export: "Total", "Sum", "Totale", "Totalt", "Grand total" in a cell of its own. */
const TOTALS = /^(?:grand\s+)?(?:total[ei]?|totals|totalt|sum|summe|sum\s+totalt|totale\s+generale|i\s+alt)\s*:?$/i;
export function isTotalsLine(cells: string[]): string | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  const label = filled.find((c) => TOTALS.test(c));
  return label && filled.length <= Math.max(3, cells.length / 2) ? label : null;
}

/**
 * The print timestamp QuickBooks ends a report with, after blank lines
 * ("Tuesday, Dec 01, 2026 06:13:55 AM GMT-8"), alone on its line: not a data row.
 */
const REPORT_TIMESTAMP =
  /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+[a-z]{3,9}\.?\s+\d{1,2},\s+\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?(?:\s+(?:gmt|utc)[+-]\d{1,2}(?::?\d{2})?)?$/i;
export function isReportFooter(cells: string[]): string | null {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length === 1 && REPORT_TIMESTAMP.test(filled[0]) ? filled[0] : null;
}
