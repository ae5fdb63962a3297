import type { ContactChannel, ContactOutcome, Language } from "@/lib/generated/prisma/enums";
import type { LetterCharge } from "@/lib/law/charges";
import { letterFormat } from "@/lib/locale/letter-format";
import type { DateOnly } from "@/lib/time/dates";
import type { LetterTemplateSet, Stage } from "./template-types";
import { en } from "./templates/en";
import { it } from "./templates/it";
import { nb } from "./templates/nb";

// Letters are rendered from data by one pure function: the same input always
// gives the same text, which is stored as sent and hashed.

const TEMPLATES: Partial<Record<Language, LetterTemplateSet>> = { en, it, nb };

export interface LetterInvoice {
  invoiceId: string;
  number: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  openMinor: number;
  daysPastDue: number;
}

export interface LetterAttempt {
  on: DateOnly;
  channel: ContactChannel;
  outcome: ContactOutcome;
  letterStage?: number | null;
}

interface Address {
  name: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface LetterInput {
  stage: Stage;
  language: Language;
  locale: string;
  currency: string;
  letterDate: DateOnly;
  deadline: DateOnly;
  org: Address & { phone: string; email: string; website: string; contactPerson: string; paymentInstructions: string };
  customer: Address & { contactPerson: string };
  invoices: LetterInvoice[];
  /** Earlier collection attempts from the contact history, any order. */
  attempts: LetterAttempt[];
  handoff?: { agency: string; reference: string; handedOverOn: DateOnly } | null;
  /** An organization's edited templates for this language; the code's defaults otherwise. */
  templates?: LetterTemplateSet;
  /** Interest and fees the letter claims (lib/law), each a line beside the invoices. */
  charges?: LetterCharge[];
}

export interface RenderedLetter {
  subject: string;
  body: string;
}

export function templatesFor(language: Language): LetterTemplateSet {
  return TEMPLATES[language] ?? en;
}

export function renderLetter(input: LetterInput): RenderedLetter {
  const t = input.templates ?? templatesFor(input.language);
  const format = letterFormat(input.language, input.locale);
  const day = (d: DateOnly) => format.date(d);
  const money = (minor: number) => format.money(minor, input.currency);
  const shortDay = (d: DateOnly) => format.shortDate(d);
  const total = input.invoices.reduce((s, i) => s + i.openMinor, 0);
  const oldest = [...input.invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
  if (!oldest) throw new Error("A letter needs at least one invoice.");

  const values: Record<string, string> = {
    customerName: input.customer.name,
    contactPerson:
      input.customer.contactPerson ||
      (input.language === "en" ? `${input.customer.name} Accounts Department` : input.customer.name),
    totalDue: money(total),
    daysPastDue: String(Math.max(...input.invoices.map((i) => i.daysPastDue))),
    oldestDueDate: day(oldest.dueDate),
    deadline: day(input.deadline),
    letterDate: day(input.letterDate),
    paymentInstructions: input.org.paymentInstructions,
    orgPhone: input.org.phone,
    orgEmail: input.org.email,
    orgContactPerson: input.org.contactPerson || input.org.name,
    agency: input.handoff?.agency ?? "",
    handoffReference: input.handoff?.reference ?? "",
    handoffDate: input.handoff ? day(input.handoff.handedOverOn) : "",
  };
  // One pass over the template only: data is inserted, never read as a template
  // (an invoice number "INV-{{nope}}" or "INV-$&" is printed as it is).
  const fill = (text: string, extra: Record<string, string> = {}) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      if (key in extra) return extra[key];
      if (!(key in values)) throw new Error(`Letter template uses unknown placeholder {{${key}}}`);
      return values[key];
    });

  const attemptLines = [
    ...input.invoices.map((i) => ({
      on: i.issueDate,
      text: fill(t.common.invoiceIssued, { number: i.number }),
    })),
    ...input.attempts.map((a) => ({
      on: a.on,
      text:
        a.channel === "LETTER" && a.letterStage
          ? fill(t.common.letterSent, {
              stage: String(a.letterStage),
              stageName: t.common.stageNames[a.letterStage as Stage],
            })
          : `${t.common.channel[a.channel]}, ${t.common.outcome[a.outcome]}`,
    })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const blocks: Record<string, string> = {
    attemptList: attemptLines.map((a) => `  - ${day(a.on)}: ${a.text}`).join("\n"),
    invoiceTable:
      table(
        t.common.invoiceHeader,
        input.invoices.map((i) => [
          i.number,
          shortDay(i.issueDate),
          money(i.amountMinor),
          money(i.openMinor),
          shortDay(i.dueDate),
          String(i.daysPastDue),
        ]),
      ) +
      "\n" +
      fill(t.common.totalLine) +
      chargeLines(input.charges ?? [], total, input.language, money, shortDay),
  };

  const stage = t.stages[input.stage];
  const address = (a: Address) =>
    [a.name, a.addressLine1, a.addressLine2, [a.postalCode, a.city].filter(Boolean).join(" "), a.country].filter(
      Boolean,
    );
  const letterhead = [
    ...address(input.org),
    [input.org.phone, input.org.email, input.org.website].filter(Boolean).join(" | "),
  ];
  const subject = fill(stage.subject);
  const body = [
    letterhead.join("\n"),
    fill(t.common.dateLine),
    [...address(input.customer), t.common.attention].join("\n"),
    subject,
    fill(t.common.greeting),
    ...stage.paragraphs.map((p) => {
      const block = /^\{\{(\w+)\}\}$/.exec(p);
      return block && block[1] in blocks ? blocks[block[1]] : fill(p);
    }),
    fill(t.common.contactLine),
    `${t.common.signOff}\n${values.orgContactPerson}\n${input.org.name}`,
  ]
    .filter((block) => block !== "")
    .join("\n\n");
  return { subject, body };
}

// A plain list of the charges under the invoice table, so they show in every
// template; the wording here is a fallback the templates may restyle.
const CHARGE_WORDS: Record<string, { title: string; total: string; kind: Record<LetterCharge["kind"], string> }> = {
  en: {
    title: "Charges claimed in addition (not added to the invoices):",
    total: "Total including charges",
    kind: {
      interest: "Late-payment interest",
      compensation: "Fixed compensation",
      reminder_fee: "Reminder fee",
      contractual_interest: "Interest",
      flat_fee: "Late fee",
    },
  },
  nb: {
    title: "Krav i tillegg (ikke lagt til fakturaene):",
    total: "Sum inkludert krav",
    kind: {
      interest: "Forsinkelsesrente",
      compensation: "Standardkompensasjon",
      reminder_fee: "Purregebyr",
      contractual_interest: "Rente",
      flat_fee: "Gebyr",
    },
  },
  it: {
    title: "Importi richiesti in aggiunta (non sommati alle fatture):",
    total: "Totale compresi gli importi aggiuntivi",
    kind: {
      interest: "Interessi di mora",
      compensation: "Risarcimento forfettario",
      reminder_fee: "Spese di sollecito",
      contractual_interest: "Interessi",
      flat_fee: "Penale",
    },
  },
};

function chargeLines(
  charges: LetterCharge[],
  invoicesTotal: number,
  language: Language,
  money: (minor: number) => string,
  shortDay: (d: DateOnly) => string,
): string {
  if (!charges.length) return "";
  const w = CHARGE_WORDS[language] ?? CHARGE_WORDS.en;
  const lines = charges.map((c) => {
    const rate = c.ratePercent ? ` ${c.ratePercent} %` : "";
    const period = c.fromDate && c.toDate ? ` ${shortDay(c.fromDate)}-${shortDay(c.toDate)}` : "";
    return `  - ${c.invoiceNumber ?? ""} ${w.kind[c.kind]}${rate}${period}: ${money(c.amountMinor)}`;
  });
  const sum = invoicesTotal + charges.reduce((s, c) => s + c.amountMinor, 0);
  return `\n\n${w.title}\n${lines.join("\n")}\n  ${w.total}: ${money(sum)}`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    "  " +
    cells
      .map((cell, c) => (c >= 2 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}
