// What a reader, or a court, would copy out of a PDF, read in-process with pdfjs-dist (npm), so the
// PDF checks need nothing installed on the machine (they used poppler's pdftotext, pdffonts and pdfimages).
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFRef } from "pdf-lib";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";

type Item = { str: string; x: number; y: number; width: number; height: number };

/**
 * One page's text in the order it was drawn (a wrapped table heading stays one phrase, as a reader
 * copies it): a new line where the baseline moves or the text jumps back left, a space where two
 * pieces on one line have a gap between them.
 */
function pageText(items: Item[]): string {
  let text = "";
  let prev: Item | undefined;
  for (const item of items) {
    const sameLine = prev && Math.abs(prev.y - item.y) <= Math.max(1, item.height / 5) && item.x >= prev.x;
    if (prev && !sameLine) text += "\n";
    else if (prev && item.x - (prev.x + prev.width) > item.height / 5 && !/\s$/.test(text)) text += " ";
    text += item.str;
    prev = item;
  }
  return text.replace(/[ \t]+$/gm, "");
}

/** The text of a PDF, page by page; like pdftotext, each page ends with a form feed ("\f"). */
export async function pdfToText(pdf: Uint8Array): Promise<string> {
  // pdfjs takes ownership of the buffer it reads: give it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    let text = "";
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str === "") continue;
        const [, , , , x, y] = item.transform as number[];
        items.push({ str: item.str, x, y, width: item.width, height: item.height });
      }
      text += `${pageText(items)}\n\f`;
    }
    return text;
  } finally {
    await doc.destroy();
  }
}

/** The fonts a PDF's pages use: name, whether the font file is embedded, and whether it maps to Unicode. */
export async function pdfFonts(pdf: Uint8Array): Promise<{ name: string; embedded: boolean; unicode: boolean }[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const dictOf = (value: PDFObject | undefined) => {
    const resolved = value instanceof PDFRef ? doc.context.lookup(value) : value;
    return resolved instanceof PDFDict ? resolved : undefined;
  };
  const fonts = new Map<string, { name: string; embedded: boolean; unicode: boolean }>();
  for (const page of doc.getPages()) {
    const dict = dictOf(page.node.Resources()?.get(PDFName.of("Font")));
    for (const [, ref] of dict?.entries() ?? []) {
      const font = dictOf(ref);
      if (!font) continue;
      // A composite (Type0) font keeps its descriptor on its descendant font.
      const descendants = font.lookupMaybe(PDFName.of("DescendantFonts"), PDFArray);
      const descendant = dictOf(descendants?.get(0));
      const descriptor = dictOf((descendant ?? font).get(PDFName.of("FontDescriptor")));
      const embedded = ["FontFile", "FontFile2", "FontFile3"].some((key) => descriptor?.has(PDFName.of(key)));
      const name = font.get(PDFName.of("BaseFont"))?.toString().replace(/^\//, "") ?? "?";
      fonts.set(ref.toString(), { name, embedded, unicode: font.has(PDFName.of("ToUnicode")) });
    }
  }
  return [...fonts.values()];
}

/** Painting operators that draw an image (an XObject, an inline image, or an image used as a stencil mask). */
const IMAGE_OPS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

/**
 * How many images the pages draw, each placement counted (as poppler's `pdfimages -list` lists
 * them, soft masks aside), read in-process from pdfjs's operator lists: no program from apt.
 */
export async function pdfImageCount(pdf: Uint8Array): Promise<number> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    let count = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const { fnArray } = await (await doc.getPage(n)).getOperatorList();
      count += fnArray.filter((op) => IMAGE_OPS.has(op)).length;
    }
    return count;
  } finally {
    await doc.destroy();
  }
}

/** Whitespace (line breaks, wide gaps) collapsed to single spaces, so phrases can be searched across line wraps. */
export function flatText(text: string): string {
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

/** The text of a file attached to a PDF (its embedded files), read with pdfjs-dist; throws when absent. */
export async function pdfAttachment(pdf: Uint8Array, name: string): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const files = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    const file = Object.values(files).find((f) => f.filename === name);
    if (!file) throw new Error(`No attachment ${name} in the PDF (found: ${Object.keys(files).join(", ") || "none"}).`);
    return new TextDecoder().decode(file.content);
  } finally {
    await doc.destroy();
  }
}
