import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// An uploaded file lives in PostgreSQL (import_file_chunks), not on one app
// server's disk, so the job worker and every app server read the same bytes.
// It is written and read one chunk at a time: never whole in memory.

/** Bytes per stored chunk (the table's CHECK allows up to this). */
export const CHUNK_BYTES = 1024 * 1024;

/** Cuts a stream of pieces of any size into chunks of CHUNK_BYTES (the last one shorter). */
export async function* inChunks(
  body: AsyncIterable<Uint8Array>,
  size = CHUNK_BYTES,
): AsyncGenerator<Buffer<ArrayBuffer>> {
  let parts: Buffer<ArrayBuffer>[] = [];
  let length = 0;
  for await (const piece of body) {
    let rest = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (length + rest.length >= size) {
      const take = size - length;
      yield Buffer.concat([...parts, rest.subarray(0, take)]);
      rest = rest.subarray(take);
      parts = [];
      length = 0;
    }
    if (rest.length) {
      parts.push(Buffer.from(rest)); // a copy: the caller may reuse its buffer
      length += rest.length;
    }
  }
  if (length) yield Buffer.concat(parts);
}

export async function storeChunk(
  tx: DbOrTx,
  importId: string,
  seq: number,
  data: Uint8Array<ArrayBuffer>,
): Promise<void> {
  await tx.importFileChunk.create({ data: { importId, seq, data } });
}

/**
 * The stored file of an import, chunk by chunk in order. A file that is no
 * longer stored (deleted when it was imported) cannot be read again.
 */
export async function* readImportFile(db: DbOrTx, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await db.importFileChunk.findUnique({
      where: { importId_seq: { importId, seq } },
      select: { data: true },
    });
    if (!chunk) {
      if (seq === 0) throw new AppError("CONFLICT", "The file of this import is no longer stored. Upload it again.");
      return;
    }
    yield chunk.data;
  }
}

/** Uploaded files are kept this long for an import that is not run; then their bytes go. */
export const KEEP_UNIMPORTED_FILE_MS = 7 * 24 * 60 * 60_000;

/**
 * Deletes the stored files of imports uploaded more than a week ago and not
 * running now (a committed import's file went in its commit). Checking such an
 * import later says to upload the file again. Returns how many imports lost their file.
 */
export async function clearUnimportedFiles(db: DbOrTx, now: Date): Promise<number> {
  const cleared = await db.$queryRaw<{ import_id: string }[]>`
    DELETE FROM import_file_chunks c USING imports i
    WHERE c.import_id = i.id AND i.status IN ('UPLOADED', 'VALIDATED', 'FAILED') AND i.created_at < ${new Date(now.getTime() - KEEP_UNIMPORTED_FILE_MS)}
    RETURNING c.import_id`;
  return new Set(cleared.map((c) => c.import_id)).size;
}
