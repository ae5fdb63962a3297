// CSV writing for exports (RFC 4180 quoting) with formula injection defused
// (OWASP "CSV Injection"). A spreadsheet may split a line on another separator
// than the file's: Italian and Norwegian Excel split on ";", so "x;=cmd" would
// become a cell "=cmd". So every cell holding a separator of any locale
// (, ; tab |) is quoted, and every part of it that such a separator starts (the
// cell's start included) and that begins with = + - @ tab or CR gets a ' in front:
// however a spreadsheet splits "Acme;=1+1;", each piece it makes is shown, never run
// (a ' before the whole cell only guarded the first piece, issue 22).

const FORMULA_START = /^[=+\-@\t\r]/;
const SEPARATOR_THEN_FORMULA = /([,;\t|\r\n]\s*)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t|\r\n]/;

/** A text cell from data people typed (names, numbers, references). */
export function csvText(value: string): string {
  const parts = value.replace(SEPARATOR_THEN_FORMULA, "$1'");
  const safe = FORMULA_START.test(parts) ? `'${parts}` : parts;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A cell the app generated: a number, date or code, never a formula. */
export function csvValue(value: string | number): string {
  return String(value);
}

export function csvLine(cells: string[]): string {
  return `${cells.join(",")}\r\n`;
}

/** UTF-8 byte order mark: spreadsheets then read ø and € correctly. */
export const CSV_BOM = "\uFEFF";

/** A response body that pulls one line at a time, so an export of any size streams in constant memory. */
export function streamLines(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
