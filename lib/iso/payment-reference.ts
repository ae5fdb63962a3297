// Structured payment references banks carry in RmtInf/Strd/CdtrRefInf: the Norwegian
// KID (check digit MOD10 or MOD11, as Nets/Mastercard Payment Services specify for
// OCR giro) and the ISO 11649 RF creditor reference (mod 97, like the IBAN). Pure
// functions: the bank matching verifies with them, invoices get a KID built with them.

export type KidMode = "mod10" | "mod11";

/** MOD10 (Luhn): weights 2,1,2,1… from the right, digit sums of the products. */
export function mod10CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, w = 2; i >= 0; i--, w = 3 - w) {
    const p = (digits.charCodeAt(i) - 48) * w;
    sum += p > 9 ? p - 9 : p;
  }
  return String((10 - (sum % 10)) % 10);
}

/** MOD11: weights 2..7 repeating from the right; a remainder giving 10 is written "-" (Nets). */
export function mod11CheckDigit(digits: string): string {
  let sum = 0;
  for (let i = digits.length - 1, w = 2; i >= 0; i--, w = w === 7 ? 2 : w + 1) sum += (digits.charCodeAt(i) - 48) * w;
  const check = 11 - (sum % 11);
  return check === 11 ? "0" : check === 10 ? "-" : String(check);
}

/** Which check a KID passes ("mod10", "mod11", both or none): 2 to 25 digits, the last being the check. */
export function kidChecks(kid: string): KidMode[] {
  if (!/^\d{1,24}[\d-]$/.test(kid)) return [];
  const body = kid.slice(0, -1);
  const check = kid.slice(-1);
  const passes: KidMode[] = [];
  if (mod10CheckDigit(body) === check) passes.push("mod10");
  if (mod11CheckDigit(body) === check) passes.push("mod11");
  return passes;
}

/**
 * The KID for an invoice: the digits of the customer reference and the invoice
 * number, zero-padded to `length - 1` (0: as long as they are), and the check digit.
 * Null when the references hold no digits or do not fit the length.
 */
export function buildKid(opts: {
  mode: KidMode;
  length: number;
  customerRef: string;
  invoiceNumber: string;
}): string | null {
  const customer = opts.customerRef.replace(/\D/g, "");
  const invoice = opts.invoiceNumber.replace(/\D/g, "");
  if (!invoice) return null;
  let body = `${customer}${invoice}`;
  if (opts.length > 0) {
    if (body.length > opts.length - 1) body = invoice.padStart(opts.length - 1, "0");
    if (body.length > opts.length - 1) return null;
    body = body.padStart(opts.length - 1, "0");
  }
  if (body.length > 24) return null;
  return body + (opts.mode === "mod10" ? mod10CheckDigit(body) : mod11CheckDigit(body));
}

/** The value of a string of digits and letters (A=10 … Z=35) modulo 97, as ISO 7064 MOD 97-10 reads it. */
function mod97(text: string): number {
  let rest = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value > 9 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

/** An ISO 11649 creditor reference ("RF18 5390 0754 7034"), spaces ignored, check digits verified. */
export function isRfReference(text: string): boolean {
  const ref = text.replace(/\s+/g, "").toUpperCase();
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(ref)) return false;
  return mod97(ref.slice(4) + ref.slice(0, 4)) === 1;
}

/** The payload of an RF reference ("RF18539007547034" → "539007547034"). */
export function rfPayload(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase().slice(4);
}

/** An RF reference for a payload of up to 21 digits and letters (other characters dropped). */
export function buildRfReference(payload: string): string {
  const body = payload.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, "0")}${body}`;
}

/**
 * The RF reference for an invoice number: its letters and digits upper-cased, every
 * other character (/, -, spaces, accented letters) dropped, as ISO 11649 allows only
 * A-Z and 0-9; of a longer number its last 21, which hold the counter that tells
 * invoices apart. Null when the number has no letter or digit.
 * "2026/0043" → "RF6120260043"; "INV-2026/0043" → "RF46INV20260043".
 */
export function rfReferenceForInvoice(invoiceNumber: string): string | null {
  const body = invoiceNumber
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, "")
    .slice(-21);
  return body ? buildRfReference(body) : null;
}

/** A reference as it is stored and matched: spaces dropped, upper case ("rf18 5390…" → "RF185390…"). */
export function compactRfReference(text: string): string {
  return text.replace(/\s+/g, "").toUpperCase();
}

/** An RF reference as ISO 11649 prints it on paper: groups of four ("RF18 5390 0754 7034"). */
export function printedRfReference(ref: string): string {
  return compactRfReference(ref).replace(/(.{4})(?=.)/g, "$1 ");
}
