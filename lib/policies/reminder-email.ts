import type { CustomerType, Language } from "@/lib/generated/prisma/enums";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import type { DateOnly } from "@/lib/time/dates";

// The courtesy reminder a policy sends before (or on) the due date, in the customer's
// language. It is not a collection letter: no charges, no deadline of our own, no
// consequence; it assumes the invoice may simply not have reached the right desk.
// A consumer is written to as a person, as in letters: Norwegian "du", Italian "Lei".

export interface ReminderInvoice {
  number: string;
  dueDate: DateOnly;
  open: number;
}

interface Values {
  person: string;
  company: string;
  /** The invoices, one per line, already formatted. */
  lines: string[];
  one: { number: string; amount: string; due: string } | null;
  total: string;
  dueToday: boolean;
  due: string;
  org: string;
  contact: string;
  /** A consumer: the personal form of address. */
  person_: boolean;
}

const TEXT: Record<Language, { subject: (v: Values) => string; text: (v: Values) => string }> = {
  en: {
    subject: (v) =>
      v.one
        ? `Friendly reminder: invoice ${v.one.number} is due on ${v.one.due}`
        : `Friendly reminder: invoices due on ${v.due}`,
    text: (v) =>
      `${v.person ? `Dear ${v.person},` : "Dear Accounts Department,"}\n\n${
        v.one
          ? `Just a friendly reminder that invoice ${v.one.number} for ${v.one.amount} is due ${v.dueToday ? "today" : `on ${v.one.due}`}.`
          : `Just a friendly reminder that the following invoices, ${v.total} in all, are due ${v.dueToday ? "today" : `on ${v.due}`}:\n\n${v.lines.join("\n")}`
      }\n\nIf payment is already on its way, thank you, and please disregard this message. If you have not received the invoice, or something on it does not look right, simply reply to this email and we will sort it out${v.contact ? ` (you can also reach us at ${v.contact})` : ""}.\n\nKind regards,\n${v.org}`,
  },
  it: {
    subject: (v) =>
      v.one
        ? `Promemoria: fattura n. ${v.one.number} in scadenza ${v.one.due}`
        : `Promemoria: fatture in scadenza ${v.due}`,
    text: (v) =>
      `${v.person ? `Gentile ${v.person},` : `Spettabile ${v.company},`}\n\n${
        v.one
          ? `${v.person_ ? "Le" : "Vi"} ricordiamo cortesemente che la fattura n. ${v.one.number} di ${v.one.amount} scade ${v.dueToday ? "oggi" : v.one.due}.`
          : `${v.person_ ? "Le" : "Vi"} ricordiamo cortesemente che le seguenti fatture, per un totale di ${v.total}, scadono ${v.dueToday ? "oggi" : v.due}:\n\n${v.lines.join("\n")}`
      }\n\n${
        v.person_
          ? `Se ha già disposto il pagamento, La ringraziamo e La preghiamo di non tenere conto di questo messaggio. Se non ha ricevuto la fattura o qualcosa non Le torna, è sufficiente rispondere a questa email e provvederemo subito${v.contact ? ` (può anche contattarci al ${v.contact})` : ""}.`
          : `Se avete già disposto il pagamento, Vi ringraziamo e Vi preghiamo di non tenere conto di questo messaggio. Se non avete ricevuto la fattura o qualcosa non Vi torna, è sufficiente rispondere a questa email e provvederemo subito${v.contact ? ` (potete anche contattarci al ${v.contact})` : ""}.`
      }\n\nCordiali saluti,\n${v.org}`,
  },
  nb: {
    subject: (v) =>
      v.one
        ? `Vennlig påminnelse: faktura ${v.one.number} forfaller ${v.one.due}`
        : `Vennlig påminnelse: fakturaer som forfaller ${v.due}`,
    text: (v) =>
      `${v.person ? `Hei ${v.person},` : "Hei,"}\n\n${
        v.one
          ? `Dette er en vennlig påminnelse om at faktura ${v.one.number} på ${v.one.amount} forfaller ${v.dueToday ? "i dag" : v.one.due}.`
          : `Dette er en vennlig påminnelse om at disse fakturaene, til sammen ${v.total}, forfaller ${v.dueToday ? "i dag" : v.due}:\n\n${v.lines.join("\n")}`
      }\n\nEr betalingen allerede på vei, kan ${v.person_ ? "du" : "dere"} se bort fra denne e-posten – takk! Har ${v.person_ ? "du" : "dere"} ikke mottatt fakturaen, eller er det noe som ikke stemmer, er det bare å svare på denne e-posten, så ordner vi det${v.contact ? ` (${v.person_ ? "du" : "dere"} når oss også på ${v.contact})` : ""}.\n\nMed vennlig hilsen\n${v.org}`,
  },
};

export function reminderEmail(opts: {
  language: Language;
  countryCode: string | null;
  locale: string;
  contactPerson: string;
  /** How the greeting names the contact ("Ms Lowe"); empty: the full name. */
  salutation?: string;
  customerName: string;
  customerType?: CustomerType;
  currency: string;
  /** All falling due on the same day. */
  invoices: ReminderInvoice[];
  today: DateOnly;
  org: { name: string; phone: string; email: string };
}): { subject: string; text: string } {
  const f = letterFormat(
    opts.language,
    opts.language === "en" ? englishLocale(opts.countryCode, opts.locale) : opts.locale,
  );
  const dueDate = opts.invoices[0].dueDate;
  // Italian reads "in scadenza il 20 dicembre"; the article comes with the date.
  const due = opts.language === "it" ? f.inlineDate(dueDate) : f.date(dueDate);
  const amount = (minor: number) => f.money(minor, opts.currency);
  const values: Values = {
    // A consumer is greeted by name like a contact person; a recorded salutation wins over the full name.
    person:
      opts.salutation?.trim() || opts.contactPerson || (opts.customerType === "consumer" ? opts.customerName : ""),
    person_: opts.customerType === "consumer",
    company: opts.customerName,
    lines: opts.invoices.map((i) => `  ${i.number}: ${amount(i.open)}`),
    one:
      opts.invoices.length === 1
        ? { number: opts.invoices[0].number, amount: amount(opts.invoices[0].open), due }
        : null,
    total: amount(opts.invoices.reduce((s, i) => s + i.open, 0)),
    dueToday: dueDate === opts.today,
    due,
    org: opts.org.name,
    contact: [opts.org.phone, opts.org.email].filter(Boolean).join(", "),
  };
  const t = TEXT[opts.language] ?? TEXT.en;
  return { subject: t.subject(values), text: t.text(values) };
}
