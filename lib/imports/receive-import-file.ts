import { createReadStream } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { detectFormats } from "./detect-formats";
import { type ColumnMapping, suggestMapping } from "./fields";
import { findHeaderLine, sampleRecords } from "./file-sample";
import { columnMappingSchema } from "./import-columns";
import { inChunks, storeChunk } from "./import-file";
import { defaultOptions, type ImportOptions, importOptionsSchema } from "./import-options";
import { detectDelimiter, type Encoding, readCsv } from "./read-csv";

export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
const MB = 1024 * 1024;
/** Seconds of silence after which an upload is dropped: a stalled client must not hold the server's resources. */
export const UPLOAD_IDLE_MS = 30_000;
/** Copying a spooled file of up to 150 MB into the database takes seconds; this bounds a stuck one. */
const STORE_TIMEOUT_MS = 5 * 60_000;
/** More columns than any accounting export has; each becomes a row of the mapping page. */
export const MAX_COLUMNS = 500;
/** A header cell longer than this is data, not a column name. */
export const MAX_HEADER_CHARS = 200;

/**
 * Receives an uploaded CSV into a temporary file first (never whole in memory,
 * and holding no database connection while a slow client sends it), checking
 * size, kind and encoding on the way, reads its header row, then copies the
 * file into the database and records the import with a suggested column
 * mapping in one short transaction. Nothing is imported yet.
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
    idleMs?: number;
  },
) {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const dir = await mkdtemp(path.join(os.tmpdir(), "dunning-upload-"));
  try {
    const file = path.join(dir, "upload.csv");
    const { bytes, encoding, head } = await spoolUpload(file, idle(opts.body, opts.idleMs ?? UPLOAD_IDLE_MS), maxBytes);
    if (bytes === 0)
      throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
    const columns = await suggestColumns(db, { orgId: opts.orgId, kind: opts.kind, head, encoding });
    return await db.$transaction(
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
        let seq = 0;
        for await (const chunk of inChunks(createReadStream(file))) await storeChunk(tx, draft.id, seq++, chunk);
        return tx.import.update({
          where: { id: draft.id },
          data: { byteSize: bytes, encoding, ...columns },
        });
      },
      { timeout: STORE_TIMEOUT_MS, maxWait: 30_000 },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * How a file's columns are read, from its first chunk: the separator, the
 * header row (below any title lines), the headers, the mapping (the
 * organization's remembered one for this kind where its headers are in the
 * file, else headers that look like the fields) and the formats its first rows
 * show, else the remembered ones.
 */
export async function suggestColumns(
  db: DbOrTx,
  opts: { orgId: string; kind: ImportKind; head: Uint8Array; encoding: Encoding },
): Promise<{ headers: string[]; mapping: ColumnMapping; options: ImportOptions }> {
  const { head, encoding } = opts;
  // The first lines, not only the first: title lines above the header may have no separator.
  const firstLines = new TextDecoder(encoding).decode(head.subarray(0, 64 * 1024)).split(/\r?\n/, 20);
  const delimiter = detectDelimiter(firstLines.join("\n"));
  const sample = await sampleRecords(head, encoding, delimiter);
  const headerLine = findHeaderLine(opts.kind, sample);
  const headers = await readHeader(head, encoding, delimiter, headerLine);
  const rows = sample.filter((r) => r.line > headerLine).map((r) => r.cells);
  const remembered = await db.importMapping.findUnique({
    where: { orgId_kind: { orgId: opts.orgId, kind: opts.kind } },
  });
  const mapping = suggestMapping(opts.kind, headers, remembered ? columnMappingSchema.parse(remembered.mapping) : null);
  const formats = detectFormats(opts.kind, headers, mapping, rows);
  const options = importOptionsSchema.parse({
    ...defaultOptions(),
    ...formats.fallback,
    ...(remembered?.options as object),
    ...formats.decided,
    delimiter,
    headerLine,
  });
  return { headers, mapping, options };
}

/**
 * Writes the upload to a temporary file; UTF-8 unless some bytes are not
 * valid UTF-8, then Windows-1252. A file that is not CSV is refused at its
 * first chunk, before the rest is sent. Returns the first chunk (the header).
 */
async function spoolUpload(
  file: string,
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<{ bytes: number; encoding: Encoding; head: Buffer<ArrayBuffer> }> {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  let head: Buffer<ArrayBuffer> = Buffer.alloc(0);
  const out = await open(file, "w", 0o600);
  try {
    for await (const chunk of inChunks(limited(body, maxBytes))) {
      if (bytes === 0) {
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
      await out.write(chunk);
    }
  } finally {
    await out.close();
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

/** The upload's pieces, refused when the client sends nothing for idleMs (a stalled or deliberately slow upload). */
async function* idle(body: AsyncIterable<Uint8Array>, idleMs: number): AsyncGenerator<Uint8Array> {
  const it = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AppError(
                "TIMEOUT",
                `The upload stopped: nothing arrived for ${Math.round(idleMs / 1000)} seconds. Check the connection and upload the file again.`,
              ),
            ),
          idleMs,
        );
      });
      const next = await Promise.race([it.next(), stalled]).finally(() => clearTimeout(timer));
      if (next.done) return;
      yield next.value;
    }
  } finally {
    void it.return?.();
  }
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
  // Exports may put title lines above the header: name the row the header was read from.
  const row = headerLine === 1 ? "the first row" : `row ${headerLine} (the header row)`;
  const Row = row[0].toUpperCase() + row.slice(1);
  if (cells.length > MAX_COLUMNS) {
    throw new AppError(
      "INVALID_INPUT",
      `${Row} has ${cells.length} columns; at most ${MAX_COLUMNS} can be mapped. Check that this is the CSV export you meant, or remove the columns you do not import.`,
    );
  }
  const long = cells.findIndex((h) => h.trim().length > MAX_HEADER_CHARS);
  if (long >= 0) {
    throw new AppError(
      "INVALID_INPUT",
      `Column ${long + 1} of ${row} is ${cells[long].trim().length} characters long; a column name has at most ${MAX_HEADER_CHARS}.${headerLine === 1 ? " The first row must be the header row with the column names." : ""}`,
    );
  }
  const headers = cells.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (headers.length < 2) {
    throw new AppError(
      "INVALID_INPUT",
      `${Row} has only one column. A CSV file needs a header row with its columns separated by commas, semicolons or tabs.`,
    );
  }
  return uniqueNames(headers);
}

/**
 * Repeated names get " (2)", " (3)"...; linear: each name remembers the next
 * number to try (trying from 2 every time was quadratic: 16,000 equal header
 * cells blocked the server for two minutes).
 */
export function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  const nextNumber = new Map<string, number>();
  return names.map((h) => {
    let name = h;
    let n = nextNumber.get(h) ?? 2;
    while (seen.has(name)) name = `${h} (${n++})`;
    nextNumber.set(h, n);
    seen.add(name);
    return name;
  });
}
