// What a document-type column says a row is. Exports mix invoices with credit
// notes ("Nota di credito", "Kreditnota", "Credit Note", QuickBooks' "Credit
// Memo", FatturaPA's TD04) and sometimes payments; only invoices are receivables.

const CREDIT_NOTE =
  /credit\s*-?\s*(note|memo)|kreditnota|nota\s+(di\s+)?credito|creditnote|gutschrift|^\s*(TD04|NC)\s*$/i;
const INVOICE = /invoice|faktura|fattura|parcella|rechnung|bill\b|^\s*(TD0[1-3]|TD2[4-7]|FT|FA|INV)\s*$/i;

export type DocumentKind = "invoice" | "credit_note" | "other";

export function documentKind(type: string): DocumentKind {
  if (!type.trim()) return "invoice";
  if (CREDIT_NOTE.test(type)) return "credit_note";
  return INVOICE.test(type) ? "invoice" : "other";
}
