import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { composeLetter, loadLetterContext } from "./compose-letter";
import { templateSetWith } from "./letter-templates";
import type { TemplateDraft } from "./validate-template";

/**
 * A draft template rendered on a real account of the organization whose
 * customer writes in that language (the one with the oldest overdue invoice,
 * or the chosen customer). Changes nothing.
 */
export async function previewTemplate(
  tx: DbOrTx,
  opts: {
    orgId: string;
    language: Language;
    stage: Stage;
    draft: TemplateDraft;
    customerId?: string | null;
    now: Date;
  },
): Promise<{ customerName: string; subject: string; body: string }> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { timeZone: true } });
  const today = todayIn(org.timeZone, opts.now);
  const invoice = await tx.invoice.findFirst({
    where: {
      orgId: opts.orgId,
      dueDate: { lt: dateOnlyToDb(today) },
      paidMinor: { lt: tx.invoice.fields.amountMinor },
      customer: { language: opts.language, ...(opts.customerId ? { id: opts.customerId } : {}) },
    },
    orderBy: { dueDate: "asc" },
    select: { customerId: true, currency: true, amountMinor: true, paidMinor: true },
  });
  if (!invoice)
    throw new AppError("NOT_FOUND", `No customer writing in this language has an overdue invoice to preview on.`);
  const ctx = await loadLetterContext(tx, {
    orgId: opts.orgId,
    customerId: invoice.customerId,
    currency: invoice.currency,
    now: opts.now,
  });
  try {
    const letter = await composeLetter(tx, ctx, opts.stage, templateSetWith(opts.language, opts.stage, opts.draft));
    return { customerName: ctx.customer.name, subject: letter.subject, body: letter.body };
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The preview could not be rendered: ${(error as Error).message}`);
  }
}
