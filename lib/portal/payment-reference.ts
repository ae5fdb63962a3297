import { compactRfReference, isRfReference } from "@/lib/iso/payment-reference";
import { minorToPlain } from "@/lib/money/money";

// The SEPA payment QR code (EPC069-12 v2.1, "GiroCode"):
// pure text, so the page and the tests share one definition.

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
  const structured = isRfReference(t.reference);
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
    structured ? compactRfReference(t.reference) : "",
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
