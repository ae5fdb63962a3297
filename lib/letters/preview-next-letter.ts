import { policyLabel } from "@/lib/collections/account-policies";
import type { NextAction } from "@/lib/collections/policy";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Stage } from "@/lib/stages/stage";
import { type ComposedLetter, composeLetter, type LetterContext, loadLetterContext } from "./compose-letter";
import { assertComposedLetterLawful } from "./lawful-letter";

export interface LetterPreview {
  action: NextAction;
  /** The letter as it would be sent today, when the next action is a letter with an overdue balance. */
  letter: ComposedLetter | null;
  /** Which policy the account follows, why, and which of its steps this letter is: "Consumers (rule 1: consumer), step 3 of 8". */
  policy: string;
  /**
   * What the law would refuse if the letter were sent now, by post and by email (the send checks
   * the same facts and refuses with the same message); null: it may go that way.
   */
  refusals: { post: string | null; email: string | null };
}

/** The next letter of an account, rendered exactly as "send" would store it today; changes nothing. */
export async function previewNextLetter(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
): Promise<LetterPreview> {
  const ctx = await loadLetterContext(tx, opts);
  // Letter 4 names the agency: there is nothing true to preview before the hand-off.
  const letter =
    ctx.action.kind === "letter" && !ctx.action.blockedUntilHandoff
      ? await composeLetter(tx, ctx, ctx.action.stage)
      : null;
  const { workflow, action } = ctx;
  const stepIndex =
    action.kind === "letter" ? workflow.steps.findIndex((s) => s.kind === "letter" && s.stage === action.stage) : -1;
  const policy = `${policyLabel(workflow)}${stepIndex >= 0 ? `, step ${stepIndex + 1} of ${workflow.steps.length}` : ""}`;
  const refusal = (byEmail: boolean) =>
    letter && action.kind === "letter"
      ? lawRefusal(ctx, letter, { stage: action.stage, currency: opts.currency, byEmail })
      : null;
  return { action, letter, policy, refusals: { post: refusal(false), email: refusal(true) } };
}

function lawRefusal(
  ctx: LetterContext,
  letter: ComposedLetter,
  opts: { stage: Stage; currency: string; byEmail: boolean },
) {
  try {
    assertComposedLetterLawful(ctx, letter, opts);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
}
