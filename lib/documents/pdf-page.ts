import { rgb } from "pdf-lib";

// The page every document prints on: A4 in PDF points, and the two inks. One definition for
// the letters' layout (render-letter-pdf.ts) and the report layout (report-pen.ts).

export const MM = 72 / 25.4;
export const PAGE_W = 210 * MM;
export const PAGE_H = 297 * MM;
export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.4, 0.45);

/**
 * Joins the spaces inside an amount, a phone number, an account number or an
 * IBAN with no-break spaces, so a word wrap never splits one across lines
 * ("kr 1 250,00", "+47 22 00 45 00", "NO93 8601 1117 947"). The letters and
 * the report layout (the hand-off summary) wrap with it.
 */
export function keepNumbersTogether(text: string): string {
  return text
    .replace(/(?<=\d) (?=\d{3}(?!\d))/g, "\u00a0")
    .replace(/\b(kr|EUR|USD|NOK|GBP) (?=\d)/g, "$1\u00a0")
    .replace(/(?<=\d) (EUR|USD|NOK|GBP|kr)\b/g, "\u00a0$1")
    .replace(/\+\d[\d ()-]{4,}\d/g, (m) => m.replace(/ /g, "\u00a0"))
    .replace(/\b[A-Z]{2}\d{2}(?: [A-Z\d]{1,4})+\b/g, (m) => m.replace(/ /g, "\u00a0"))
    .replace(/\b\d{4} \d{2} \d{5}\b/g, (m) => m.replace(/ /g, "\u00a0"));
}
