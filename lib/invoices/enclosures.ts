import { z } from "zod";

// The invoice copies a letter encloses, stored on the letter row (letters.enclosures) when
// it is sent, so its PDF, email and print run always carry the same files.

export const letterEnclosureSchema = z.object({ invoiceNumber: z.string(), sha256: z.string().length(64) });
export type LetterEnclosure = z.infer<typeof letterEnclosureSchema>;

export function parseEnclosures(value: unknown): LetterEnclosure[] {
  const parsed = z.array(letterEnclosureSchema).safeParse(value ?? []);
  return parsed.success ? parsed.data : [];
}
