import type { PDFPage } from "pdf-lib";
import { rgb } from "pdf-lib";
import QRCode from "qrcode";
import type { Language } from "@/lib/generated/prisma/enums";

// The small block a letter ends with: a QR code of the customer's page and its
// address, with one line saying what can be done there. Drawn as vector squares
// (no image), so it prints sharp at any size.

export const PORTAL_CAPTION: Record<Language, string> = {
  en: "Your account online: see what is open, download copies, tell us you have paid, dispute an invoice or ask for time.",
  it: "La Vostra posizione online: importi aperti, copie da scaricare, segnalazione di pagamento, contestazioni o richiesta di dilazione.",
  nb: "Kontoen deres på nett: se hva som er åpent, last ned kopier, gi beskjed om betaling, bestrid en faktura eller be om utsettelse.",
};

/** The QR modules of a text (error correction M), row by row: true = dark. */
export function qrModules(text: string): boolean[][] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const rows: boolean[][] = [];
  for (let r = 0; r < modules.size; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < modules.size; c++) row.push(modules.get(r, c) === 1);
    rows.push(row);
  }
  return rows;
}

/** Draws a QR code with its lower-left corner at (x, y), `size` points square (quiet zone inside). */
export function drawQrCode(page: PDFPage, text: string, x: number, y: number, size: number) {
  const rows = qrModules(text);
  const cell = size / (rows.length + 4);
  const black = rgb(0, 0, 0);
  rows.forEach((row, r) => {
    // Runs of dark modules as one rectangle each: a few hundred operators, not a thousand.
    let start = -1;
    for (let c = 0; c <= row.length; c++) {
      if (c < row.length && row[c]) {
        if (start < 0) start = c;
      } else if (start >= 0) {
        page.drawRectangle({
          x: x + (start + 2) * cell,
          y: y + size - (r + 3) * cell,
          width: (c - start) * cell,
          height: cell,
          color: black,
        });
        start = -1;
      }
    }
  });
}

/** The customer's page as a plain-text paragraph: one line of what it is for, then the address. */
export function portalTextBlock(language: Language, url: string | null | undefined): string | null {
  return url ? `${PORTAL_CAPTION[language]}\n${url}` : null;
}

/** A plain-text message with a paragraph put before its sign-off (its last paragraph); unchanged without one. */
export function beforeSignOff(text: string, paragraph: string | null | undefined): string {
  if (!paragraph) return text;
  const paragraphs = text.split("\n\n");
  return [...paragraphs.slice(0, -1), paragraph, ...paragraphs.slice(-1)].join("\n\n");
}
