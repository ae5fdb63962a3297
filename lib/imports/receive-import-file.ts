import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { detectFormats } from "./detect-formats";
import { suggestMapping } from "./fields";
import { findHeaderLine, sampleRecords } from "./file-sample";
import { columnMappingSchema } from "./import-columns";
import { inChunks, storeChunk } from "./import-file";
import { defaultOptions } from "./import-options";
import { detectDelimiter, type Encoding, readCsv } from "./read-csv";

export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
const MB = 1024 * 1024;
/** How long an upload may take: it is written in one transaction, so a broken-off upload leaves nothing behind. */
export const UPLOAD_TIMEOUT_MS = 15 * 60_000;

/**
 * Stores an uploaded CSV in the database as it arrives (never whole in memory),
 * checking size, kind and encoding on the way, reads its header row and records
 * the import with a suggested column mapping, all in one transaction. Nothing
 * is imported yet.
 */
export async function receiveImportFile(
  db: Db,
  opts: {
    orgId: string;
    userId: string;
    kind: ImportKind;
    fileName: string;
    body: AsyncIterable<Uint8Array>;
    maxBytes?: number;
  },
) {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  return db.$transaction(
    async (tx) => {
      const draft = await tx.import.create({
        data: {
          orgId: opts.orgId,
          userId: opts.userId,
          kind: opts.kind,
          fileName: opts.fileName.slice(0, 200) || "upload.csv",
          byteSize: 0,
          encoding: "utf-8",
          headers: [],
        },
      });
      const { bytes, encoding, head } = await saveUpload(tx, draft.id, opts.body, maxBytes);
      if (bytes === 0)
        throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
      // The first lines, not only the first: title lines above the header may have no separator.
      const firstLines = new TextDecoder(encoding).decode(head.subarray(0, 64 * 1024)).split(/\r?\n/, 20);
      const delimiter = detectDelimiter(firstLines.join("\n"));
      const sample = await sampleRecords(head, encoding, delimiter);
      const headerLine = findHeaderLine(opts.kind, sample);
      const headers = await readHeader(head, encoding, delimiter, headerLine);
      const remembered = await tx.importMapping.findUnique({
        where: { orgId_kind: { orgId: opts.orgId, kind: opts.kind } },
      });
      const mapping = suggestMapping(
        opts.kind,
        headers,
        remembered ? columnMappingSchema.parse(remembered.mapping) : null,
      );
      const rows = sample.filter((r) => r.line > headerLine).map((r) => r.cells);
      const formats = detectFormats(opts.kind, headers, mapping, rows);
      return tx.import.update({
        where: { id: draft.id },
        data: {
          byteSize: bytes,
          encoding,
          headers,
          mapping,
          options: {
            ...defaultOptions(),
            ...formats.fallback,
            ...(remembered?.options as object),
            ...formats.decided,
            delimiter,
            headerLine,
          },
        },
      });
    },
    { timeout: UPLOAD_TIMEOUT_MS, maxWait: 30_000 },
  );
}

/**
 * Writes the upload to the import's chunks; UTF-8 unless some bytes are not
 * valid UTF-8, then Windows-1252. A file that is not CSV is refused at its
 * first chunk, before the rest is sent. Returns the first chunk (the header).
 */
async function saveUpload(
  tx: DbOrTx,
  importId: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: number; encoding: Encoding; head: Buffer<ArrayBuffer> }> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  let head: Buffer<ArrayBuffer> = Buffer.alloc(0);
  let seq = 0;
  for await (const chunk of inChunks(limited(body, maxBytes))) {
    if (seq === 0) {
      refuseNonCsv(chunk.subarray(0, 64 * 1024));
      head = chunk;
    }
    bytes += chunk.length;
    if (validUtf8) {
      try {
        utf8.decode(chunk, { stream: true });
      } catch {
        validUtf8 = false;
      }
    }
    await storeChunk(tx, importId, seq++, chunk);
  }
  if (validUtf8) {
    try {
      utf8.decode();
    } catch {
      validUtf8 = false;
    }
  }
  return { bytes, encoding: validUtf8 ? "utf-8" : "windows-1252", head };
}

/** The upload's bytes, refused as soon as they pass the limit. */
async function* limited(body: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let bytes = 0;
  for await (const piece of body) {
    bytes += piece.length;
    if (bytes > maxBytes) {
      throw new AppError(
        "TOO_LARGE",
        `The file is larger than ${maxBytes / MB} MB. Split it into smaller files and import them one after another.`,
      );
    }
    yield piece;
  }
}

function refuseNonCsv(head: Uint8Array): void {
  const start = Buffer.from(head.subarray(0, 8)).toString("latin1");
  if (start.startsWith("PK\u0003\u0004")) {
    throw new AppError(
      "INVALID_INPUT",
      "This is an Excel workbook or another zip file, not CSV. In your spreadsheet or accounting system, save or export it as CSV and upload that.",
    );
  }
  if (start.startsWith("%PDF"))
    throw new AppError(
      "INVALID_INPUT",
      "This is a PDF, not a CSV file. Export the data as CSV from your accounting system.",
    );
  if (head.includes(0))
    throw new AppError(
      "INVALID_INPUT",
      "This is not a CSV file: it contains binary data. Export the data as CSV (comma or semicolon separated text).",
    );
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, "");
  if (!text.trim())
    throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
}

/** The header row (on `headerLine`), from the file's first chunk (a header row is far shorter than a chunk). */
export async function readHeader(
  head: Uint8Array,
  encoding: Encoding,
  delimiter: ReturnType<typeof detectDelimiter>,
  headerLine = 1,
): Promise<string[]> {
  let cells: string[] = [];
  try {
    for await (const record of readCsv([head], { encoding, delimiter, records: headerLine })) {
      cells = record.cells;
      if (record.line >= headerLine) break;
    }
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file could not be read as CSV: ${(error as Error).message}`);
  }
  const headers = cells.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (headers.length < 2) {
    throw new AppError(
      "INVALID_INPUT",
      "The first row has only one column. A CSV file needs a header row with its columns separated by commas, semicolons or tabs.",
    );
  }
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let n = 2; seen.has(name); n++) name = `${h} (${n})`;
    seen.add(name);
    return name;
  });
}
