import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { newDocument, type Fonts } from "@/lib/documents/render-letter-pdf";
import { formatMoney } from "@/lib/money/money";
import { localStamp, type PackData } from "./load-pack-data";

// The hand-off summary: one A4 document an agency can read without the app.
// A pure function of PackData (no "generated at" time), so unchanged data gives
// the same bytes.

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

  constructor(private doc: PDFDocument, private fonts: Fonts) {
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

  title(s: string, sub: string) {
    this.text(s, LEFT, this.fonts.bold, 15);
    this.y -= 14;
    this.text(sub, LEFT, this.fonts.regular, 9, MUTED);
    this.y -= 10;
  }

  heading(s: string) {
    this.room(44);
    this.y -= 12;
    this.text(s, LEFT, this.fonts.bold, 11);
    this.y -= 5;
    this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: PAGE_W - RIGHT, y: this.y }, thickness: 0.6, color: MUTED });
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
      this.page.drawLine({ start: { x: LEFT, y: this.y }, end: { x: PAGE_W - RIGHT, y: this.y }, thickness: 0.5, color: MUTED });
      this.y -= STEP;
    };
    this.room(STEP * 4);
    header();
    if (!rows.length) {
      this.text("None.", LEFT, this.fonts.regular, SIZE, MUTED);
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
      this.page.drawLine({ start: { x: LEFT, y: this.y + STEP - 2.5 }, end: { x: PAGE_W - RIGHT, y: this.y + STEP - 2.5 }, thickness: 0.25, color: RULE });
      this.y -= 2;
    }
  }

  private cell(s: string, x: number, width: number, font: PDFFont, align?: "right") {
    const w = font.widthOfTextAtSize(s, SIZE);
    this.text(s, align === "right" ? x + width - w : x, font);
  }

  /** Word wrap; a word longer than the width (an id, a URL) is broken by characters. */
  private wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    if (!text) return [""];
    const fits = (s: string) => font.widthOfTextAtSize(s, size) <= maxWidth;
    const lines: string[] = [];
    let current = "";
    for (const word of text.split(" ")) {
      const candidate = current ? `${current} ${word}` : word;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      if (current) lines.push(current);
      current = "";
      let rest = word;
      while (!fits(rest)) {
        let n = rest.length - 1;
        while (n > 1 && !fits(rest.slice(0, n))) n--;
        lines.push(rest.slice(0, n));
        rest = rest.slice(n);
      }
      current = rest;
    }
    if (current) lines.push(current);
    return lines;
  }

  footer(label: string) {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawLine({ start: { x: LEFT, y: BOTTOM - 6 }, end: { x: PAGE_W - RIGHT, y: BOTTOM - 6 }, thickness: 0.4, color: MUTED });
      page.drawText(label, { x: LEFT, y: BOTTOM - 16, font: this.fonts.regular, size: 7, color: MUTED });
      const n = `Page ${i + 1}/${total}`;
      page.drawText(n, { x: PAGE_W - RIGHT - this.fonts.regular.widthOfTextAtSize(n, 7), y: BOTTOM - 16, font: this.fonts.regular, size: 7, color: MUTED });
    });
  }
}

const OUTCOME: Record<string, string> = {
  SENT: "sent", DELIVERED: "delivered", DELIVERY_FAILED: "delivery failed", NO_ANSWER: "no answer", VOICEMAIL: "voicemail", SPOKE: "spoke", REPLIED: "replied",
};

/** The hand-off summary PDF of one customer. */
export async function renderSummaryPdf(data: PackData): Promise<Uint8Array> {
  const { org, customer } = data;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, org.locale);
  const stamp = (at: Date) => localStamp(at, org.timeZone);
  const { doc, fonts } = await newDocument(`Hand-off summary: ${customer.name} (${customer.reference})`, data.newestAt);
  const pen = new SummaryPen(doc, fonts);

  pen.title(`Hand-off summary: ${customer.name}`, `${org.name} · customer ${customer.reference} · figures as of ${data.asOf} · times in ${org.timeZone}`);

  pen.heading("Customer");
  for (const l of [customer.name, ...customer.address]) pen.line(l);
  for (const l of [customer.contactPerson && `Contact: ${customer.contactPerson}`, customer.email && `Email: ${customer.email}`, customer.phone && `Phone: ${customer.phone}`]) if (l) pen.line(l);
  pen.line(`Reference: ${customer.reference} · language: ${customer.language} · currency: ${customer.currency}`);

  pen.heading("Open balance");
  pen.table(
    [{ label: "Currency", width: 0.2 }, { label: "Open", width: 0.4, align: "right" }, { label: `Overdue on ${data.asOf}`, width: 0.4, align: "right" }],
    data.balances.map((b) => [b.currency, money(b.open, b.currency), money(b.overdue, b.currency)]),
  );

  pen.heading("Invoices");
  pen.table(
    [
      { label: "Number", width: 0.17 }, { label: "Issued", width: 0.11 }, { label: "Due", width: 0.11 }, { label: "Amount", width: 0.13, align: "right" },
      { label: "Paid", width: 0.13, align: "right" }, { label: "Open", width: 0.13, align: "right" }, { label: "Days past due", width: 0.1, align: "right" }, { label: "Note", width: 0.12 },
    ],
    data.invoices.map((i) => [
      i.number, i.issueDate, i.dueDate, money(i.amount, i.currency), money(i.paid, i.currency), money(i.open, i.currency),
      i.open > 0 && i.daysPastDue > 0 ? String(i.daysPastDue) : "", i.open <= 0 ? "paid" : i.disputed ? "disputed" : "",
    ]),
  );

  pen.heading("Stage history (letters as sent)");
  pen.table(
    [
      { label: "Stage", width: 0.06 }, { label: "Sent", width: 0.16 }, { label: "By", width: 0.13 }, { label: "Deadline", width: 0.11 },
      { label: "Total due", width: 0.13, align: "right" }, { label: "Delivery", width: 0.12 }, { label: "File (in letters/)", width: 0.29 },
    ],
    data.letters.map((l) => [
      String(l.stage), stamp(l.sentAt), l.sentBy, l.deadline, money(l.totalDue, l.currency),
      l.registeredMail ? `registered${l.trackingNumber ? ` ${l.trackingNumber}` : ""}` : "post/email", l.fileName.replace(/^letters\//, ""),
    ]),
  );

  pen.heading("Promises to pay");
  pen.table(
    [{ label: "Made on", width: 0.11 }, { label: "Kind", width: 0.1 }, { label: "Amount", width: 0.14, align: "right" }, { label: "Due", width: 0.11 }, { label: "Status", width: 0.09 }, { label: "By", width: 0.14 }, { label: "Note", width: 0.31 }],
    data.promises.map((p) => [p.madeOn, p.instalment ? "instalment" : "promise", money(p.amount, p.currency), p.promisedFor, p.status, p.by, p.note]),
  );

  pen.heading("Disputes");
  pen.table(
    [{ label: "Invoice", width: 0.15 }, { label: "Opened", width: 0.11 }, { label: "By", width: 0.14 }, { label: "Reason", width: 0.25 }, { label: "Status", width: 0.12 }, { label: "Resolution", width: 0.23 }],
    data.disputes.map((d) => [d.invoiceNumber, d.openedOn, d.by, d.note, d.resolvedOn ? `resolved ${d.resolvedOn}` : "open", d.resolution]),
  );

  pen.heading("Hand-off record");
  pen.table(
    [{ label: "Agency", width: 0.28 }, { label: "Reference", width: 0.18 }, { label: "Handed over on", width: 0.15 }, { label: "Amount", width: 0.17, align: "right" }, { label: "Recorded by", width: 0.22 }],
    data.handoffs.map((h) => [h.agency, h.reference, h.handedOverOn, money(h.amount, h.currency), h.by]),
  );

  pen.heading("Complete contact history");
  pen.note(`Oldest first; times in ${org.timeZone}. The same entries, with UTC times, are in contact-history.csv.`);
  pen.table(
    [{ label: "When", width: 0.16 }, { label: "Who", width: 0.14 }, { label: "What", width: 0.27 }, { label: "Note", width: 0.43 }],
    data.history.map((e) => [
      stamp(e.at), e.by,
      e.type === "contact"
        ? `${e.letter ? `Letter ${e.letter.stage}: ` : ""}${e.channel.toLowerCase()} ${e.direction.toLowerCase()}, ${OUTCOME[e.outcome] ?? e.outcome.toLowerCase()}`
        : e.title,
      e.note,
    ]),
  );

  pen.footer(`${org.name} · hand-off summary · ${customer.name} (${customer.reference}) · as of ${data.asOf}`);
  return doc.save();
}
