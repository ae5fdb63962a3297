import type { DateOnly } from "@/lib/time/dates";

/** One entry (or one transaction of a batched entry) read from a statement file. */
export interface StatementLine {
  /** Unique per account: the account servicer's reference, else the entry's facts with their occurrence. */
  dedupeKey: string;
  entryRef: string;
  bookingDate: DateOnly;
  amountMinor: number;
  currency: string;
  credit: boolean;
  /** Why the line can never be a customer payment (a debit, a fee, a return, not booked); "" for a credit. */
  ignoredReason: string;
  payerName: string;
  payerAccount: string;
  /** Structured creditor references (KID, RF, an invoice number a bank put there). */
  structuredRefs: string[];
  /** Referred document numbers (RfrdDocInf/Nb): invoice numbers in a structured field. */
  documentNumbers: string[];
  remittanceText: string;
}

export interface ParsedStatement {
  /** "camt.053.001.02", "camt.054.001.08", "csv". */
  format: string;
  accountIban: string;
  fromDate: DateOnly | null;
  toDate: DateOnly | null;
  lines: StatementLine[];
}

/**
 * Gives lines without an account servicer reference a key from their facts and
 * their occurrence among equal lines: the same entry in an overlapping statement
 * gets the same key, two equal payments on one day stay two.
 */
export function keyByFacts(account: string): (line: Omit<StatementLine, "dedupeKey">) => string {
  const seen = new Map<string, number>();
  return (l) => {
    const base = [
      account,
      l.bookingDate,
      l.credit ? "C" : "D",
      l.amountMinor,
      l.currency,
      l.structuredRefs.join(","),
      l.documentNumbers.join(","),
      l.payerAccount,
      l.payerName,
      l.remittanceText,
    ].join("|");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `f:${base}#${n}`;
  };
}

/** An XML decimal amount ("1234.5", "1000") in minor units; null if it has more decimals than the currency. */
export function decimalToMinor(text: string, digits: number): number | null {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > digits) return null;
  const minor = Number(m[1] + frac.padEnd(digits, "0"));
  return Number.isSafeInteger(minor) ? minor : null;
}
