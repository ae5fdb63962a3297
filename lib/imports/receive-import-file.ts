import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { finished } from "node:stream/promises";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { suggestMapping, type ColumnMapping } from "./fields";
import { defaultOptions } from "./import-options";
import { detectDelimiter, readCsv, type Encoding } from "./read-csv";

export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;
const MB = 1024 * 1024;

export function importDirectory(): string {
  return process.env.DUNNING_IMPORT_DIR ?? path.join(os.tmpdir(), "dunning-imports");
}

/**
 * Stores an uploaded CSV on local disk as it arrives (never whole in memory),
 * checking size and encoding on the way, reads its header row and records the
 * import with a suggested column mapping. Nothing is imported yet.
 */
export async function receiveImportFile(
  db: DbOrTx,
  opts: { orgId: string; userId: string; kind: ImportKind; fileName: string; body: AsyncIterable<Uint8Array>; maxBytes?: number },
) {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  await mkdir(importDirectory(), { recursive: true });
  const filePath = path.join(importDirectory(), `${randomUUID()}.csv`);
  try {
    const { bytes, encoding } = await saveUpload(opts.body, filePath, maxBytes);
    if (bytes === 0) throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
    const head = await readHead(filePath);
    refuseNonCsv(head);
    const firstLine = new TextDecoder(encoding).decode(head).split(/\r?\n/)[0];
    const delimiter = detectDelimiter(firstLine);
    const headers = await readHeader(filePath, encoding, delimiter);
    const remembered = await db.importMapping.findUnique({ where: { orgId_kind: { orgId: opts.orgId, kind: opts.kind } } });
    return await db.import.create({
      data: {
        orgId: opts.orgId,
        userId: opts.userId,
        kind: opts.kind,
        fileName: opts.fileName.slice(0, 200) || "upload.csv",
        filePath,
        byteSize: bytes,
        encoding,
        headers,
        mapping: suggestMapping(opts.kind, headers, (remembered?.mapping as ColumnMapping | undefined) ?? null),
        options: { ...defaultOptions(), delimiter },
      },
    });
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
}

/** Writes the upload to disk; UTF-8 unless some bytes are not valid UTF-8, then Windows-1252. */
async function saveUpload(body: AsyncIterable<Uint8Array>, filePath: string, maxBytes: number): Promise<{ bytes: number; encoding: Encoding }> {
  const out = createWriteStream(filePath);
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  let validUtf8 = true;
  let bytes = 0;
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new AppError("TOO_LARGE", `The file is larger than ${maxBytes / MB} MB. Split it into smaller files and import them one after another.`);
      }
      if (validUtf8) {
        try {
          utf8.decode(chunk, { stream: true });
        } catch {
          validUtf8 = false;
        }
      }
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    if (validUtf8) {
      try {
        utf8.decode();
      } catch {
        validUtf8 = false;
      }
    }
  } finally {
    out.end();
    await finished(out);
  }
  return { bytes, encoding: validUtf8 ? "utf-8" : "windows-1252" };
}

async function readHead(filePath: string): Promise<Uint8Array> {
  const handle = await open(filePath, "r");
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function refuseNonCsv(head: Uint8Array): void {
  const start = Buffer.from(head.subarray(0, 8)).toString("latin1");
  if (start.startsWith("PK\u0003\u0004")) {
    throw new AppError("INVALID_INPUT", "This is an Excel workbook or another zip file, not CSV. In your spreadsheet or accounting system, save or export it as CSV and upload that.");
  }
  if (start.startsWith("%PDF")) throw new AppError("INVALID_INPUT", "This is a PDF, not a CSV file. Export the data as CSV from your accounting system.");
  if (head.includes(0)) throw new AppError("INVALID_INPUT", "This is not a CSV file: it contains binary data. Export the data as CSV (comma or semicolon separated text).");
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, "");
  if (!text.trim()) throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
}

async function readHeader(filePath: string, encoding: Encoding, delimiter: ReturnType<typeof detectDelimiter>): Promise<string[]> {
  let cells: string[] = [];
  try {
    for await (const record of readCsv(filePath, { encoding, delimiter })) {
      cells = record.cells;
      break;
    }
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file could not be read as CSV: ${(error as Error).message}`);
  }
  const headers = cells.map((h, i) => h.trim() || `Column ${i + 1}`);
  if (headers.length < 2) {
    throw new AppError("INVALID_INPUT", "The first row has only one column. A CSV file needs a header row with its columns separated by commas, semicolons or tabs.");
  }
  const seen = new Set<string>();
  return headers.map((h) => {
    let name = h;
    for (let n = 2; seen.has(name); n++) name = `${h} (${n})`;
    seen.add(name);
    return name;
  });
}
