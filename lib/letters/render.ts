import type { ContactChannel, ContactOutcome, Language } from "@/lib/generated/prisma/enums";
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
  const fill = (text: string) =>
    text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
      if (!(key in values)) throw new Error(`Letter template uses unknown placeholder {{${key}}}`);
      return values[key];
    });

  const attemptLines = [
    ...input.invoices.map((i) => ({
      on: i.issueDate,
      text: fill(t.common.invoiceIssued.replace("{{number}}", i.number)),
    })),
    ...input.attempts.map((a) => ({
      on: a.on,
      text:
        a.channel === "LETTER" && a.letterStage
          ? t.common.letterSent
              .replace("{{stage}}", String(a.letterStage))
              .replace("{{stageName}}", t.common.stageNames[a.letterStage as Stage])
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
      fill(t.common.totalLine),
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
