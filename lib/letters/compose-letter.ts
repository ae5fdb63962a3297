import { createHash } from "node:crypto";
import { accountKey, loadAccountStates } from "@/lib/collections/account-state";
import { nextAction, overdueInvoices } from "@/lib/collections/policy";
import { getPolicySettings } from "@/lib/collections/policy-settings";
import { promiseStatuses } from "@/lib/collections/promise-status";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import { type DbOrTx, readAll } from "@/lib/db/client";
import type { LetterCharge } from "@/lib/law/charges";
import { profileFor } from "@/lib/law/profile";
import { type DateOnly, daysBetween, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { letterDeadline } from "./deadline";
import type { LetterEnclosure } from "./enclosures";
import { englishLocale, letterFormat } from "./letter-format";
import { templatesForLetter } from "./letter-templates";
import { type LetterContact, type LetterInput, type LetterInvoice, renderLetter } from "./render";
import type { LetterTemplateSet, Stage } from "./template-types";

export interface ComposedLetter {
  stage: Stage;
  subject: string;
  body: string;
  deadline: DateOnly;
  invoices: LetterInvoice[];
  totalDueMinor: number;
  contentSha256: string;
  /** Invoice copies that go with the letter. */
  enclosures: LetterEnclosure[];
  /** The contact log the letter lists (also decides the first-letter rule). */
  contacts: LetterContact[];
}

/** What the policy says about an account now, with everything needed to write its next letter. */
export async function loadLetterContext(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
) {
  const [org, customer, policy, bank] = await readAll(tx, [
    () => tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } }),
    () => getCustomerOrThrow(tx, opts),
    () => getPolicySettings(tx, opts),
    () => tx.orgBankAccount.findUnique({ where: { orgId_currency: { orgId: opts.orgId, currency: opts.currency } } }),
  ] as const);
  const today = todayIn(org.timeZone, opts.now);
  const key = { customerId: customer.id, currency: opts.currency };
  const states = await loadAccountStates(tx, {
    orgId: org.id,
    timeZone: org.timeZone,
    today,
    accounts: [key],
    locale: org.locale,
  });
  const state = states.get(accountKey(key))!;
  const action = nextAction(state.facts, policy, today);
  return { org, customer, policy, bank, today, state, action, profile: profileFor(customer.countryCode) };
}

export type LetterContext = Awaited<ReturnType<typeof loadLetterContext>>;

/**
 * Renders the letter the policy's next action calls for, from the account's data and
 * contact log. `charges` are the interest and fees lib/law froze for this letter.
 */
export async function composeLetter(
  tx: DbOrTx,
  ctx: LetterContext,
  stage: Stage,
  templates?: LetterTemplateSet,
  charges: LetterCharge[] = [],
): Promise<ComposedLetter> {
  const { org, customer, state, today, policy } = ctx;
  const covered = overdueInvoices(state.facts, today);
  const since = covered.map((i) => i.issueDate).sort()[0] ?? today;
  const [extras, attempts] = await readAll(tx, [
    () =>
      tx.invoice.findMany({
        where: { orgId: org.id, id: { in: covered.map((i) => i.id) } },
        select: { id: true, kid: true, pdfSha256: true },
      }),
    // The contact log since the oldest invoice in the letter was issued (by the
    // (customer_id, occurred_at) index; corrections and currencies are sorted out below).
    () =>
      tx.contactAttempt.findMany({
        where: { orgId: org.id, customerId: customer.id, occurredAt: { gte: instantAt(since, "00:00", org.timeZone) } },
        select: {
          id: true,
          correctsId: true,
          occurredAt: true,
          channel: true,
          direction: true,
          outcome: true,
          letter: { select: { stage: true, currency: true } },
        },
        orderBy: { occurredAt: "asc" },
      }),
  ] as const);
  const extra = new Map(extras.map((e) => [e.id, e]));
  // A corrected entry is replaced by its correction; a letter of another currency's account is not this account's.
  const corrected = new Set(attempts.map((a) => a.correctsId).filter(Boolean));
  const logged = attempts.filter(
    (a) => !corrected.has(a.id) && (!a.letter || a.letter.currency === state.key.currency),
  );
  const invoices: LetterInvoice[] = covered.map((i) => ({
    invoiceId: i.id,
    number: i.number,
    issueDate: i.issueDate,
    dueDate: i.dueDate,
    amountMinor: i.amount,
    openMinor: i.open,
    daysPastDue: daysBetween(i.dueDate, today),
    kid: extra.get(i.id)?.kid ?? null,
    copyEnclosed: !!extra.get(i.id)?.pdfSha256,
  }));
  const enclosures: LetterEnclosure[] = covered.flatMap((i) => {
    const sha256 = extra.get(i.id)?.pdfSha256;
    return sha256 ? [{ invoiceNumber: i.number, sha256 }] : [];
  });
  const locale = customer.language === "en" ? englishLocale(customer.countryCode, org.locale) : org.locale;
  const format = letterFormat(customer.language, locale);
  const statuses = new Map(
    promiseStatuses(state.facts.promises, state.facts.payments, today).map((s) => [s.id, s.status]),
  );
  const contacts: LetterContact[] = [
    ...logged.map(
      (a): LetterContact => ({
        kind: "contact",
        on: todayIn(org.timeZone, a.occurredAt),
        channel: a.channel,
        direction: a.direction,
        outcome: a.outcome,
        letterStage: a.letter?.stage ?? null,
      }),
    ),
    ...state.facts.promises
      .filter((p) => p.madeOn >= since)
      .map(
        (p): LetterContact => ({
          kind: "promise",
          on: p.madeOn,
          amount: format.money(p.amount, state.key.currency),
          promisedFor: p.promisedFor,
          status: statuses.get(p.id) ?? "pending",
        }),
      ),
  ];
  const input: LetterInput = {
    stage,
    language: customer.language,
    profile: ctx.profile.id,
    customerType: customer.type,
    locale,
    currency: state.key.currency,
    letterDate: today,
    deadline: letterDeadline(today, policy.deadlineDays[stage - 1], state.letters.at(-1)?.deadline),
    org: { ...org, paymentMethods: org.paymentInstructions },
    customer,
    invoices,
    charges,
    contacts,
    bank: ctx.bank,
    handoff: state.handoff ? { ...state.handoff, ...(await handoffContact(tx, ctx)) } : null,
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
    enclosures,
    contacts,
  };
}

/** The agency's contact and payment details as recorded with the hand-off. */
async function handoffContact(tx: DbOrTx, ctx: LetterContext) {
  const row = ctx.state.caseId
    ? await tx.agencyHandoff.findUnique({
        where: { caseId: ctx.state.caseId },
        select: { agencyContact: true, agencyPaymentDetails: true },
      })
    : null;
  return { contact: row?.agencyContact ?? "", paymentDetails: row?.agencyPaymentDetails ?? "" };
}

/** The hash stored with a letter: SHA-256 of its subject, a blank line and its body, UTF-8. */
export function letterSha256(subject: string, body: string): string {
  return createHash("sha256").update(`${subject}\n\n${body}`, "utf8").digest("hex");
}
