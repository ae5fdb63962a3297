import { createHash } from "node:crypto";
import { loadAccountContext } from "@/lib/collections/account-context";
import { overdueInvoices } from "@/lib/collections/policy";
import { promiseStatuses } from "@/lib/collections/promise-status";
import { type DbOrTx, readAll } from "@/lib/db/client";
import type { LetterEnclosure } from "@/lib/invoices/enclosures";
import type { LetterCharge } from "@/lib/law/charges";
import { DEBT_PROTOCOL, encloseDebtProtocolForms, type ProtocolForms } from "@/lib/law/debt-protocol";
import { getLawSettings } from "@/lib/law/law-settings";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import { type PostalAddress, postalAddressLines } from "@/lib/locale/postal-address";
import type { Stage } from "@/lib/stages/stage";
import { type DateOnly, daysBetween, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { letterDeadline } from "./deadline";
import { deadlineDaysFor, letterLaw, priceLetter } from "./letter-law";
import { templatesForLetter } from "./letter-templates";
import { type LetterContact, type LetterInput, type LetterInvoice, renderLetter } from "./render";
import type { LetterTemplateSet } from "./template-types";

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
  /** A reminder email or call we logged (not a letter) since the oldest invoice was issued, corrections applied. */
  contactLogged: boolean;
  /** Invoice copies that go with the letter. */
  enclosures: LetterEnclosure[];
  /** The contact log the letter lists (also decides the first-letter rule). */
  contacts: LetterContact[];
  /** UK letter of claim to an individual or sole trader: the Protocol's forms as filled in, printed after it. */
  protocolForms: ProtocolForms | null;
}

/** The account as the policy sees it, plus the legal profile and charges settings its letters follow. */
export async function loadLetterContext(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
) {
  const ctx = await loadAccountContext(tx, opts);
  const [lawSettings, bank] = await readAll(tx, [
    () => getLawSettings(tx, opts),
    // Where this account's customers pay: the organization's account in its currency.
    () => tx.orgBankAccount.findUnique({ where: { orgId_currency: { orgId: opts.orgId, currency: opts.currency } } }),
  ] as const);
  const law = letterLaw(lawSettings, ctx.customer);
  return { ...ctx, law, bank, profile: law.profile };
}

export type LetterContext = Awaited<ReturnType<typeof loadLetterContext>>;

/**
 * Renders the letter the policy's next action calls for, from the account's data and
 * contact log, with the interest and fees lib/law prices for it (priceLetter).
 */
export async function composeLetter(
  tx: DbOrTx,
  ctx: LetterContext,
  stage: Stage,
  templates?: LetterTemplateSet,
): Promise<ComposedLetter> {
  const { org, customer, state, today, policy } = ctx;
  const covered = overdueInvoices(state.facts, today);
  const since = covered.map((i) => i.issueDate).sort()[0] ?? today;
  const [extras, attempts] = await readAll(tx, [
    () =>
      tx.invoice.findMany({
        where: { orgId: org.id, id: { in: covered.map((i) => i.id) } },
        select: { id: true, kid: true, rfReference: true, pdfSha256: true },
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
    rfReference: extra.get(i.id)?.rfReference ?? null,
    copyEnclosed: !!extra.get(i.id)?.pdfSha256,
  }));
  const enclosures: LetterEnclosure[] = covered.flatMap((i) => {
    const sha256 = extra.get(i.id)?.pdfSha256;
    return sha256 ? [{ invoiceNumber: i.number, sha256 }] : [];
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
    deadline: letterDeadline(
      today,
      deadlineDaysFor(ctx.law, policy.deadlineDays[stage - 1]),
      state.letters.at(-1)?.deadline,
    ),
    org: { ...org, paymentMethods: org.paymentInstructions },
    customer,
    invoices,
    charges,
    creditMinor: state.facts.creditMinor ?? 0,
    contacts,
    bank: ctx.bank,
    handoff: state.handoff ? { ...state.handoff, ...(await handoffContact(tx, ctx)) } : null,
    templates:
      templates ??
      (await templatesForLetter(tx, {
        orgId: org.id,
        language: customer.language,
        stage,
        customerType: customer.type,
      })),
  };
  const { subject, body, totalMinor } = renderLetter(input);
  const protocolForms = encloseDebtProtocolForms({
    profile: ctx.profile.id,
    customerType: customer.type,
    stage,
    formalNoticeStage: ctx.profile.formalNoticeStage,
  })
    ? debtProtocolForms(input, { reference: customer.reference, totalMinor, format })
    : null;
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
    contactLogged: contacts.some(
      (c) =>
        c.kind === "contact" &&
        c.direction === "OUTBOUND" &&
        (c.channel === "EMAIL" || c.channel === "PHONE") &&
        !c.letterStage,
    ),
    enclosures,
    contacts,
    protocolForms,
  };
}

/** The Protocol's forms filled in from the letter's own facts (names, addresses, amount, dates). */
function debtProtocolForms(
  input: LetterInput,
  o: { reference: string; totalMinor: number; format: ReturnType<typeof letterFormat> },
): ProtocolForms {
  // Postal lines without the name (the forms print it apart); the creditor's as the debtor writes to it.
  const lines = (a: PostalAddress, from: string) =>
    postalAddressLines(a, { attention: "", fromCountryCode: from }).slice(1);
  return {
    version: DEBT_PROTOCOL.version,
    creditor: { name: input.org.name, address: lines(input.org, input.customer.countryCode ?? "") },
    debtor: { name: input.customer.name, address: lines(input.customer, input.org.countryCode) },
    reference: o.reference,
    invoices: input.invoices.map((i) => i.number),
    amountClaimed: o.format.money(o.totalMinor, input.currency),
    letterDate: o.format.inlineDate(input.letterDate),
    replyBy: o.format.inlineDate(input.deadline),
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
