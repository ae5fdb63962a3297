import { Readable, Transform } from "node:stream";
import { parse } from "csv-parse";

export const ENCODINGS = ["utf-8", "windows-1252"] as const;
export type Encoding = (typeof ENCODINGS)[number];
export const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRecord {
  /** Line in the file where the record starts (the header is line 1), as a spreadsheet numbers rows. */
  line: number;
  cells: string[];
}

/** Decodes bytes to text chunk by chunk (a character split across chunks is kept whole); drops a BOM. */
function decoder(encoding: Encoding): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/**
 * Streams the records of a CSV file from its bytes as they come (the stored
 * file's chunks): the file is never held in memory whole. `onBytes` reports how
 * far into the file the reader is, for progress bars; `records` stops reading
 * after that many (the rest of the bytes may end anywhere).
 */
export async function* readCsv(
  file: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: { encoding: Encoding; delimiter: Delimiter; onBytes?: (bytes: number) => void; records?: number },
): AsyncGenerator<CsvRecord> {
  let bytes = 0;
  const source = Readable.from(file, { objectMode: false, highWaterMark: 1 });
  source.on("data", (chunk: Uint8Array) => {
    bytes += chunk.length;
    opts.onBytes?.(bytes);
  });
  const parser = source.pipe(decoder(opts.encoding)).pipe(
    parse({
      to: opts.records ?? -1,
      delimiter: opts.delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; raw?: string };
  }>) {
    // info.lines is the line the record ends on; multi-line cells are rare, so count back.
    yield { line: info.lines - countNewlines(record), cells: record };
  }
}

function countNewlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) n++;
  return n;
}

/** The separator a header line uses: the most frequent of comma, semicolon and tab. */
export function detectDelimiter(firstLine: string): Delimiter {
  let best: Delimiter = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}
