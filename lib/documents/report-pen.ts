import type { PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import { rgb } from "pdf-lib";
import { INK, keepNumbersTogether, MM, MUTED, PAGE_H, PAGE_W } from "./pdf-page";
import type { Fonts } from "./render-letter-pdf";

// The report layout: an A4 document of headed sections, wrapped lines and tables whose
// header repeats on every page a table spans, with a page-numbered footer. The hand-off
// summary draws all its tables with it; a new tabular document (a receipt, a report) can too.

const LEFT = 16 * MM;
const RIGHT = 16 * MM;
const TEXT_W = PAGE_W - LEFT - RIGHT;
const TOP = PAGE_H - 16 * MM;
const BOTTOM = 18 * MM;
const SIZE = 8;
const STEP = SIZE * 1.3;
const RULE = rgb(0.75, 0.77, 0.8);

export interface ReportColumn {
  label: string;
  /** Share of the text width. */
  width: number;
  align?: "right";
}

/** A table section: a heading, an optional muted introduction, then the table. */
export interface ReportTable {
  heading: string;
  intro?: string;
  columns: ReportColumn[];
  rows: string[][];
}

/** Whitespace and control characters as single spaces: a note's line breaks must not break the table. */
const clean = (s: string) => s.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();

export class ReportPen {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private doc: PDFDocument,
    private fonts: Fonts,
    /** What an empty table says ("None."), and how a page is numbered ("Page 1/3"), in the reader's language. */
    private words: { none: string; page: (n: number, total: number) => string },
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = TOP;
  }

  private room(height: number) {
    if (this.y - height < BOTTOM) {
      this.newPage();
      return true;
    }
    return false;
  }

  text(s: string, x: number, font: PDFFont = this.fonts.regular, size = SIZE, color = INK) {
    this.page.drawText(s, { x, y: this.y, font, size, color });
  }

  /** The title wraps (a long customer name in a long language would run off the page); so does the subtitle. */
  title(s: string, sub: string) {
    for (const part of this.wrap(clean(s), this.fonts.bold, 15, TEXT_W)) {
      this.text(part, LEFT, this.fonts.bold, 15);
      this.y -= 17;
    }
    this.y += 3;
    for (const part of this.wrap(clean(sub), this.fonts.regular, 9, TEXT_W)) {
      this.text(part, LEFT, this.fonts.regular, 9, MUTED);
      this.y -= 11;
    }
  }

  heading(s: string) {
    this.room(44);
    this.y -= 12;
    this.text(s, LEFT, this.fonts.bold, 11);
    this.y -= 5;
    this.page.drawLine({
      start: { x: LEFT, y: this.y },
      end: { x: PAGE_W - RIGHT, y: this.y },
      thickness: 0.6,
      color: MUTED,
    });
    this.y -= 11;
  }

  line(s: string, font: PDFFont = this.fonts.regular, color = INK) {
    for (const part of this.wrap(clean(s), font, SIZE + 1, TEXT_W)) {
      this.room(STEP + 1);
      this.text(part, LEFT, font, SIZE + 1, color);
      this.y -= STEP + 1.5;
    }
  }

  note(s: string) {
    this.line(s, this.fonts.regular, MUTED);
  }

  /** A table section: its heading, its introduction if any, its table. */
  section(t: ReportTable) {
    this.heading(t.heading);
    if (t.intro !== undefined) this.note(t.intro);
    this.table(t.columns, t.rows);
  }

  /** Rows of cells, each wrapped to its column; the header repeats on every page the table spans. */
  table(columns: ReportColumn[], rows: string[][]) {
    const xs: number[] = [];
    let x = LEFT;
    for (const c of columns) {
      xs.push(x);
      x += c.width * TEXT_W;
    }
    // Right-aligned figures keep a wide gap before the next column's text.
    const inner = (c: ReportColumn) => c.width * TEXT_W - (c.align === "right" ? 10 : 4);
    const header = () => {
      const labels = columns.map((c) => this.wrap(c.label, this.fonts.bold, SIZE, inner(c)));
      const lines = Math.max(...labels.map((l) => l.length));
      const top = this.y;
      labels.forEach((label, i) => {
        this.y = top - (lines - label.length) * STEP;
        for (const l of label) {
          this.cell(l, xs[i], inner(columns[i]), this.fonts.bold, columns[i].align);
          this.y -= STEP;
        }
      });
      this.y = top - (lines - 1) * STEP - 3;
      this.page.drawLine({
        start: { x: LEFT, y: this.y },
        end: { x: PAGE_W - RIGHT, y: this.y },
        thickness: 0.5,
        color: MUTED,
      });
      this.y -= STEP;
    };
    this.room(STEP * 4);
    header();
    if (!rows.length) {
      this.text(this.words.none, LEFT, this.fonts.regular, SIZE, MUTED);
      this.y -= STEP;
      return;
    }
    for (const row of rows) {
      const wrapped = row.map((cell, i) => this.wrap(clean(cell), this.fonts.regular, SIZE, inner(columns[i])));
      const height = Math.max(...wrapped.map((w) => w.length)) * STEP;
      if (this.room(height + 2)) header();
      const top = this.y;
      wrapped.forEach((lines, i) => {
        this.y = top;
        for (const l of lines) {
          this.cell(l, xs[i], inner(columns[i]), this.fonts.regular, columns[i].align);
          this.y -= STEP;
        }
      });
      this.y = top - height;
      this.page.drawLine({
        start: { x: LEFT, y: this.y + STEP - 2.5 },
        end: { x: PAGE_W - RIGHT, y: this.y + STEP - 2.5 },
        thickness: 0.25,
        color: RULE,
      });
      this.y -= 2;
    }
  }

  private cell(s: string, x: number, width: number, font: PDFFont, align?: "right") {
    const w = font.widthOfTextAtSize(s, SIZE);
    this.text(s, align === "right" ? x + width - w : x, font);
  }

  /**
   * Word wrap that never breaks an amount, a phone or account number
   * (keepNumbersTogether) or an invoice number: a word longer than the width is
   * broken by characters only when it is long and holds no digits worth keeping
   * whole (an id, a URL); an invoice number or amount stands whole on its line.
   */
  private wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    if (!text) return [""];
    const fits = (s: string) => font.widthOfTextAtSize(s.replace(/\u00a0/g, " "), size) <= maxWidth;
    const whole = (word: string) => /\d/.test(word) && word.length <= 24;
    const lines: string[] = [];
    let current = "";
    for (const word of keepNumbersTogether(text).split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = "";
      let rest = word;
      while (!fits(rest) && !whole(rest)) {
        let n = rest.length - 1;
        while (n > 1 && !fits(rest.slice(0, n))) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      current = rest;
    }
    if (current) lines.push(current);
    return lines.map((l) => l.replace(/\u00a0/g, " "));
  }

  /** On every page: a rule, the label at the left and "Page n/total" at the right. */
  footer(label: string) {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawLine({
        start: { x: LEFT, y: BOTTOM - 6 },
        end: { x: PAGE_W - RIGHT, y: BOTTOM - 6 },
        thickness: 0.4,
        color: MUTED,
      });
      page.drawText(label, { x: LEFT, y: BOTTOM - 16, font: this.fonts.regular, size: 7, color: MUTED });
      const n = this.words.page(i + 1, total);
      page.drawText(n, {
        x: PAGE_W - RIGHT - this.fonts.regular.widthOfTextAtSize(n, 7),
        y: BOTTOM - 16,
        font: this.fonts.regular,
        size: 7,
        color: MUTED,
      });
    });
  }
}
