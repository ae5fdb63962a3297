import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import type { Language } from "@/lib/generated/prisma/enums";
import { type Checkpoint, checkpointLines } from "@/lib/history/checkpoint";
import { INVOICE_PDF_CAPS } from "@/lib/invoices/invoice-pdf";
import { checkStoredPdfs, storedImagePasses } from "@/lib/sandbox/inspect-files";
import { type Letterhead, parseLetterhead } from "./letterhead";
import { INK, keepNumbersTogether, MM, MUTED, PAGE_H, PAGE_W } from "./pdf-page";
import { drawQrCode, PORTAL_CAPTION } from "./portal-block";
import { appendProtocolForms } from "./render-protocol-forms";
import { LOGO_CAPS } from "./update-letterhead";

// A stored letter as an A4 PDF, laid out for a DIN 5008 (form B) window
// envelope: the address sits in the window, fold marks at 105 and 210 mm. The
// PDF is a pure function of the stored letter row and its (immutable) logo, so
// it shows exactly what was sent, every time. Fonts (DejaVu, shipped in the
// dejavu-fonts-ttf npm package) are embedded so æ ø å é € and “quotes” print.

export interface StoredLetterForPdf {
  id: string;
  stage: number;
  language: Language;
  subject: string;
  body: string;
  registeredMail: boolean;
  contentSha256: string;
  sentAt: Date;
  /** The letters.letterhead snapshot (JSON), or null for letters sent before snapshots. */
  letterhead: unknown;
  /** The signed history checkpoint taken when it was sent, printed in the footer (lib/history/checkpoint.ts). */
  checkpoint?: Checkpoint | null;
  /** letters.protocol_forms: the UK Debt Protocol's forms, printed after the letter (render-protocol-forms.ts). */
  protocolForms?: unknown;
  /** The customer's page (lib/documents/portal-link.ts): printed as a QR code and address after the text. */
  portalUrl?: string | null;
}

export interface LogoImage {
  contentType: string;
  bytes: Uint8Array;
}

const LEFT = 25 * MM;
const RIGHT = 20 * MM;
const TEXT_W = PAGE_W - LEFT - RIGHT;
const FOOTER_TOP = 22 * MM;
const BODY_SIZE = 9.5;
const LINE = 12.4;

/** "Total now due: €1,234.00" as its label (with the colon) and its amount. */
function splitSummary(line: string): [string, string] {
  const at = line.lastIndexOf(": ");
  return at > 0 ? [line.slice(0, at + 1), line.slice(at + 2)] : [line, ""];
}

const REGISTERED: Record<Language, string> = { en: "REGISTERED MAIL", it: "RACCOMANDATA A.R.", nb: "REKOMMANDERT" };
const PAGE_WORD: Record<Language, string> = { en: "Page", it: "Pagina", nb: "Side" };

/**
 * The font files of the dejavu-fonts-ttf package. Read from the file system at
 * run time: inside a Next.js bundle require.resolve gives a module id, not a
 * path, so the project's node_modules is looked up first.
 */
function fontDir(): string {
  const candidates = [path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf")];
  try {
    const resolved: unknown = createRequire(path.join(process.cwd(), "package.json")).resolve(
      "dejavu-fonts-ttf/package.json",
    );
    if (typeof resolved === "string") candidates.push(path.join(path.dirname(resolved), "ttf"));
  } catch {
    // not resolvable from here; the first candidate is the usual place
  }
  const dir = candidates.find((d) => existsSync(path.join(d, "DejaVuSans.ttf")));
  if (!dir) throw new Error("The letter fonts (npm package dejavu-fonts-ttf) are not installed: run npm install.");
  return dir;
}

let fontFiles: { regular: Uint8Array; bold: Uint8Array; mono: Uint8Array } | null = null;
function loadFontFiles() {
  if (!fontFiles) {
    const dir = fontDir();
    fontFiles = {
      regular: readFileSync(path.join(dir, "DejaVuSans.ttf")),
      bold: readFileSync(path.join(dir, "DejaVuSans-Bold.ttf")),
      mono: readFileSync(path.join(dir, "DejaVuSansMono.ttf")),
    };
  }
  return fontFiles;
}

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  mono: PDFFont;
}

// Parsing a 700 KB font is most of the cost of a small PDF: fontkit parses each
// font file once per process and every document reuses the parsed font (it is
// only read from; pdf-lib builds a fresh subset per document).
const parsedFonts = new Map<Uint8Array, unknown>();
const cachingFontkit = {
  create(bytes: Uint8Array, postscriptName?: string) {
    let font = parsedFonts.get(bytes);
    if (!font) parsedFonts.set(bytes, (font = memoizeLayout(fontkit.create(bytes, postscriptName))));
    return font;
  },
} as unknown as typeof fontkit;

/**
 * OpenType shaping (fontkit's layout) is the hot spot when drawing text, and
 * letters repeat the same words and lines. The glyph runs are only read by
 * pdf-lib, so they are cached per parsed font (bounded).
 */
function memoizeLayout<T>(font: T): T {
  const f = font as unknown as { layout: (text: string, features?: unknown) => unknown };
  const original = f.layout.bind(f);
  const cache = new Map<string, unknown>();
  f.layout = (text: string, features?: unknown) => {
    const key = features ? `${JSON.stringify(features)}\u0000${text}` : text;
    let run = cache.get(key);
    if (run === undefined) {
      if (cache.size > 50_000) cache.clear();
      run = original(text, features);
      cache.set(key, run);
    }
    return run;
  };
  return font;
}

/**
 * An empty PDF with the DejaVu fonts embedded (subset) and fixed metadata, so
 * the same content and `date` give the same bytes. Other documents (the
 * hand-off summary) start here too, sharing the parsed-font cache.
 */
export async function newDocument(title: string, date: Date): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  const files = loadFontFiles();
  const [regular, bold, mono] = await Promise.all([
    doc.embedFont(files.regular, { subset: true }),
    doc.embedFont(files.bold, { subset: true }),
    doc.embedFont(files.mono, { subset: true }),
  ]);
  // Fixed metadata: the same letter gives the same document.
  doc.setTitle(title);
  doc.setProducer("Dunning Desk");
  doc.setCreator("Dunning Desk");
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  return { doc, fonts: { regular, bold, mono } };
}

/** One letter as a PDF (one or more A4 pages), followed by the invoice copies it encloses. */
export async function renderLetterPdf(
  letter: StoredLetterForPdf,
  logo?: LogoImage | null,
  enclosures: Uint8Array[] = [],
): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument(letter.subject, letter.sentAt);
  await drawLetter(doc, fonts, letter, logo ?? null);
  await attachCheckpoint(doc, letter);
  appendProtocolForms(doc, fonts, letter.protocolForms);
  await appendEnclosures(doc, enclosures);
  return doc.save();
}

/**
 * The enclosed invoice PDFs, page for page after the letter (pdf-lib copyPages). Each file
 * is first read in the sandbox with the invoice caps (lib/sandbox: off the event loop, in a
 * time and memory budget, once per file and process), so the copy here is bounded. A file
 * refused there or that cannot be read gets a page saying so: a print run never stops on one upload.
 */
export async function appendEnclosures(doc: PDFDocument, files: Uint8Array[]) {
  const verdicts = await checkStoredPdfs(files, INVOICE_PDF_CAPS);
  for (const [i, bytes] of files.entries()) {
    try {
      if (!verdicts[i]) throw new Error("refused by the sandbox");
      const source = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
      const pages = await doc.copyPages(source, source.getPageIndices());
      for (const page of pages) doc.addPage(page);
    } catch {
      doc
        .addPage([PAGE_W, PAGE_H])
        .drawText("(enclosed invoice copy could not be read)", { x: LEFT, y: PAGE_H / 2, size: 10 });
    }
  }
}

/**
 * Many letters in one PDF for printing, each starting on a new page (and on an
 * odd page, so duplex printing never puts two letters on one sheet). Fonts are
 * embedded once. `onProgress(done, total)` is called after each letter.
 */
export async function renderLettersPdf(
  letters: (StoredLetterForPdf & { enclosureFiles?: Uint8Array[] })[],
  logoFor: (sha256: string) => LogoImage | null | undefined,
  opts: {
    title: string;
    date: Date;
    duplex?: boolean;
    onProgress?: (done: number, total: number) => void | Promise<void>;
  },
): Promise<Uint8Array> {
  const { doc, fonts } = await newDocument(opts.title, opts.date);
  const images = new Map<string, PDFImage | null>();
  let done = 0;
  for (const letter of letters) {
    if (opts.duplex && doc.getPageCount() % 2 === 1) doc.addPage([PAGE_W, PAGE_H]);
    const sha = parseLetterhead(letter.letterhead)?.logoSha256;
    await drawLetter(doc, fonts, letter, sha ? (logoFor(sha) ?? null) : null, images);
    appendProtocolForms(doc, fonts, letter.protocolForms);
    await appendEnclosures(doc, letter.enclosureFiles ?? []);
    done += 1;
    await opts.onProgress?.(done, letters.length);
  }
  return doc.save();
}

/**
 * The signed history checkpoint is evidence for the company, not text for the
 * customer: the page prints a short reference, and the whole checkpoint (head
 * hash, signature, key) travels inside the PDF as an attached file, with fixed
 * dates so the same letter still gives the same bytes.
 */
export const CHECKPOINT_ATTACHMENT = "history-checkpoint.json";
async function attachCheckpoint(doc: PDFDocument, letter: StoredLetterForPdf) {
  const c = letter.checkpoint;
  if (!c) return;
  const [head, signature] = checkpointLines(c);
  const json = JSON.stringify({ letterId: letter.id, contentSha256: letter.contentSha256, head, signature }, null, 2);
  await doc.attach(new TextEncoder().encode(json), CHECKPOINT_ATTACHMENT, {
    mimeType: "application/json",
    description: "Signed history checkpoint taken when this letter was sent",
    creationDate: letter.sentAt,
    modificationDate: letter.sentAt,
  });
}

async function embedLogo(doc: PDFDocument, logo: LogoImage): Promise<PDFImage | null> {
  try {
    // A logo stored before the pixel caps may be too large to decode here: checked in the sandbox first.
    if (!(await storedImagePasses(logo.bytes, LOGO_CAPS))) return null;
    return logo.contentType === "image/png" ? await doc.embedPng(logo.bytes) : await doc.embedJpg(logo.bytes);
  } catch {
    return null; // A logo that cannot be read never stops a letter from printing.
  }
}

/** The stored body is blocks separated by blank lines: letterhead, date, address, subject, then the text. */
function splitBody(body: string) {
  const blocks = body.split("\n\n");
  if (blocks.length < 5) return null;
  const [letterheadText, date, address, subject, ...rest] = blocks;
  return { letterheadText, date, address, subject, rest };
}

async function drawLetter(
  doc: PDFDocument,
  fonts: Fonts,
  letter: StoredLetterForPdf,
  logo: LogoImage | null,
  images?: Map<string, PDFImage | null>,
) {
  const head = parseLetterhead(letter.letterhead);
  const parts = splitBody(letter.body);
  const pen = new Pen(doc, fonts, letter, head, parts?.letterheadText.split("\n") ?? []);

  let image: PDFImage | null = null;
  if (logo && head?.logoSha256) {
    if (images?.has(head.logoSha256)) image = images.get(head.logoSha256) ?? null;
    else {
      image = await embedLogo(doc, logo);
      images?.set(head.logoSha256, image);
    }
  }
  pen.firstPageHeader(image);

  if (!parts) {
    pen.y = PAGE_H - 100 * MM;
    if (letter.portalUrl) pen.portalBlock(letter.portalUrl);
    for (const block of letter.body.split("\n\n")) pen.block(block);
    pen.finish();
    return;
  }
  pen.addressWindow(parts.address.split("\n"), letter.registeredMail ? REGISTERED[letter.language] : null);
  if (letter.portalUrl) pen.portalBlock(letter.portalUrl);
  pen.dateLine(parts.date);
  pen.y = PAGE_H - 103 * MM;
  pen.paragraph(parts.subject, fonts.bold, 11);
  pen.y -= 4;
  // The closing paragraph, the sign-off and the signature stay on one page.
  const closing = parts.rest.length >= 2 ? 2 : parts.rest.length;
  parts.rest.forEach((block, i) => {
    if (i === parts.rest.length - closing) pen.keepTogether(parts.rest.slice(i));
    pen.block(block);
  });
  pen.finish();
}

class Pen {
  page!: PDFPage;
  y = 0;
  private pages: PDFPage[] = [];
  private widths = new Map<PDFFont, Map<string, number>>();
  /** Footer lines, wrapped (never cut) to the text width; the body stops above them. */
  private footerLines: { text: string; size: number }[] = [];
  private footerTop = FOOTER_TOP;

  constructor(
    private doc: PDFDocument,
    private fonts: Fonts,
    private letter: StoredLetterForPdf,
    private head: Letterhead | null,
    private letterheadLines: string[],
  ) {
    this.footerLines = this.layoutFooter();
    // Room under the wrapped lines for the reference line.
    this.footerTop = Math.max(FOOTER_TOP, 8 * MM + this.footerLines.reduce((h, l) => h + l.size * 1.3, 0));
    this.newPage();
  }

  private layoutFooter(): { text: string; size: number }[] {
    const head = this.head;
    const contact = head
      ? [head.name, head.phone, head.email, head.website].filter(Boolean).join(" · ")
      : this.letterheadLines.join(" · ");
    const size = 7.5;
    const room = TEXT_W - 22 * MM; // the page number sits at the right
    return [
      ...(head?.paymentInstructions ? this.wrap(head.paymentInstructions, this.fonts.regular, size, room) : []),
      ...this.wrap(contact, this.fonts.regular, size, room),
    ].map((text) => ({ text, size }));
  }

  private newPage() {
    this.page = this.doc.addPage([PAGE_W, PAGE_H]);
    this.pages.push(this.page);
    this.y = PAGE_H - 20 * MM;
    this.foldMarks();
    if (this.pages.length > 1) {
      const name = this.head?.name ?? this.letterheadLines[0] ?? "";
      this.text(`${name} · ${this.letter.subject}`, LEFT, this.y, this.fonts.regular, 7.5, MUTED, TEXT_W);
      this.y -= 8 * MM;
    }
  }

  private foldMarks() {
    for (const fromTop of [105, 210]) {
      this.page.drawLine({
        start: { x: 4 * MM, y: PAGE_H - fromTop * MM },
        end: { x: 9 * MM, y: PAGE_H - fromTop * MM },
        thickness: 0.4,
        color: MUTED,
      });
    }
    this.page.drawLine({
      start: { x: 4 * MM, y: PAGE_H / 2 },
      end: { x: 11 * MM, y: PAGE_H / 2 },
      thickness: 0.4,
      color: MUTED,
    });
  }

  width(s: string, font: PDFFont, size: number): number {
    let cache = this.widths.get(font);
    if (!cache) this.widths.set(font, (cache = new Map()));
    let w = cache.get(s);
    if (w === undefined) {
      w = font.widthOfTextAtSize(s, 1);
      cache.set(s, w);
    }
    return w * size;
  }

  text(s: string, x: number, y: number, font: PDFFont, size: number, color = INK, maxWidth?: number) {
    let out = s;
    if (maxWidth && this.width(out, font, size) > maxWidth) {
      while (out.length > 1 && this.width(`${out}…`, font, size) > maxWidth) out = out.slice(0, -1);
      out += "…";
    }
    this.page.drawText(out, { x, y, font, size, color });
  }

  firstPageHeader(logo: PDFImage | null) {
    const top = PAGE_H - 15 * MM;
    if (logo) {
      const scale = Math.min((45 * MM) / logo.width, (20 * MM) / logo.height);
      const w = logo.width * scale;
      const h = logo.height * scale;
      this.page.drawImage(logo, { x: LEFT, y: top - h, width: w, height: h });
    }
    const name = this.head?.name ?? this.letterheadLines[0] ?? "";
    const lines = this.head
      ? [
          this.head.addressLines.slice(0, -1).join(", "),
          this.head.addressLines.at(-1) ?? "",
          [this.head.phone, this.head.email].filter(Boolean).join(" · "),
          this.head.website,
          this.head.legalLine ?? "",
        ].filter(Boolean)
      : this.letterheadLines.slice(1);
    const right = PAGE_W - RIGHT;
    let y = top - 10;
    const nameSize = 12;
    this.text(name, right - this.width(name, this.fonts.bold, nameSize), y, this.fonts.bold, nameSize);
    y -= 13;
    // Wrapped beside the logo, never cut: a VAT number or an address line is printed whole.
    const size = 8.5;
    const column = logo ? TEXT_W - 50 * MM : TEXT_W;
    for (const line of lines.flatMap((l) => this.wrap(l, this.fonts.regular, size, column))) {
      this.text(line, right - this.width(line, this.fonts.regular, size), y, this.fonts.regular, size, MUTED);
      y -= 10.5;
    }
    this.page.drawLine({
      start: { x: LEFT, y: PAGE_H - 40 * MM },
      end: { x: right, y: PAGE_H - 40 * MM },
      thickness: 0.6,
      color: MUTED,
    });
  }

  /** DIN 5008 form B window: 20 mm from the left, 45 mm from the top; return address and handling note first. */
  addressWindow(lines: string[], registered: string | null) {
    const x = 25 * MM;
    const name = this.head?.name ?? this.letterheadLines[0] ?? "";
    const back = [name, ...(this.head ? this.head.addressLines : this.letterheadLines.slice(1, 4))].join(" · ");
    this.text(back, x, PAGE_H - 50 * MM, this.fonts.regular, 6.5, MUTED, 80 * MM);
    if (registered) this.text(registered, x, PAGE_H - 56 * MM, this.fonts.bold, 9.5);
    let y = PAGE_H - 63 * MM;
    for (const line of lines) {
      this.text(line, x, y, this.fonts.regular, 10, INK, 80 * MM);
      y -= 12;
    }
  }

  dateLine(date: string) {
    const size = BODY_SIZE;
    this.text(
      date,
      PAGE_W - RIGHT - this.width(date, this.fonts.regular, size),
      PAGE_H - 95 * MM,
      this.fonts.regular,
      size,
    );
  }

  private room(height: number) {
    if (this.y - height < this.footerTop + 6 * MM) this.newPage();
  }

  /**
   * Starts a new page unless all these blocks fit on this one: each line wrapped as
   * block() wraps it (a list item indented), and the half-line gaps between the blocks
   * (the one after the last block belongs to no page).
   */
  keepTogether(blocks: string[]) {
    const lines = blocks.reduce(
      (n, b) =>
        n +
        b.split("\n").reduce((m, line) => {
          const item = line.startsWith("  - ");
          return (
            m +
            this.wrap(item ? line.slice(4) : line, this.fonts.regular, BODY_SIZE, TEXT_W - (item ? 6 * MM : 0)).length
          );
        }, 0),
      0,
    );
    this.room(lines * LINE + (blocks.length - 1) * LINE * 0.5);
  }

  /** A block of the body: a table (every line indented, no bullets), a list, or a paragraph. */
  block(block: string) {
    const lines = block.split("\n");
    const isTable = lines.length > 1 && lines.every((l) => l.startsWith("  ") && !l.startsWith("  - "));
    if (isTable) {
      this.table(lines);
    } else {
      for (const line of lines) {
        if (line.startsWith("  - ")) this.paragraph(line.slice(4), this.fonts.regular, BODY_SIZE, 6 * MM, "–");
        else this.paragraph(line, this.fonts.regular, BODY_SIZE);
      }
    }
    this.y -= LINE * 0.5;
  }

  /**
   * A table in the body's proportional type. The stored text lays it out in
   * columns (render.ts table(): cells apart by two or more spaces); here the
   * first column is left aligned, every other column right aligned, and the
   * summary lines under it ("Total now due: €1,234.00") carry their amount at
   * the table's right edge, the last one in bold. A long first column (a charge
   * line) wraps inside its column.
   */
  private table(lines: string[]) {
    const cellsOf = (line: string) => line.slice(2).trim().split(/ {2,}/);
    const header = cellsOf(lines[0]);
    const rows = lines.slice(1).map(cellsOf);
    const body = rows.filter((r) => r.length === header.length);
    const summary = rows.filter((r) => r.length !== header.length).map((r) => r.join(" "));
    const size = 8.5;
    const gap = 4 * MM;
    const widthOf = (t: string, font = this.fonts.regular) => this.width(t, font, size);
    const n = header.length;
    // As bodyTable lays them out: the first two columns are text (left), the others amounts (right).
    const left = (c: number) => c === 0 || (c === 1 && n > 2);
    const wrapCol = n > 2 ? 1 : 0;
    const cols = header.map((h, c) => Math.max(widthOf(h, this.fonts.bold), ...body.map((r) => widthOf(r[c]))));
    // The text column takes what the others leave, and wraps when it is longer.
    const others = cols.reduce((s, w, c) => (c === wrapCol ? s : s + w), 0) + gap * (n - 1);
    cols[wrapCol] = Math.max(20 * MM, Math.min(cols[wrapCol], TEXT_W - others));
    const rightEdge = LEFT + cols.reduce((s, w) => s + w, 0) + gap * (n - 1);
    const step = size * 1.3;
    this.room(step * Math.min(lines.length, 4));
    const rule = () =>
      this.page.drawLine({
        start: { x: LEFT, y: this.y + step - 3 },
        end: { x: rightEdge, y: this.y + step - 3 },
        thickness: 0.4,
        color: MUTED,
      });
    // Drawn left to right on each line, so a reader copies a row in order.
    const drawRow = (cells: string[], font: PDFFont) => {
      const wrapped = this.wrap(cells[wrapCol], font, size, cols[wrapCol]);
      this.room(step * wrapped.length);
      let x = LEFT;
      cells.forEach((cell, c) => {
        const text = c === wrapCol ? wrapped[0] : cell;
        const at = left(c) ? x : x + cols[c] - widthOf(text, font);
        this.page.drawText(text, { x: at, y: this.y, font, size, color: INK });
        x += cols[c] + gap;
      });
      const wrapX = LEFT + cols.slice(0, wrapCol).reduce((s, w) => s + w + gap, 0);
      // A charge line's continuation sits closer than the next row, so it reads as one row.
      const inner = size * 1.15;
      wrapped.slice(1).forEach((line, i) => {
        this.page.drawText(line, { x: wrapX, y: this.y - step - i * inner, font, size, color: INK });
      });
      this.y -= step + inner * (wrapped.length - 1);
    };
    drawRow(header, this.fonts.bold);
    rule();
    for (const row of body) drawRow(row, this.fonts.regular);
    if (summary.length) rule();
    // The subtotals above the total (invoices, charges, credit) share one line when they fit:
    // a letter with charges then keeps its sign-off on the first page (issue 25).
    const parts = summary.slice(0, -1).map(splitSummary);
    const partsWidth = parts.reduce((w, [label, amount]) => w + widthOf(label) + gap + widthOf(amount), 0);
    const together = parts.length > 1 && partsWidth + gap * 2 * (parts.length - 1) <= rightEdge - LEFT;
    if (together) {
      this.room(step);
      // Placed from the right edge, drawn left to right so a reader copies the line in order.
      const placed: [string, number][] = [];
      let x = rightEdge;
      for (const [label, amount] of [...parts].reverse()) {
        x -= widthOf(amount);
        placed.unshift([amount, x]);
        x -= gap + widthOf(label);
        placed.unshift([label, x]);
        x -= gap * 2;
      }
      for (const [text, at] of placed)
        this.page.drawText(text, { x: at, y: this.y, font: this.fonts.regular, size, color: INK });
      this.y -= step;
    }
    summary.slice(together ? -1 : 0).forEach((line, i, shown) => {
      this.room(step);
      const font = i === shown.length - 1 ? this.fonts.bold : this.fonts.regular;
      const [label, amount] = splitSummary(line);
      const amountX = rightEdge - widthOf(amount, font);
      const labelX = Math.max(LEFT, amountX - (amount ? gap : 0) - widthOf(label, font));
      this.page.drawText(label, { x: labelX, y: this.y, font, size, color: INK });
      if (amount) this.page.drawText(amount, { x: amountX, y: this.y, font, size, color: INK });
      this.y -= step;
    });
  }

  paragraph(text: string, font: PDFFont, size: number, indent = 0, bullet?: string) {
    const lines = this.wrap(text, font, size, TEXT_W - indent);
    lines.forEach((line, i) => {
      this.room(LINE);
      if (bullet && i === 0)
        this.page.drawText(bullet, { x: LEFT + indent - 4 * MM, y: this.y, font, size, color: INK });
      this.page.drawText(line, { x: LEFT + indent, y: this.y, font, size, color: INK });
      this.y -= size === BODY_SIZE ? LINE : size * 1.35;
    });
  }

  /** Word wrap that never breaks inside an amount ("kr 1 250,00", "1 250,00"). */
  private wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
    if (!text) return [""];
    const words = keepNumbersTogether(text).split(" ");
    const lines: string[] = [];
    let current = "";
    const space = this.width(" ", font, size);
    let currentWidth = 0;
    for (const word of words) {
      const w = this.width(word.replace(/\u00a0/g, " "), font, size);
      if (current && currentWidth + space + w > maxWidth) {
        lines.push(current);
        current = word;
        currentWidth = w;
      } else {
        current = current ? `${current} ${word}` : word;
        currentWidth = current === word ? w : currentWidth + space + w;
      }
    }
    if (current) lines.push(current);
    return lines.map((l) => l.replace(/\u00a0/g, " "));
  }

  /** Footer on every page: bank details, contact line (wrapped, never cut), letter reference and page number. */
  /**
   * The customer's page, in the first page's information block right of the address
   * window (DIN 5008 form B leaves 125-190 mm free there): a QR code, one line of what it
   * is for, and the address in full (never cut), so the block never adds a page.
   */
  portalBlock(url: string) {
    const size = 22 * MM;
    const top = PAGE_H - 46 * MM;
    const qrX = PAGE_W - RIGHT - size;
    drawQrCode(this.page, url, qrX, top - size, size);
    const x = 112 * MM;
    let y = top - 8;
    for (const line of this.wrap(PORTAL_CAPTION[this.letter.language], this.fonts.regular, 7, qrX - x - 2 * MM)) {
      this.page.drawText(line, { x, y, font: this.fonts.regular, size: 7, color: MUTED });
      y -= 8.6;
    }
    const width = PAGE_W - RIGHT - x;
    const urlSize = Math.min(7.5, width / this.width(url, this.fonts.bold, 1));
    const urlWidth = this.width(url, this.fonts.bold, urlSize);
    this.page.drawText(url, {
      x: PAGE_W - RIGHT - urlWidth,
      y: top - size - 9,
      font: this.fonts.bold,
      size: urlSize,
      color: INK,
    });
  }

  finish() {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      this.page = page;
      page.drawLine({
        start: { x: LEFT, y: this.footerTop },
        end: { x: PAGE_W - RIGHT, y: this.footerTop },
        thickness: 0.4,
        color: MUTED,
      });
      let y = this.footerTop - 10;
      const pageLabel = `${PAGE_WORD[this.letter.language]} ${i + 1}/${total}`;
      this.text(
        pageLabel,
        PAGE_W - RIGHT - this.width(pageLabel, this.fonts.regular, 7.5),
        y,
        this.fonts.regular,
        7.5,
        MUTED,
      );
      for (const line of this.footerLines) {
        this.page.drawText(line.text, { x: LEFT, y, font: this.fonts.regular, size: line.size, color: MUTED });
        y -= line.size * 1.27;
      }
      // A short document reference only; the signed checkpoint is attached to the PDF (attachCheckpoint).
      const checkpoint = this.letter.checkpoint ? ` · history #${this.letter.checkpoint.seq}` : "";
      this.text(
        `Ref. ${this.letter.id} · SHA-256 ${this.letter.contentSha256.slice(0, 16)}${checkpoint}`,
        LEFT,
        y,
        this.fonts.regular,
        6,
        MUTED,
      );
    });
  }
}
