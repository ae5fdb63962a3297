import { z } from "zod";
import { streetLines } from "@/lib/locale/postal-address";
import type { BankDetails } from "./bank-accounts";
import { letterheadLegalLine } from "./letterhead-requirements";

// What a letter's PDF needs from the organization that could change later,
// copied onto the letter row when it is sent. The logo is named by its hash:
// org_logos rows are immutable, so the hash always finds the same picture.

export const letterheadSchema = z.object({
  name: z.string(),
  addressLines: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  /** The footer's payment line: the bank account of the letter's currency (empty on letter 4). */
  paymentInstructions: z.string(),
  logoSha256: z.string().nullable(),
  /** Registration and VAT numbers where the sender's country requires them (letterhead-requirements.ts). */
  legalLine: z.string().optional(),
});

export type Letterhead = z.infer<typeof letterheadSchema>;

export interface LetterheadSource {
  name: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  /** US state, Italian province: part of the locality line where the country's format has it. */
  region?: string;
  country: string;
  /** The locality line follows the country's format (US "Austin, TX 78701"); absent: "postcode city". */
  countryCode?: string;
  phone: string;
  email: string;
  website: string;
  paymentInstructions: string;
  logoSha256: string | null;
}

export function letterheadSnapshot(org: LetterheadSource): Letterhead {
  return {
    name: org.name,
    addressLines: [...streetLines({ ...org, countryCode: org.countryCode ?? null }), org.country].filter(Boolean),
    phone: org.phone,
    email: org.email,
    website: org.website,
    paymentInstructions: org.paymentInstructions,
    logoSha256: org.logoSha256,
  };
}

/**
 * The snapshot a letter is sent with: the letterhead, the legal line of the sender's
 * country, and in the footer the bank account of the letter's currency; letter 4 sends
 * payment to the agency, so it names no account of ours.
 */
export function letterheadForLetter(
  org: LetterheadSource & { countryCode: string; registrationNumber: string; vatNumber: string },
  opts: { bank: BankDetails | null; stage: number },
): Letterhead {
  const head = letterheadSnapshot(org);
  return {
    ...head,
    paymentInstructions: opts.stage === 4 ? "" : bankFooterLine(opts.bank),
    legalLine: letterheadLegalLine({ ...org, registeredOffice: head.addressLines.join(", ") }),
  };
}

/** The one-line bank details printed in a letter's footer. */
export function bankFooterLine(bank: BankDetails | null): string {
  if (!bank) return "";
  return [bank.bankName, bank.accountNumber, bank.iban && `IBAN ${bank.iban}`, bank.bic && `BIC ${bank.bic}`]
    .filter(Boolean)
    .join(" · ");
}

/** The stored snapshot, or null for letters sent before snapshots existed (their body carries the letterhead as text). */
export function parseLetterhead(value: unknown): Letterhead | null {
  if (value === null || value === undefined) return null;
  const parsed = letterheadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
