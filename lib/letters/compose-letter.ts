import { createHash } from "node:crypto";
import { loadAccountContext } from "@/lib/collections/account-context";
import { overdueInvoices } from "@/lib/collections/policy";
import type { DbOrTx } from "@/lib/db/client";
import type { LetterCharge } from "@/lib/law/charges";
import { getLawSettings } from "@/lib/law/law-settings";
import { type DateOnly, daysBetween, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { letterDeadline } from "./deadline";
import { deadlineDaysFor, letterLaw, priceLetter } from "./letter-law";
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
  /** Every charge the letter states (earlier ones still claimed, then the new ones); frozen on the letter row. */
  charges: LetterCharge[];
  /** The charges this letter adds: recorded as charges rows when it is sent. */
  addedCharges: LetterCharge[];
  earlierCharges: LetterCharge[];
  /** An outbound call or email (not a letter) is logged since the oldest invoice was issued. */
  contactLogged: boolean;
}

/** The account as the policy sees it, plus the legal profile and charges settings its letters follow. */
export async function loadLetterContext(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
) {
  const ctx = await loadAccountContext(tx, opts);
  const lawSettings = await getLawSettings(tx, opts);
  return { ...ctx, law: letterLaw(lawSettings, ctx.customer) };
}

export type LetterContext = Awaited<ReturnType<typeof loadLetterContext>>;

/** Renders the letter the policy's next action calls for, from the account's data and contact history. */
export async function composeLetter(
  tx: DbOrTx,
  ctx: LetterContext,
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
  const { earlier, added } = await priceLetter(tx, {
    orgId: org.id,
    customerId: customer.id,
    law: ctx.law,
    stage,
    letterDate: today,
    currency: ctx.state.key.currency,
    invoices,
  });
  const charges = [...earlier, ...added];
  const input: LetterInput = {
    stage,
    language: customer.language,
    locale: org.locale,
    currency: ctx.state.key.currency,
    letterDate: today,
    deadline: letterDeadline(
      today,
      deadlineDaysFor(ctx.law, policy.deadlineDays[stage - 1]),
      state.letters.at(-1)?.deadline,
    ),
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
    charges,
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
    charges,
    addedCharges: added,
    earlierCharges: earlier,
    contactLogged: attempts.some((a) => a.channel !== "LETTER"),
  };
}

/** The hash stored with a letter: SHA-256 of its subject, a blank line and its body, UTF-8. */
export function letterSha256(subject: string, body: string): string {
  return createHash("sha256").update(`${subject}\n\n${body}`, "utf8").digest("hex");
}
