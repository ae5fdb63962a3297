import { type PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { DEBT_PROTOCOL, informationSheet, parseProtocolForms, replyForm } from "@/lib/law/debt-protocol";
import { INK, MM, MUTED, PAGE_H, PAGE_W } from "./pdf-page";

/** The fonts of the letter's document (render-letter-pdf.ts newDocument); named here to keep the import one-way. */
interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

// The Pre-Action Protocol for Debt Claims' Information Sheet and Reply Form, as pages
// after a UK letter of claim to an individual or sole trader. Drawn from the snapshot
// stored on the letter row (letters.protocol_forms), so the PDF stays a pure function
// of the row; the wording comes from lib/law/debt-protocol.ts.

const LEFT = 20 * MM;
const WIDTH = PAGE_W - 2 * LEFT;
const BOTTOM = 18 * MM;
const RULE = rgb(0.55, 0.57, 0.6);

class FormPen {
  page!: PDFPage;
  y = 0;

  constructor(
    private doc: PDFDocument,
    private fonts: Fonts,
    private footer: string,
  ) {}

  newPage(title: string) {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.y = PAGE_H - 18 * MM;
    this.line(title, this.fonts.bold, 14);
    this.y -= 2;
    this.line(`${DEBT_PROTOCOL.title} (in force ${DEBT_PROTOCOL.inForceFrom}), Annex 1`, this.fonts.regular, 8, MUTED);
    this.y -= 6;
    for (const [i, l] of wrap(this.footer, this.fonts.regular, 7, WIDTH).entries())
      this.page.drawText(l, { x: LEFT, y: 10 * MM + 9 - i * 9, size: 7, font: this.fonts.regular, color: MUTED });
  }

  private room(height: number, title: string) {
    if (this.y - height < BOTTOM) this.newPage(`${title} (continued)`);
  }

  line(text: string, font: PDFFont, size: number, color = INK) {
    this.page.drawText(text, { x: LEFT, y: this.y - size, size, font, color });
    this.y -= size * 1.35;
  }

  paragraph(text: string, font: PDFFont, size: number, title: string, indent = 0) {
    for (const l of wrap(text, font, size, WIDTH - indent)) {
      this.room(size * 1.35, title);
      this.page.drawText(l, { x: LEFT + indent, y: this.y - size, size, font, color: INK });
      this.y -= size * 1.35;
    }
  }

  box(letter: string, title: string) {
    this.room(14, title);
    const top = this.y;
    this.page.drawRectangle({ x: LEFT, y: top - 10, width: 9, height: 9, borderColor: INK, borderWidth: 0.8 });
    this.page.drawText(letter, { x: LEFT + 12, y: top - 9, size: 9, font: this.fonts.bold, color: INK });
  }

  answerLines(n: number, title: string) {
    for (let i = 0; i < n; i++) {
      this.room(16, title);
      this.y -= 14;
      this.page.drawLine({
        start: { x: LEFT + 24, y: this.y },
        end: { x: LEFT + WIDTH, y: this.y },
        thickness: 0.5,
        color: RULE,
      });
    }
    this.y -= 4;
  }
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && font.widthOfTextAtSize(next, size) > width) {
      out.push(current);
      current = word;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}

/** Appends the Information Sheet and Reply Form pages when the letter row carries them; returns how many pages. */
export function appendProtocolForms(doc: PDFDocument, fonts: Fonts, stored: unknown): number {
  const forms = parseProtocolForms(stored);
  if (!forms) return 0;
  const before = doc.getPageCount();
  const footer = `Wording: a summary of Annex 1 (version ${forms.version}); the Protocol and its annexes are published at ${DEBT_PROTOCOL.url}.`;
  const pen = new FormPen(doc, fonts, footer);

  const sheet = "Information Sheet";
  pen.newPage(sheet);
  pen.paragraph(`To: ${[forms.debtor.name, ...forms.debtor.address].join(", ")}`, fonts.regular, 9.5, sheet);
  pen.paragraph(`From: ${[forms.creditor.name, ...forms.creditor.address].join(", ")}`, fonts.regular, 9.5, sheet);
  pen.y -= 6;
  for (const p of informationSheet(forms)) {
    pen.paragraph(p.heading, fonts.bold, 10.5, sheet);
    pen.paragraph(p.text, fonts.regular, 9.5, sheet);
    pen.y -= 6;
  }

  const reply = "Reply Form";
  pen.newPage(reply);
  for (const section of replyForm(forms)) {
    pen.paragraph(section.heading, fonts.bold, 10.5, reply);
    if (section.intro) pen.paragraph(section.intro, fonts.regular, 9, reply);
    for (const field of section.fields) {
      if (field.box) {
        pen.box(field.box, reply);
        pen.paragraph(field.label, fonts.regular, 9.5, reply, 24);
      } else if (field.label) pen.paragraph(field.label, fonts.regular, 9.5, reply);
      pen.answerLines(field.lines, reply);
    }
    pen.y -= 6;
  }
  return doc.getPageCount() - before;
}
