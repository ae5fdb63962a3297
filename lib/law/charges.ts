// Contract with the law work (issue 11, section 2): the charges a letter claims beside its
// invoices, computed and frozen on the letter row by lib/law. Letters only render them.
// Minimal version: the law branch replaces this file with the computation.

export interface LetterCharge {
  kind: "interest" | "compensation" | "reminder_fee" | "contractual_interest" | "flat_fee";
  invoiceNumber: string | null;
  amountMinor: number;
  currency: string;
  /** e.g. "12.25" (percent a year) */
  ratePercent: string | null;
  /** DateOnly yyyy-mm-dd */
  fromDate: string | null;
  toDate: string | null;
  /** Short legal basis, e.g. "forsinkelsesrenteloven § 3". */
  basis: string;
}
