import type { ProfileId } from "@/lib/law/profile";
import type { LetterContext } from "./compose-letter";
import type { LetterContact } from "./phrases/types";

// The domain guide's order: a reminder or a call comes before letter 1, so letter 1 is
// not the first contact. The policy can require it; left unset, the country's default
// applies. No statute in these countries requires a contact before a first reminder, so
// every default is off (source: COLLECTIONS.md "Before the first letter" is a
// recommendation; inkassoloven § 9, art. 1219 c.c. and the UK protocol govern later
// notices). A country that needs it changes one row.
export const CONTACT_BEFORE_LETTER1_DEFAULT: Record<ProfileId, boolean> = {
  NO: false,
  IT: false,
  GB: false,
  US: false,
};

export function requiresContactBeforeLetter1(policy: boolean | null, profile: ProfileId): boolean {
  return policy ?? CONTACT_BEFORE_LETTER1_DEFAULT[profile];
}

/** Why letter 1 cannot go yet, or null. A reminder email or a call we logged counts; a letter does not. */
export function firstLetterRefusal(ctx: Pick<LetterContext, "policy" | "profile">, contacts: LetterContact[]) {
  if (!requiresContactBeforeLetter1(ctx.policy.requireContactBeforeLetter1, ctx.profile.id)) return null;
  const reminded = contacts.some(
    (c) =>
      c.kind === "contact" &&
      c.direction === "OUTBOUND" &&
      (c.channel === "EMAIL" || c.channel === "PHONE") &&
      !c.letterStage,
  );
  return reminded
    ? null
    : "The policy asks for a logged reminder email or call before letter 1: log one on the customer page first.";
}
