import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { detectFormats } from "./detect-formats";
import { type ColumnMapping, suggestMapping } from "./fields";
import { sampleRecords } from "./file-sample";
import { getImportOrThrow } from "./get-import";
import { importOptionsSchema } from "./import-options";
import type { CsvRecord, Encoding } from "./read-csv";
import { readHeader } from "./receive-import-file";

/** The first chunk of an import's stored file (the header and the first rows are in it). */
async function fileHead(tx: DbOrTx, importId: string): Promise<Uint8Array> {
  const chunk = await tx.importFileChunk.findUnique({
    where: { importId_seq: { importId, seq: 0 } },
    select: { data: true },
  });
  if (!chunk) throw new AppError("CONFLICT", "The file of this import is no longer stored. Upload it again.");
  return chunk.data;
}

/** The file's first rows as they are, for the user to point at the header row. */
export async function firstRecords(tx: DbOrTx, opts: { orgId: string; importId: string }, count = 12) {
  const imp = await getImportOrThrow(tx, opts);
  const options = importOptionsSchema.parse(imp.options);
  return sampleRecords(await fileHead(tx, imp.id), imp.encoding as Encoding, options.delimiter, count);
}

/**
 * Takes another row as the header (the user's pick, when an export has title
 * lines the upload did not recognize): reads the column names there, offers a
 * mapping and the formats its values show, and asks for a new check.
 */
export async function chooseHeaderRow(tx: DbOrTx, opts: { orgId: string; importId: string; headerLine: number }) {
  const imp = await getImportOrThrow(tx, opts);
  if (imp.status === "VALIDATING" || imp.status === "COMMITTING" || imp.status === "COMMITTED")
    throw new AppError("CONFLICT", "This import is running or done; its header row can no longer change.");
  const options = importOptionsSchema.parse(imp.options);
  const encoding = imp.encoding as Encoding;
  const head = await fileHead(tx, imp.id);
  const sample: CsvRecord[] = await sampleRecords(head, encoding, options.delimiter);
  if (!sample.some((r) => r.line === opts.headerLine))
    throw new AppError("INVALID_INPUT", `Row ${opts.headerLine} is not among the file's first rows.`, {
      headerLine: ["Choose one of the rows shown."],
    });
  const headers = await readHeader(head, encoding, options.delimiter, opts.headerLine);
  const remembered = await tx.importMapping.findUnique({
    where: { orgId_kind: { orgId: opts.orgId, kind: imp.kind } },
  });
  const mapping = suggestMapping(imp.kind, headers, (remembered?.mapping as ColumnMapping | undefined) ?? null);
  const rows = sample.filter((r) => r.line > opts.headerLine).map((r) => r.cells);
  return tx.import.update({
    where: { id: imp.id },
    data: {
      headers,
      mapping,
      options: { ...options, ...detectFormats(imp.kind, headers, mapping, rows).decided, headerLine: opts.headerLine },
      status: "UPLOADED",
      problems: [],
      problemCount: 0,
      changes: {},
      notices: [],
      preview: [],
      rowCount: 0,
      bytesRead: 0,
      error: "",
    },
  });
}
