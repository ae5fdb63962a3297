// A table in a document's body (a letter's invoices and charges, a statement's items): text
// lines each indented by two spaces, no bullets, which the PDF renderer draws as a table in
// proportional type, amounts right aligned, with a rule under the header (render-letter-pdf.ts, Pen.block). Letters and
// statements write their tables with this one function, so both print alike.

/** A monospaced table: text columns left, amounts right; `after` lines (totals) follow it. */
export function bodyTable(header: string[], rows: string[][], after: string[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const last = header.length - 1;
  const line = (cells: string[]) =>
    "  " +
    cells
      .map((cell, c) => (c >= 2 || (c === last && c > 0) ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line), ...after].join("\n");
}
