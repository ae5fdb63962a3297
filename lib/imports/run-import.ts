import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Import } from "@/lib/generated/prisma/client";
import { todayIn } from "@/lib/time/dates";
import { AMOUNT_FIELDS, decimalShownBy } from "./detect-formats";
import type { ColumnMapping } from "./fields";
import { IMPORT_FIELDS } from "./fields";
import { isReportFooter, isTotalsLine, SAMPLE_RECORDS } from "./file-sample";
import { readImportColumns } from "./import-columns";
import type { BatchContext, MappedRow, RowNotice, RowProblem } from "./import-kind";
import type { ImportOptions } from "./import-options";
import { type ImportChanges, noChanges } from "./invoice-changes";
import { IMPORT_KIND_HANDLERS } from "./kinds";
import { PREVIEW_ROWS, type PreviewRow, previewRow } from "./preview-row";
import { type Encoding, readCsv } from "./read-csv";

export const BATCH_ROWS = 2000;
/** Problems kept for the preview; the count covers them all. */
export const MAX_PROBLEMS_SHOWN = 500;

export interface PassResult {
  rows: number;
  problems: RowProblem[];
  problemCount: number;
  created: number;
  updated: number;
  /** What the file changes in stored rows (invoices). */
  changes: ImportChanges;
  /** Rows skipped, said to the user: title lines, totals lines. */
  notices: RowNotice[];
  /** The first rows as read. */
  preview: PreviewRow[];
}

/**
 * One pass over the import's file (its stored bytes, `file`) in batches: every
 * row is checked (against the file so far and the database through `tx`), and
 * with `write` valid batches are upserted. `progress` hears how many bytes were
 * read after each batch.
 */
export async function runImportPass(
  tx: DbOrTx,
  imp: Import,
  opts: {
    file: AsyncIterable<Uint8Array>;
    write: boolean;
    /** Who imports: corrections are audited in their name. */
    userId?: string | null;
    progress?: (bytesRead: number, rows: number) => Promise<void>;
  },
): Promise<PassResult> {
  const handler = IMPORT_KIND_HANDLERS[imp.kind];
  const { options, mapping, headers } = readImportColumns(imp);
  const state = handler.newState();
  const org = await tx.organization.findUniqueOrThrow({
    where: { id: imp.orgId },
    select: { defaultCurrency: true, timeZone: true },
  });
  const defaultCurrency = org.defaultCurrency;
  const ctx: BatchContext = { orgId: imp.orgId, options, defaultCurrency, today: todayIn(org.timeZone) };
  const result: PassResult = {
    rows: 0,
    problems: [],
    problemCount: 0,
    created: 0,
    updated: 0,
    changes: noChanges(),
    notices: [],
    preview: [],
  };
  const fields = IMPORT_FIELDS[imp.kind].map((f) => f.key);
  let bytesRead = 0;
  let batch: MappedRow[] = [];
  /** Amount cells of the first rows: the decimal mark they show is said to the user. */
  const amounts: { line: number; text: string }[] = [];

  const take = async ({
    valid,
    problems,
    notices = [],
  }: {
    valid: unknown[];
    problems: RowProblem[];
    notices?: RowNotice[];
  }) => {
    result.notices.push(...notices.slice(0, MAX_PROBLEMS_SHOWN - result.notices.length));
    result.problemCount += problems.length;
    result.problems.push(...problems.slice(0, MAX_PROBLEMS_SHOWN - result.problems.length));
    if (opts.write && result.problemCount === 0) {
      const written = await handler.write(
        tx,
        { orgId: imp.orgId, importId: imp.id, userId: opts.userId ?? null },
        valid,
      );
      result.created += written.created;
      result.updated += written.updated;
    }
  };
  const flush = async () => {
    if (!batch.length) return;
    await take(await handler.validate(tx, ctx, batch, state));
    batch = [];
    await opts.progress?.(bytesRead, result.rows);
  };

  for await (const item of fileRows(
    opts.file,
    { encoding: imp.encoding as Encoding, options, mapping, headers },
    (b) => {
      bytesRead = b;
    },
  )) {
    if ("notice" in item) {
      result.notices.push(item.notice);
      continue;
    }
    result.rows++;
    if (result.preview.length < PREVIEW_ROWS)
      result.preview.push(previewRow(item.row, fields, options, defaultCurrency));
    if (result.rows <= SAMPLE_RECORDS)
      for (const f of AMOUNT_FIELDS)
        if (item.row.value(f)) amounts.push({ line: item.row.line, text: item.row.value(f) });
    batch.push(item.row);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
  if (handler.finish) await take(await handler.finish(tx, ctx, state));
  // Problems in row order: held-back rows (line items) are checked last.
  result.problems.sort((a, b) => a.line - b.line);
  const shown = decimalShownBy(amounts);
  // The decimal comma is not the default: when the file's values chose it, the user is told where from.
  // (With the point chosen for such a file, each amount's problem says to choose the comma.)
  if (shown?.mark === "," && options.decimalSeparator === ",")
    result.notices.push({
      line: shown.line,
      message: `Amounts are read with a decimal comma, as the file writes them: "${shown.text}" is ${shown.reading}.`,
    });
  result.notices.sort((a, b) => a.line - b.line);
  result.changes = handler.changes?.(state) ?? noChanges();
  if (result.rows === 0) {
    result.problemCount++;
    result.problems.push({
      line: options.headerLine + 1,
      column: "",
      message: "The file has a header row but no data rows.",
    });
  }
  return result;
}

/**
 * The data rows of a CSV file read through a column mapping, and the rows
 * skipped with the reason (title lines above the header, totals, a report's
 * print time): the one reading of a mapped file (the import passes and a bank's
 * CSV statement received by the API).
 */
export async function* fileRows(
  file: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  columns: { encoding: Encoding; options: ImportOptions; mapping: ColumnMapping; headers: string[] },
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<{ row: MappedRow } | { notice: RowNotice }> {
  const { options, mapping, headers } = columns;
  const index = new Map(Object.entries(mapping).map(([field, header]) => [field, headers.indexOf(header)]));
  try {
    for await (const record of readCsv(file, {
      encoding: columns.encoding,
      delimiter: options.delimiter,
      onBytes,
    })) {
      if (record.line < options.headerLine) {
        if (record.cells.some((c) => c.trim()))
          yield { notice: { line: record.line, message: "Above the header row: skipped (a title line)." } };
        continue;
      }
      if (record.line === options.headerLine) continue;
      if (record.cells.every((c) => !c.trim())) continue;
      const totals = isTotalsLine(record.cells);
      if (totals) {
        yield { notice: { line: record.line, message: `A totals line ("${totals}"): skipped.` } };
        continue;
      }
      const footer = isReportFooter(record.cells);
      if (footer) {
        yield { notice: { line: record.line, message: `The report's print time ("${footer}"): skipped.` } };
        continue;
      }
      yield { row: mappedRow(record.line, record.cells, index, mapping) };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code ?? "";
    if (code.startsWith("CSV_"))
      throw new AppError("INVALID_INPUT", `The file is not valid CSV: ${(error as Error).message}`);
    throw error;
  }
}

function mappedRow(line: number, cells: string[], index: Map<string, number>, mapping: ColumnMapping): MappedRow {
  return {
    line,
    value: (field) => {
      const i = index.get(field);
      return i === undefined || i < 0 ? "" : (cells[i] ?? "").trim();
    },
    column: (field) => mapping[field] ?? field,
    has: (field) => (index.get(field) ?? -1) >= 0,
  };
}

/** Reports a pass's progress on the import record, outside any import transaction so the page sees it. */
export function progressReporter(db: Db, importId: string) {
  let last = 0;
  return async (bytesRead: number, rows: number) => {
    const now = Date.now();
    if (now - last < 250) return;
    last = now;
    await db.import.update({ where: { id: importId }, data: { bytesRead, rowCount: rows } });
  };
}
