import { z } from "zod";

// What a letter's PDF needs from the organization that could change later,
// copied onto the letter row when it is sent. The logo is named by its hash:
// org_logos rows are immutable, so the hash always finds the same picture.

export const letterheadSchema = z.object({
  name: z.string(),
  addressLines: z.array(z.string()),
  phone: z.string(),
  email: z.string(),
  website: z.string(),
  paymentInstructions: z.string(),
  logoSha256: z.string().nullable(),
});

export type Letterhead = z.infer<typeof letterheadSchema>;

export interface LetterheadSource {
  name: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  email: string;
  website: string;
  paymentInstructions: string;
  logoSha256: string | null;
}

export function letterheadSnapshot(org: LetterheadSource): Letterhead {
  return {
    name: org.name,
    addressLines: [
      org.addressLine1,
      org.addressLine2,
      [org.postalCode, org.city].filter(Boolean).join(" "),
      org.country,
    ].filter(Boolean),
    phone: org.phone,
    email: org.email,
    website: org.website,
    paymentInstructions: org.paymentInstructions,
    logoSha256: org.logoSha256,
  };
}

/** The stored snapshot, or null for letters sent before snapshots existed (their body carries the letterhead as text). */
export function parseLetterhead(value: unknown): Letterhead | null {
  if (value === null || value === undefined) return null;
  const parsed = letterheadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
