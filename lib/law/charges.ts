import { z } from "zod";

/**
 * One claim a letter states beside the invoices: statutory or contractual
 * interest, a compensation, a reminder fee or a flat fee. Computed when the
 * letter is sent, frozen on the letter row (letters.charges) and recorded as a
 * charges row; never added to an invoice's principal.
 */
export interface LetterCharge {
  kind: "interest" | "compensation" | "reminder_fee" | "contractual_interest" | "flat_fee";
  /** The invoice the charge belongs to; null for a charge on the whole claim (e.g. a UK debt-wide fee is per invoice here, so rarely null). */
  invoiceNumber: string | null;
  /** Integer minor units of `currency`. */
  amountMinor: number;
  currency: string;
  /** Annual rate as a decimal string ("12.50"), for interest lines. */
  ratePercent: string | null;
  /** Interest period, inclusive, as DateOnly strings. */
  fromDate: string | null;
  toDate: string | null;
  /** How the figure was obtained and its legal basis, in plain English (stored with the letter as evidence; never printed in the letter). */
  basis: string;
  /** A Norwegian fee: for a purring or for the creditor's own inkassovarsel (the letter names it so). */
  notice?: "purring" | "inkassovarsel";
}

export const CHARGE_KINDS = ["interest", "compensation", "reminder_fee", "contractual_interest", "flat_fee"] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

/** How the customer page and the hand-off form name each kind of charge. */
export const CHARGE_KIND_LABEL: Record<string, string> = {
  interest: "Statutory interest",
  compensation: "Fixed compensation",
  reminder_fee: "Reminder fee",
  contractual_interest: "Contractual interest",
  flat_fee: "Late fee",
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const letterChargeSchema = z.object({
  kind: z.enum(CHARGE_KINDS),
  invoiceNumber: z.string().nullable(),
  amountMinor: z.number().int().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  ratePercent: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .nullable(),
  fromDate: day.nullable(),
  toDate: day.nullable(),
  basis: z.string(),
  notice: z.enum(["purring", "inkassovarsel"]).optional(),
});

export const letterChargesSchema = z.array(letterChargeSchema);

/** Reads letters.charges (JSON) back; a malformed value is an error, not an empty list. */
export function parseLetterCharges(value: unknown): LetterCharge[] {
  return letterChargesSchema.parse(value ?? []);
}

export const chargesTotalMinor = (charges: LetterCharge[]) => charges.reduce((s, c) => s + c.amountMinor, 0);
