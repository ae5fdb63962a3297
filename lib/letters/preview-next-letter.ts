import { policyLabel } from "@/lib/collections/account-policies";
import type { NextAction } from "@/lib/collections/policy";
import type { DbOrTx } from "@/lib/db/client";
import { type ComposedLetter, composeLetter, loadLetterContext } from "./compose-letter";

export interface LetterPreview {
  action: NextAction;
  /** The letter as it would be sent today, when the next action is a letter with an overdue balance. */
  letter: ComposedLetter | null;
  /** Which policy the account follows, why, and which of its steps this letter is: "Consumers (rule 1: consumer), step 3 of 8". */
  policy: string;
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
  return { action, letter, policy };
}
