import { z } from "zod";
import type { ParsedStatement } from "@/lib/bank/statement-lines";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { bankLineFromRow, type CsvStatementLine, statementFromCsvLines } from "./bank-statement-rows";
import { IMPORT_FIELDS, missingFields } from "./fields";
import { columnMappingSchema, importHeadersSchema } from "./import-columns";
import type { RowProblem } from "./import-kind";
import { importOptionsSchema } from "./import-options";
import { ENCODINGS } from "./read-csv";
import { suggestColumns } from "./receive-import-file";
import { fileRows } from "./run-import";

/** How a bank's CSV export received by the API is read: fixed when it arrives, kept on the statement. */
export const bankCsvColumnsSchema = z.object({
  encoding: z.enum(ENCODINGS),
  headers: importHeadersSchema,
  mapping: columnMappingSchema,
  options: importOptionsSchema,
});
export type BankCsvColumns = z.infer<typeof bankCsvColumnsSchema>;

/**
 * The columns of a bank's CSV export sent without a person to map it (the
 * API): the organization's remembered "Bank statement" mapping from the Import
 * page where its headers are in the file, else headers we recognise. Reads
 * only the file's first 64 KB. Refused, naming each field that has no column,
 * when no mapping can be made.
 */
export async function bankCsvColumns(db: DbOrTx, opts: { orgId: string; bytes: Uint8Array }): Promise<BankCsvColumns> {
  const head = opts.bytes.subarray(0, 64 * 1024);
  const encoding = isUtf8(opts.bytes) ? "utf-8" : "windows-1252";
  const { headers, mapping, options } = await suggestColumns(db, {
    orgId: opts.orgId,
    kind: "bank_statement",
    head,
    encoding,
  });
  const missing = missingFields("bank_statement", mapping, headers);
  if (Object.keys(missing).length) {
    const labels = IMPORT_FIELDS.bank_statement.filter((f) => missing[f.key]).map((f) => f.label.toLowerCase());
    throw new AppError(
      "INVALID_INPUT",
      `The CSV's columns could not be mapped: no column for the ${labels.join(" and the ")} (headers: ${headers.join(", ")}). Import one file of this bank on the Import page (kind "Bank statement") and choose its columns there once: files with the same headers are then read the same way here.`,
      missing,
    );
  }
  return { encoding, headers, mapping, options };
}

/** A received CSV statement read through its stored columns (the bank statement job's CSV reader, given it by the worker); a row that cannot be read fails the whole file, naming the first rows. */
export async function readBankCsv(
  bytes: Uint8Array,
  stored: unknown,
  ctx: { defaultCurrency: string },
): Promise<ParsedStatement> {
  const columns = bankCsvColumnsSchema.parse(stored);
  const lines: CsvStatementLine[] = [];
  const problems: RowProblem[] = [];
  for await (const item of fileRows([bytes], columns)) {
    if (!("row" in item)) continue;
    const read = bankLineFromRow(item.row, { options: columns.options, defaultCurrency: ctx.defaultCurrency });
    problems.push(...read.problems);
    if (read.line) lines.push(read.line);
  }
  if (problems.length) {
    const named = problems.slice(0, 3).map((p) => `row ${p.line}, ${p.column}: ${p.message}`);
    throw new AppError(
      "INVALID_INPUT",
      `${problems.length} cell${problems.length === 1 ? "" : "s"} of the CSV could not be read (${named.join("; ")}). Nothing was recorded.`,
    );
  }
  return statementFromCsvLines(lines);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
