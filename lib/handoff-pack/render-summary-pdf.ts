import { type PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { type Fonts, keepNumbersTogether, newDocument } from "@/lib/documents/render-letter-pdf";
import type { Language } from "@/lib/generated/prisma/enums";
import { letterFormat } from "@/lib/locale/letter-format";
import { localStamp, type PackData } from "./load-pack-data";
import { type SummaryText, summaryText } from "./summary-text";

// The hand-off summary: one A4 document an agency can read without the app.
// A pure function of PackData (no "generated at" time), so unchanged data gives
// the same bytes. Written in the customer's language, with dates and amounts
// as their letters write them (letterFormat).

const MM = 72 / 25.4;
const PAGE_W = 210 * MM;
const PAGE_H = 297 * MM;
const LEFT = 16 * MM;
const RIGHT = 16 * MM;
const TEXT_W = PAGE_W - LEFT - RIGHT;
const TOP = PAGE_H - 16 * MM;
const BOTTOM = 18 * MM;
const SIZE = 8;
const STEP = SIZE * 1.3;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.4, 0.45);
const RULE = rgb(0.75, 0.77, 0.8);

interface Column {
  label: string;
  /** Share of the text width. */
  width: number;
  align?: "right";
}

/** Whitespace and control characters as single spaces: a note's line breaks must not break the table. */
const clean = (s: string) => s.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();

class SummaryPen {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private doc: PDFDocument,
    private fonts: Fonts,
    private words: SummaryText,
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

  /** Rows of cells, each wrapped to its column; the header repeats on every page the table spans. */
  table(columns: Column[], rows: string[][]) {
    const xs: number[] = [];
    let x = LEFT;
    for (const c of columns) {
      xs.push(x);
      x += c.width * TEXT_W;
    }
    // Right-aligned figures keep a wide gap before the next column's text.
    const inner = (c: Column) => c.width * TEXT_W - (c.align === "right" ? 10 : 4);
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

  footer(label: string) {
    const { page: pageOf } = this.words;
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawLine({
        start: { x: LEFT, y: BOTTOM - 6 },
        end: { x: PAGE_W - RIGHT, y: BOTTOM - 6 },
        thickness: 0.4,
        color: MUTED,
      });
      page.drawText(label, { x: LEFT, y: BOTTOM - 16, font: this.fonts.regular, size: 7, color: MUTED });
      const n = pageOf(i + 1, total);
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

/** The hand-off summary PDF of one customer, in the customer's language. */
export async function renderSummaryPdf(data: PackData): Promise<Uint8Array> {
  const { org, customer } = data;
  const t = summaryText(customer.language);
  const format = letterFormat(customer.language as Language, org.locale);
  const money = format.money;
  const day = t.date ?? format.shortDate;
  const stamp = (at: Date) => {
    const local = localStamp(at, org.timeZone); // "yyyy-MM-dd HH:mm"
    return `${day(local.slice(0, 10))} ${local.slice(11)}`;
  };
  const asOf = day(data.asOf);
  const { doc, fonts } = await newDocument(`${t.title(customer.name)} (${customer.reference})`, data.newestAt);
  const pen = new SummaryPen(doc, fonts, t);

  pen.title(t.title(customer.name), t.subtitle(org.name, customer.reference, asOf, org.timeZone));

  pen.heading(t.customer.heading);
  for (const l of [customer.name, ...customer.address]) pen.line(l);
  for (const l of [
    customer.contactPerson && `${t.customer.contact}: ${customer.contactPerson}`,
    customer.email && `${t.customer.email}: ${customer.email}`,
    customer.phone && `${t.customer.phone}: ${customer.phone}`,
  ])
    if (l) pen.line(l);
  pen.line(t.customer.line(customer.reference, customer.language, customer.currency));

  const b = t.balance;
  pen.heading(b.heading);
  pen.table(
    [
      { label: b.currency, width: 0.2 },
      { label: b.open, width: 0.4, align: "right" },
      { label: b.overdueOn(asOf), width: 0.4, align: "right" },
    ],
    data.balances.map((x) => [x.currency, money(x.open, x.currency), money(x.overdue, x.currency)]),
  );

  const inv = t.invoices;
  pen.heading(inv.heading);
  pen.table(
    [
      { label: inv.number, width: 0.14 },
      { label: inv.issued, width: 0.105 },
      { label: inv.due, width: 0.105 },
      { label: inv.amount, width: 0.15, align: "right" },
      { label: inv.paid, width: 0.15, align: "right" },
      { label: inv.open, width: 0.15, align: "right" },
      { label: inv.daysPastDue, width: 0.1, align: "right" },
      { label: inv.note, width: 0.1 },
    ],
    data.invoices.map((i) => [
      i.number,
      day(i.issueDate),
      day(i.dueDate),
      money(i.amount, i.currency),
      money(i.paid, i.currency),
      money(i.open, i.currency),
      i.open > 0 && i.daysPastDue > 0 ? String(i.daysPastDue) : "",
      i.open <= 0 ? inv.paidNote : i.disputed ? inv.disputedNote : "",
    ]),
  );

  const mv = t.movements;
  pen.heading(mv.heading);
  pen.note(mv.intro);
  pen.table(
    [
      { label: mv.on, width: 0.11 },
      { label: mv.entry, width: 0.16 },
      { label: mv.invoice, width: 0.11 },
      { label: mv.reference, width: 0.12 },
      { label: mv.amount, width: 0.13, align: "right" },
      { label: mv.reason, width: 0.21 },
      { label: mv.by, width: 0.16 },
    ],
    data.movements.map((m) => [
      day(m.on),
      `${mv.kinds[m.kind]}${m.reversed ? ` (${mv.reversed})` : ""}`,
      m.invoiceNumber ?? mv.onAccount,
      m.reference,
      money(m.amount, m.currency),
      m.reason,
      m.by,
    ]),
  );

  const letterWords = t.letters;
  pen.heading(letterWords.heading);
  pen.table(
    [
      { label: letterWords.stage, width: 0.06 },
      { label: letterWords.sent, width: 0.16 },
      { label: letterWords.by, width: 0.13 },
      { label: letterWords.deadline, width: 0.11 },
      { label: letterWords.totalDue, width: 0.13, align: "right" },
      { label: letterWords.delivery, width: 0.12 },
      { label: letterWords.file, width: 0.29 },
    ],
    data.letters.map((l) => [
      String(l.stage),
      stamp(l.sentAt),
      l.sentBy,
      day(l.deadline),
      money(l.totalDue, l.currency),
      l.registeredMail
        ? `${letterWords.registered}${l.trackingNumber ? ` ${l.trackingNumber}` : ""}`
        : letterWords.postOrEmail,
      l.fileName.replace(/^letters\//, ""),
    ]),
  );

  const pr = t.promises;
  pen.heading(pr.heading);
  pen.table(
    [
      { label: pr.madeOn, width: 0.11 },
      { label: pr.kind, width: 0.1 },
      { label: pr.amount, width: 0.14, align: "right" },
      { label: pr.due, width: 0.11 },
      { label: pr.status, width: 0.09 },
      { label: pr.by, width: 0.14 },
      { label: pr.note, width: 0.31 },
    ],
    data.promises.map((p) => [
      day(p.madeOn),
      p.instalment ? pr.instalment : pr.promise,
      money(p.amount, p.currency),
      day(p.promisedFor),
      pr.statuses[p.status],
      p.by,
      p.note,
    ]),
  );

  const di = t.disputes;
  pen.heading(di.heading);
  pen.table(
    [
      { label: di.invoice, width: 0.15 },
      { label: di.opened, width: 0.11 },
      { label: di.by, width: 0.14 },
      { label: di.reason, width: 0.25 },
      { label: di.status, width: 0.12 },
      { label: di.resolution, width: 0.23 },
    ],
    data.disputes.map((d) => [
      d.invoiceNumber,
      day(d.openedOn),
      d.by,
      d.note,
      d.resolvedOn ? di.resolvedOn(day(d.resolvedOn)) : di.open,
      d.resolution,
    ]),
  );

  const ho = t.handoffs;
  pen.heading(ho.heading);
  pen.table(
    [
      { label: ho.agency, width: 0.28 },
      { label: ho.reference, width: 0.18 },
      { label: ho.handedOverOn, width: 0.15 },
      { label: ho.amount, width: 0.17, align: "right" },
      { label: ho.recordedBy, width: 0.22 },
    ],
    data.handoffs.map((h) => [h.agency, h.reference, day(h.handedOverOn), money(h.amount, h.currency), h.by]),
  );

  const hi = t.history;
  pen.heading(hi.heading);
  pen.note(hi.intro(org.timeZone));
  pen.table(
    [
      { label: hi.when, width: 0.16 },
      { label: hi.who, width: 0.14 },
      { label: hi.what, width: 0.27 },
      { label: hi.note, width: 0.43 },
    ],
    data.history.map((e) => [
      stamp(e.at),
      e.by,
      e.type === "contact"
        ? `${e.letter ? hi.letter(e.letter.stage) : ""}${t.channels[e.channel] ?? e.channel.toLowerCase()} ${t.directions[e.direction] ?? e.direction.toLowerCase()}, ${t.outcomes[e.outcome] ?? e.outcome.toLowerCase()}`
        : t.event(e.event, { money, day }),
      e.note,
    ]),
  );

  pen.footer(t.footer(org.name, customer.name, customer.reference, asOf));
  return doc.save();
}
