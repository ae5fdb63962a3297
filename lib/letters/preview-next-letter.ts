import { loadAccountContext } from "@/lib/collections/account-context";
import type { NextAction } from "@/lib/collections/policy";
import type { DbOrTx } from "@/lib/db/client";
import { type ComposedLetter, composeLetter } from "./compose-letter";

export interface LetterPreview {
  action: NextAction;
  /** The letter as it would be sent today, when the next action is a letter with an overdue balance. */
  letter: ComposedLetter | null;
}

/** The next letter of an account, rendered exactly as "send" would store it today; changes nothing. */
export async function previewNextLetter(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
): Promise<LetterPreview> {
  const ctx = await loadAccountContext(tx, opts);
  // Letter 4 names the agency: there is nothing true to preview before the hand-off.
  const letter =
    ctx.action.kind === "letter" && !ctx.action.blockedUntilHandoff
      ? await composeLetter(tx, ctx, ctx.action.stage)
      : null;
  return { action: ctx.action, letter };
}
