import type { SessionUser } from "@/lib/auth/session-user";
import { getLetterOrThrow } from "@/lib/collections/contact-history";
import { listOpenPaidClaims } from "@/lib/collections/paid-claims";
import { db } from "@/lib/db/client";
import { CHANNEL_COLUMNS } from "@/lib/delivery/channel";
import { deliveryStatuses } from "@/lib/delivery/delivery-status";
import { AppError } from "@/lib/errors/app-error";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { clockNow } from "@/lib/time/dates";
import { type BulkSendPlan, planBulkSend } from "./bulk-plan";
import { templateInForce } from "./letter-templates";
import { previewChannel } from "./preview-channel";
import { previewNextLetter } from "./preview-next-letter";
import { type SelectedAccount, selectionField } from "./selection";

// What the letter pages read, for the signed-in user: pages call these and never
// hold the database client (the layer rule "pages-read-through-lib").

/** A sent letter, its email delivery and the customer's address now. Throws NOT_FOUND for another org's letter. */
export async function getLetterPage(user: SessionUser, letterId: string) {
  const letter = await getLetterOrThrow(db(), { orgId: user.orgId, letterId });
  const [delivery, recipient] = await Promise.all([
    deliveryStatuses(db(), { orgId: user.orgId, letterIds: [letter.id] }).then((m) => m.get(letter.id) ?? null),
    db().customer.findUniqueOrThrow({ where: { id: letter.customer.id }, select: { email: true } }),
  ]);
  return { letter, delivery, recipient };
}

/**
 * The next letter for an account as it would be sent now, the address an email would go
 * to, and the channel offered first (the customer's preferred one, as the bulk send uses it).
 */
export async function getLetterPreviewPage(user: SessionUser, customerId: string, currency: string) {
  const preview = await previewNextLetter(db(), { orgId: user.orgId, customerId, currency, now: clockNow() });
  const hasLetter = preview.action.kind === "letter" && !!preview.letter;
  const [customer, paidClaims] = await Promise.all([
    hasLetter
      ? db().customer.findFirst({ where: { id: customerId, orgId: user.orgId }, select: CHANNEL_COLUMNS })
      : null,
    // No letter: a "we have paid" claim may be what holds it, and an administrator may release it here.
    hasLetter ? [] : listOpenPaidClaims(db(), { orgId: user.orgId, customerId, currency }),
  ]);
  return {
    preview,
    paidClaims,
    customerEmail: customer?.email ?? "",
    channel: customer ? previewChannel(customer) : ("post" as const),
  };
}

/** The template in force for one language and stage. */
export function getTemplatePage(user: SessionUser, language: Language, stage: Stage) {
  return templateInForce(db(), { orgId: user.orgId, language, stage });
}

/**
 * The bulk-send plan page: every due letter, or those of the ticked accounts (`a`
 * in the address, as the selection toolbar posts them). A selection that does not
 * parse, or names a customer of another organization, is an error message and no plan.
 */
export async function getBulkSendPlanPage(
  user: SessionUser,
  accounts: string | string[] | undefined,
): Promise<{ plan: BulkSendPlan; selection: SelectedAccount[] | null } | { error: string }> {
  let selection: SelectedAccount[] | null = null;
  if (accounts !== undefined) {
    const parsed = selectionField.safeParse(accounts);
    if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "That selection is not valid." };
    selection = parsed.data;
  }
  try {
    return { plan: await planBulkSend(db(), { orgId: user.orgId, now: clockNow(), selection }), selection };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { error: error.message };
    throw error;
  }
}
