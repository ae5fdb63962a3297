import { rgb } from "pdf-lib";

// The page every document prints on: A4 in PDF points, and the two inks. One definition for
// the letters' layout (render-letter-pdf.ts) and the report layout (report-pen.ts).

export const MM = 72 / 25.4;
export const PAGE_W = 210 * MM;
export const PAGE_H = 297 * MM;
export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.38, 0.4, 0.45);
