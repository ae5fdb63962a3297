import { minorToPlain } from "@/lib/money/money";

// Payment references and the SEPA payment QR code (EPC069-12 v2.1, "GiroCode"):
// pure text, so the page and the tests share one definition.

/** Letters as ISO 7064 numbers (A=10 … Z=35), digits as they are. */
const numeric = (s: string) => [...s].map((ch) => (/\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55))).join("");

/** The remainder mod 97 of a long decimal string, chunk by chunk. */
function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) rest = Number(`${rest}${digits.slice(i, i + 7)}`) % 97;
  return rest;
}

/**
 * An ISO 11649 creditor reference ("RF18 5390 0754 7034" without spaces) from an invoice
 * number: its letters and digits (at most 21), check digits over reference + "RF00".
 * Null when the invoice number has no letter or digit.
 */
export function rfReference(invoiceNumber: string): string | null {
  const body = invoiceNumber
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .slice(-21);
  if (!body) return null;
  const check = 98 - mod97(numeric(`${body}RF00`));
  return `RF${String(check).padStart(2, "0")}${body}`;
}

/** Whether a creditor reference's check digits hold (mod 97 = 1). */
export function rfReferenceValid(ref: string): boolean {
  const s = ref.replace(/\s+/g, "").toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(s)) return false;
  return mod97(numeric(`${s.slice(4)}${s.slice(0, 4)}`)) === 1;
}

export interface SepaTransfer {
  beneficiaryName: string;
  iban: string;
  bic: string;
  /** Euro cents; the standard allows 0.01 to 999,999,999.99. */
  amountMinor: number;
  /** An RF creditor reference (structured), else free text for the payer's statement. */
  reference: string;
}

/**
 * The EPC QR payload: service tag BCD, version 002, UTF-8 (1), SCT, BIC (optional in
 * version 002), name (70), IBAN, "EUR12.30", no purpose, then either the structured
 * reference (line 10) or the unstructured text (line 11, 140). Null when the
 * transfer cannot be expressed (not a euro IBAN amount in range).
 */
export function epcQrPayload(t: SepaTransfer): string | null {
  const iban = t.iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return null;
  if (!Number.isInteger(t.amountMinor) || t.amountMinor < 1 || t.amountMinor > 99_999_999_999) return null;
  const structured = rfReferenceValid(t.reference);
  const clean = (s: string, max: number) =>
    s
      .replace(/[\r\n]+/g, " ")
      .trim()
      .slice(0, max);
  return [
    "BCD",
    "002",
    "1",
    "SCT",
    clean(t.bic, 11),
    clean(t.beneficiaryName, 70),
    iban,
    `EUR${minorToPlain(t.amountMinor, "EUR")}`,
    "",
    structured ? t.reference.replace(/\s+/g, "").toUpperCase() : "",
    structured ? "" : clean(t.reference, 140),
  ].join("\n");
}

/** A QR code's dark modules as one SVG path (1 unit per module, a 4-module quiet zone): drawn on the server, no image, no script. */
export function qrSvgPath(modules: boolean[][]): { d: string; size: number } {
  let d = "";
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) d += `M${x + 4} ${y + 4}h1v1h-1z`;
    });
  });
  return { d, size: modules.length + 8 };
}
