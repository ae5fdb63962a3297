import type { LawProfile } from "@/lib/law/profile";
import type { Stage } from "@/lib/stages/stage";
import type { ComposedLetter, LetterContext } from "./compose-letter";
import { assertLetterLawful } from "./letter-law";

/**
 * The law's refusal of a composed letter, or its profile: what the send checks and
 * the preview warns about ahead of the send, from the same facts.
 */
export function assertComposedLetterLawful(
  ctx: LetterContext,
  letter: ComposedLetter,
  opts: { stage: Stage; currency: string; byEmail: boolean },
): LawProfile {
  return assertLetterLawful(ctx.law, ctx.customer, {
    stage: opts.stage,
    letterDate: ctx.today,
    policyDeadlineDays: ctx.policy.deadlineDays[opts.stage - 1],
    byEmail: opts.byEmail,
    invoices: letter.invoices,
    contactLogged: letter.contactLogged,
    paymentAccount: ctx.bank,
    currency: opts.currency,
    earlier: letter.earlierCharges,
    added: letter.addedCharges,
  });
}
