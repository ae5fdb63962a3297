import { bodyTable } from "@/lib/documents/body-table";
import type { CustomerType, Language } from "@/lib/generated/prisma/enums";
import type { LetterCharge } from "@/lib/law/charges";
import { divideHalfUp, percentToScaled, RATE_SCALE } from "@/lib/law/percent";
import { type ProfileId, profileFor } from "@/lib/law/profile";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import { type PostalAddress, postalAddressLines, streetLines } from "@/lib/locale/postal-address";
import type { Stage } from "@/lib/stages/stage";
import type { DateOnly } from "@/lib/time/dates";
import { en as enPhrases } from "./phrases/en";
import { itLei as itLeiPhrases, it as itPhrases } from "./phrases/it";
import { nbDu as nbDuPhrases, nb as nbPhrases } from "./phrases/nb";
import type { AgencyFacts, BankDetails, LetterContact, LetterPhrases } from "./phrases/types";
import type { LetterTemplateSet, StageTemplate } from "./template-types";
import { en } from "./templates/en";
import { it } from "./templates/it";
import { itLei } from "./templates/it-lei";
import { nb } from "./templates/nb";
import { nbDu } from "./templates/nb-du";

// Letters are rendered from data by one pure function: the same input always gives the
// same text, which is stored as sent and hashed. Only the template's own text is read
// for {{placeholders}}; data is inserted once and never scanned again.

const TEMPLATES: Record<Language, LetterTemplateSet> = { en, it, nb };
const PHRASES: Record<Language, LetterPhrases> = { en: enPhrases, it: itPhrases, nb: nbPhrases };
// A consumer is written to as a person: Norwegian "du", Italian "Lei". English "you" serves both.
const CONSUMER_TEMPLATES: Partial<Record<Language, LetterTemplateSet>> = { it: itLei, nb: nbDu };
const CONSUMER_PHRASES: Partial<Record<Language, LetterPhrases>> = { it: itLeiPhrases, nb: nbDuPhrases };

/** Consumers get their language's personal form of address; businesses and sole traders the company form. */
export const addressedAsPerson = (type: CustomerType | undefined) => type === "consumer";

export interface LetterInvoice {
  invoiceId: string;
  number: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  openMinor: number;
  daysPastDue: number;
  /** Norwegian KID issued with the invoice, if any. */
  kid?: string | null;
  /** ISO 11649 RF creditor reference issued with the invoice, if any (printed on EUR letters only). */
  rfReference?: string | null;
  /** A copy of the invoice (its PDF) goes with the letter. */
  copyEnclosed?: boolean;
}

export type { LetterContact } from "./phrases/types";

export interface LetterInput {
  stage: Stage;
  language: Language;
  /** The legal profile of the customer's country (lib/law/profile.ts). */
  profile: ProfileId;
  customerType: CustomerType;
  /** Locale for English letters; follows the customer's country (englishLocale). */
  locale: string;
  currency: string;
  letterDate: DateOnly;
  deadline: DateOnly;
  org: PostalAddress & {
    countryCode: string;
    phone: string;
    email: string;
    website: string;
    contactPerson: string;
    /** Other accepted payment methods, in the organization's words. */
    paymentMethods: string;
  };
  /** `salutation`: how the greeting names the contact ("Ms Lowe"); empty or absent: the full name. */
  customer: PostalAddress & { contactPerson: string; salutation?: string };
  invoices: LetterInvoice[];
  /** Interest and fees frozen by lib/law for this letter: lines of their own beside the invoices. */
  charges: LetterCharge[];
  /** Credit on the customer's account (unapplied cash, credit notes on account), deducted from the total; minor units. */
  creditMinor?: number;
  /** The contact log since the oldest invoice in the letter was issued, any order. */
  contacts: LetterContact[];
  /** The bank account of the letter's currency. */
  bank: BankDetails | null;
  handoff?: (AgencyFacts & { handedOverOn: DateOnly }) | null;
  /** An organization's edited templates for this language; the code's defaults otherwise. */
  templates?: LetterTemplateSet;
}

export interface RenderedLetter {
  subject: string;
  body: string;
  /** The total the letter asks for: open invoices plus charges, less the credit on account (minor units). */
  totalMinor: number;
}

/** The code's templates of a language, in the form of address the customer type takes. */
export function templatesFor(language: Language, customerType?: CustomerType): LetterTemplateSet {
  return (addressedAsPerson(customerType) ? CONSUMER_TEMPLATES[language] : undefined) ?? TEMPLATES[language] ?? en;
}

export function phrasesFor(language: Language, customerType?: CustomerType): LetterPhrases {
  return (addressedAsPerson(customerType) ? CONSUMER_PHRASES[language] : undefined) ?? PHRASES[language] ?? enPhrases;
}

/** The locale an English letter to this country uses (dates, currency symbols). */
export { englishLocale };

export function renderLetter(input: LetterInput): RenderedLetter {
  const t = input.templates ?? templatesFor(input.language, input.customerType);
  const p = phrasesFor(input.language, input.customerType);
  const format = letterFormat(input.language, input.locale);
  const day = (d: DateOnly) => format.date(d);
  const inline = (d: DateOnly) => format.inlineDate(d);
  const money = (minor: number) => format.money(minor, input.currency);
  const oldest = [...input.invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  if (!oldest) throw new Error("A letter needs at least one invoice.");
  const invoicesTotal = input.invoices.reduce((s, i) => s + i.openMinor, 0);
  const chargesTotal = input.charges.reduce((s, c) => s + c.amountMinor, 0);
  // The policy sends no letter when the credit covers the invoices, so it only ever takes part of them.
  const credit = Math.min(Math.max(0, input.creditMinor ?? 0), invoicesTotal);
  const total = invoicesTotal + chargesTotal - credit;
  const plural = input.invoices.length !== 1;

  // "We have not heard from you" only when nothing came in since the last letter.
  const contacts = [...input.contacts].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const lastLetterOn =
    contacts.filter((c) => c.kind === "contact" && c.channel === "LETTER" && c.letterStage).at(-1)?.on ?? null;
  const lastAnswerOn =
    contacts
      .filter(
        (c) => (c.kind === "contact" && (c.direction === "INBOUND" || c.outcome === "SPOKE")) || c.kind === "promise",
      )
      .filter((c) => !lastLetterOn || c.on >= lastLetterOn)
      .at(-1)?.on ?? null;

  const values: Record<string, string> = {
    customerName: input.customer.name,
    contactPerson: input.customer.contactPerson || input.customer.name,
    totalDue: money(total),
    // What is overdue (the invoices, less credit): stated apart from the interest and fees.
    invoicesDue: money(invoicesTotal - credit),
    daysPastDue: String(Math.max(...input.invoices.map((i) => i.daysPastDue))),
    oldestDueDate: inline(oldest.dueDate),
    deadline: inline(input.deadline),
    letterDate: inline(input.letterDate),
    orgPhone: input.org.phone,
    orgEmail: input.org.email,
    orgContactPerson: input.org.contactPerson || input.org.name,
    agency: input.handoff?.agency ?? "",
    handoffReference: input.handoff?.reference ?? "",
    handoffDate: input.handoff ? inline(input.handoff.handedOverOn) : "",
    contactStatus: input.stage === 1 ? "" : p.contactStatus({ lastLetterOn, lastAnswerOn }, day),
    noticeTitle: p.noticeTitle(input.profile),
    registeredPost: p.registeredPost(input.locale),
  };
  const paymentLines = p.payment({
    bank: input.bank,
    invoices: input.invoices.map((i) => ({
      number: i.number,
      kid: i.kid ?? null,
      // RF is the SEPA structured reference: asked for on euro letters only.
      rfReference: input.currency === "EUR" ? (i.rfReference ?? null) : null,
    })),
    otherMethods: input.org.paymentMethods.trim(),
    locale: input.locale,
  });
  // Older saved templates write payment instructions inline; letter 4 never names our account.
  values.paymentInstructions = input.stage === 4 ? "" : paymentLines.join(" ");
  // The stage that carries the consequences: the country's formal notice, or letter 3 where there is none.
  const noticeStage = profileFor(input.profile).formalNoticeStage ?? 3;

  const fill = (text: string) =>
    text
      .replace(/\{\{n:([^|{}]*)\|([^{}]*)\}\}/g, (_, one: string, many: string) => (plural ? many : one))
      // US readers get US English ("agree on a payment plan", "call us at").
      .replace(/\{\{us:([^|{}]*)\|([^{}]*)\}\}/g, (_, us: string, uk: string) => (input.locale === "en-US" ? us : uk))
      .replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
        if (!(key in values)) throw new Error(`Letter template uses unknown placeholder {{${key}}}`);
        return values[key];
      })
      .replace(/^ +| +$/g, "");

  const copies = input.invoices.filter((i) => i.copyEnclosed).map((i) => i.number);
  const noCopies = input.invoices.filter((i) => !i.copyEnclosed).map((i) => i.number);
  const chargeRows = input.charges.map((c) => [
    p.charge(c, { rate: format.rate, day: format.shortDate, profile: input.profile }),
    money(c.amountMinor),
  ]);
  const creditLines = credit ? [p.creditLine(money(-credit))] : [];
  const interestClaimed = input.charges.some((c) => c.kind === "interest" || c.kind === "contractual_interest");
  const blocks: Record<string, string> = {
    attemptList: contacts.length
      ? [p.contactsIntro(input.stage), ...contacts.map((c) => `  - ${day(c.on)}: ${p.contact(c, day)}`)].join("\n")
      : "",
    invoiceTable: [
      bodyTable(
        p.invoiceHeader,
        input.invoices.map((i) => [
          i.number,
          format.shortDate(i.issueDate),
          money(i.amountMinor),
          money(i.openMinor),
          format.shortDate(i.dueDate),
          String(i.daysPastDue),
        ]),
        chargeRows.length
          ? []
          : [
              ...(credit ? [p.subtotalLines(money(invoicesTotal), "")[0]] : []),
              ...creditLines,
              p.totalLine(money(total)),
            ].map((l) => `  ${l}`),
      ),
      chargeRows.length
        ? bodyTable(p.chargeHeader, chargeRows, [
            ...[...p.subtotalLines(money(invoicesTotal), money(chargesTotal)), ...creditLines].map((l) => `  ${l}`),
            `  ${p.totalLine(money(total))}`,
          ])
        : "",
      credit ? p.creditNote(money(credit)) : "",
      interestClaimed ? p.interestRunning(input.profile === "GB" ? money(dailyInterest(input)) : null) : "",
      p.enclosures(copies, noCopies),
    ]
      .filter(Boolean)
      .join("\n\n"),
    paymentDetails: paymentLines.join("\n"),
    formalNotice:
      input.stage === noticeStage
        ? p
            .formalNotice({
              profile: input.profile,
              customerType: input.customerType,
              totalDue: values.totalDue,
              deadline: values.deadline,
              replyDays:
                profileFor(input.profile).byType[input.customerType]?.minDeadlineDays.value[input.stage - 1] ?? 0,
              interestClaimed,
            })
            .join("\n\n")
        : "",
    agencyDetails: input.handoff ? p.agencyDetails(input.handoff).filter(Boolean).join("\n") : "",
  };

  const stage = withLegalBlocks(t.stages[input.stage], input.stage, input.stage === noticeStage);
  const letterhead = [
    input.org.name,
    ...streetLines(input.org),
    [input.org.phone, input.org.email, input.org.website].filter(Boolean).join(" | "),
  ].filter(Boolean);
  const address = postalAddressLines(input.customer, {
    // A consumer is addressed as a person: no "Att." line to an accounts department.
    attention: input.customerType === "consumer" ? "" : p.attention(input.customer.contactPerson),
    fromCountryCode: input.org.countryCode,
    fromCountry: input.org.country,
  });
  const subject = fill(stage.subject);
  // A consumer is a person: greeted by name ("Dear Ms Lowe", "Gentile Sig.ra Rossi"), never "Dear Sir or
  // Madam"; the recorded salutation when there is one, else the full name.
  const person = input.customer.contactPerson || (input.customerType === "consumer" ? input.customer.name : "");
  const addressee = input.customer.salutation?.trim() || person;
  const body = [
    letterhead.join("\n"),
    p.dateLine(input.org.city, day(input.letterDate)),
    address.join("\n"),
    subject,
    p.greeting(addressee, input.customer.name),
    ...stage.paragraphs.map((para) => {
      const block = /^\{\{(\w+)\}\}$/.exec(para.trim());
      return block && block[1] in blocks ? blocks[block[1]] : fill(para);
    }),
    input.stage === 4 ? "" : fill(t.contactLine),
    `${p.signOff({ named: !!addressee, locale: input.locale })}\n${values.orgContactPerson}\n${input.org.name}`,
  ]
    .filter((block) => block.trim() !== "")
    .join("\n\n");
  return { subject, body, totalMinor: total };
}

/**
 * Interest one more day adds (the UK Practice Direction asks for the daily
 * rate): each invoice's open amount at the rate of its latest interest line,
 * / 365, rounded once to the minor unit.
 */
function dailyInterest(input: LetterInput): number {
  let scaled = 0n;
  for (const invoice of input.invoices) {
    const last = input.charges
      .filter((c) => c.kind === "interest" && c.invoiceNumber === invoice.number && c.ratePercent)
      .sort((a, b) => ((a.toDate ?? "") < (b.toDate ?? "") ? -1 : 1))
      .at(-1);
    if (last?.ratePercent) scaled += BigInt(invoice.openMinor) * percentToScaled(last.ratePercent);
  }
  return Number(divideHalfUp(scaled, 365n * 100n * RATE_SCALE));
}

/**
 * A template saved before a block existed still carries what the law and the truth need:
 * the formal notice (and its title) on its stage, the agency's details on letter 4.
 */
function withLegalBlocks(stage: StageTemplate, n: Stage, isNotice: boolean): StageTemplate {
  const paragraphs = [...stage.paragraphs];
  const after = (block: string, anchor: string) => {
    if (paragraphs.some((p) => p.trim() === block)) return;
    const at = paragraphs.findIndex((p) => p.trim() === anchor);
    paragraphs.splice(at < 0 ? paragraphs.length : at + 1, 0, block);
  };
  if (isNotice) after("{{formalNotice}}", "{{invoiceTable}}");
  if (n === 4) after("{{agencyDetails}}", "{{invoiceTable}}");
  const subject =
    isNotice && !stage.subject.includes("{{noticeTitle}}") ? `{{noticeTitle}}: ${stage.subject}` : stage.subject;
  return { subject, paragraphs };
}
