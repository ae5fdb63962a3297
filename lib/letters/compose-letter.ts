import { createHash } from "node:crypto";
import type { AccountContext } from "@/lib/collections/account-context";
import { overdueInvoices } from "@/lib/collections/policy";
import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, daysBetween, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { letterDeadline } from "./deadline";
import { templatesForLetter } from "./letter-templates";
import { type LetterInput, type LetterInvoice, renderLetter } from "./render";
import type { LetterTemplateSet, Stage } from "./template-types";

export interface ComposedLetter {
  stage: Stage;
  subject: string;
  body: string;
  deadline: DateOnly;
  invoices: LetterInvoice[];
  totalDueMinor: number;
  contentSha256: string;
}

/** Renders the letter the policy's next action calls for, from the account's data and contact history. */
export async function composeLetter(
  tx: DbOrTx,
  ctx: AccountContext,
  stage: Stage,
  templates?: LetterTemplateSet,
): Promise<ComposedLetter> {
  const { org, customer, state, today, policy } = ctx;
  const covered = overdueInvoices(state.facts, today);
  const invoices: LetterInvoice[] = covered.map((i) => ({
    invoiceId: i.id,
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    amountMinor: i.amount,
    openMinor: i.open,
    daysPastDue: daysBetween(i.dueDate, today),
  }));
  const since = covered.map((i) => i.issueDate).sort()[0] ?? today;
  const attempts = await tx.contactAttempt.findMany({
    where: {
      orgId: org.id,
      customerId: customer.id,
      direction: "OUTBOUND",
      occurredAt: { gte: instantAt(since, "00:00", org.timeZone) },
    },
    select: { occurredAt: true, channel: true, outcome: true, letter: { select: { stage: true } } },
    orderBy: { occurredAt: "asc" },
  });
  const input: LetterInput = {
    stage,
    language: customer.language,
    locale: org.locale,
    currency: ctx.state.key.currency,
    letterDate: today,
    deadline: letterDeadline(today, policy.deadlineDays[stage - 1], state.letters.at(-1)?.deadline),
    org,
    customer,
    invoices,
    attempts: attempts.map((a) => ({
      on: todayIn(org.timeZone, a.occurredAt),
      channel: a.channel,
      outcome: a.outcome,
      letterStage: a.letter?.stage,
    })),
    handoff: state.handoff,
    templates: templates ?? (await templatesForLetter(tx, { orgId: org.id, language: customer.language, stage })),
  };
  const { subject, body } = renderLetter(input);
  return {
    stage,
    subject,
    body,
    deadline: input.deadline,
    invoices,
    totalDueMinor: invoices.reduce((s, i) => s + i.openMinor, 0),
    contentSha256: letterSha256(subject, body),
  };
}

/** The hash stored with a letter: SHA-256 of its subject, a blank line and its body, UTF-8. */
export function letterSha256(subject: string, body: string): string {
  return createHash("sha256").update(`${subject}\n\n${body}`, "utf8").digest("hex");
}
