import type { CustomerType, Language } from "@/lib/generated/prisma/enums";

// The words of a statement of account, one set per language, written as a credit
// controller in that country writes them ("Kontoutskrift", "Estratto conto"). Data
// reaches them only as arguments. Letters' own sentences (attention line, date line,
// the charge lines) come from lib/letters/phrases, so both documents say the same.

export interface StatementPhrases {
  title: string;
  /** "as of 1 December 2026" */
  asOf(date: string): string;
  customerNumber(reference: string): string;
  intro(date: string): string;
  /** Heading of one currency's account. */
  account(currency: string): string;
  header: [string, string, string, string];
  invoice(number: string, dueDate: string): string;
  /** Beside an invoice: its ISO 11649 RF reference, as the letters name it. */
  rfReference(printed: string): string;
  payment(reference: string | null): string;
  unappliedPayment: string;
  paymentReversal: string;
  creditNote(number: string | null): string;
  writeOff: string;
  creditApplied: string;
  extension(from: string, to: string): string;
  openInvoices: string;
  /** The open invoices split by due date: past due as of the statement's day, and not yet due. */
  overdue: string;
  notYetDue: string;
  openCharges: string;
  totalDue: string;
  credit: string;
  balance: string;
  noOpenItems: string;
  payTo(bank: string): string;
  questions(contact: string): string;
  signOff: string;
}

const en: StatementPhrases = {
  title: "Statement of account",
  asOf: (date) => `as of ${date}`,
  customerNumber: (reference) => `Customer number: ${reference}`,
  intro: (date) =>
    `Below are the open items on your account with us as of ${date}, each with the payments, credit notes and other entries recorded against it.`,
  account: (currency) => `Account in ${currency}`,
  header: ["Date", "Item", "Amount", "Open"],
  invoice: (number, due) => `Invoice ${number}, due ${due}`,
  rfReference: (ref) => `payment reference (RF) ${ref}`,
  payment: (reference) => `  Payment received${reference ? ` (${reference})` : ""}`,
  unappliedPayment: "Payment received, not yet applied",
  paymentReversal: "  Payment reversed",
  creditNote: (number) => `  Credit note${number ? ` ${number}` : ""}`,
  writeOff: "  Written off",
  creditApplied: "  Account credit applied",
  extension: (from, to) => `  Due date moved from ${from} to ${to}`,
  openInvoices: "Open invoices",
  overdue: "  of which overdue",
  notYetDue: "  of which not yet due",
  openCharges: "Open interest and fees",
  totalDue: "Total due",
  credit: "Credit on account, not yet applied",
  balance: "Balance",
  noOpenItems: "There are no open items on this account.",
  payTo: (bank) => `Payment to: ${bank}`,
  questions: (contact) =>
    `If your records differ from this statement, please let us know${contact ? `: ${contact}` : ""}.`,
  signOff: "Kind regards",
};

const nb: StatementPhrases = {
  title: "Kontoutskrift",
  asOf: (date) => `per ${date}`,
  customerNumber: (reference) => `Kundenummer: ${reference}`,
  intro: (date) =>
    `Nedenfor følger de åpne postene på kontoen deres hos oss per ${date}, med innbetalinger, kreditnotaer og andre posteringer på hver post.`,
  account: (currency) => `Konto i ${currency}`,
  header: ["Dato", "Post", "Beløp", "Utestående"],
  invoice: (number, due) => `Faktura ${number}, forfall ${due}`,
  rfReference: (ref) => `betalingsreferanse (RF) ${ref}`,
  payment: (reference) => `  Innbetaling${reference ? ` (${reference})` : ""}`,
  unappliedPayment: "Innbetaling, ikke avregnet",
  paymentReversal: "  Tilbakeført innbetaling",
  creditNote: (number) => `  Kreditnota${number ? ` ${number}` : ""}`,
  writeOff: "  Avskrevet",
  creditApplied: "  Kontokreditt avregnet",
  extension: (from, to) => `  Forfall endret fra ${from} til ${to}`,
  openInvoices: "Åpne fakturaer",
  overdue: "  herav forfalt",
  notYetDue: "  herav ikke forfalt",
  openCharges: "Åpne renter og gebyrer",
  totalDue: "Til betaling",
  credit: "Kreditt på kontoen, ikke avregnet",
  balance: "Saldo",
  noOpenItems: "Det er ingen åpne poster på denne kontoen.",
  payTo: (bank) => `Betaling til: ${bank}`,
  questions: (contact) =>
    `Stemmer ikke kontoutskriften med deres regnskap, ta kontakt med oss${contact ? `: ${contact}` : ""}.`,
  signOff: "Med vennlig hilsen",
};

const it: StatementPhrases = {
  title: "Estratto conto",
  asOf: (date) => `al ${date}`,
  customerNumber: (reference) => `Codice cliente: ${reference}`,
  intro: (date) =>
    `Di seguito le partite aperte della Vostra posizione al ${date}, con i pagamenti, le note di credito e le altre registrazioni relative a ciascuna.`,
  account: (currency) => `Conto in ${currency}`,
  header: ["Data", "Partita", "Importo", "Residuo"],
  invoice: (number, due) => `Fattura ${number}, scadenza ${due}`,
  rfReference: (ref) => `riferimento di pagamento (RF) ${ref}`,
  payment: (reference) => `  Pagamento ricevuto${reference ? ` (${reference})` : ""}`,
  unappliedPayment: "Pagamento ricevuto, non ancora imputato",
  paymentReversal: "  Storno pagamento",
  creditNote: (number) => `  Nota di credito${number ? ` ${number}` : ""}`,
  writeOff: "  Importo stralciato",
  creditApplied: "  Credito in conto compensato",
  extension: (from, to) => `  Scadenza prorogata dal ${from} al ${to}`,
  openInvoices: "Fatture aperte",
  overdue: "  di cui scadute",
  notYetDue: "  di cui non ancora scadute",
  openCharges: "Interessi e spese aperti",
  totalDue: "Totale dovuto",
  credit: "Credito in conto non ancora compensato",
  balance: "Saldo",
  noOpenItems: "Non risultano partite aperte su questo conto.",
  payTo: (bank) => `Pagamento a: ${bank}`,
  questions: (contact) =>
    `Se l'estratto conto non corrisponde alle Vostre registrazioni, Vi preghiamo di contattarci${contact ? `: ${contact}` : ""}.`,
  signOff: "Distinti saluti",
};

// A consumer is written to as a person, as in letters: Norwegian "du", Italian "Lei".
const nbDu: StatementPhrases = {
  ...nb,
  intro: (date) =>
    `Nedenfor følger de åpne postene på kontoen din hos oss per ${date}, med innbetalinger, kreditnotaer og andre posteringer på hver post.`,
  questions: (contact) =>
    `Stemmer ikke kontoutskriften med det du har registrert, ta kontakt med oss${contact ? `: ${contact}` : ""}.`,
};

const itLei: StatementPhrases = {
  ...it,
  intro: (date) =>
    `Di seguito le partite aperte della Sua posizione al ${date}, con i pagamenti, le note di credito e le altre registrazioni relative a ciascuna.`,
  questions: (contact) =>
    `Se l'estratto conto non corrisponde alle Sue registrazioni, La preghiamo di contattarci${contact ? `: ${contact}` : ""}.`,
};

const PHRASES: Record<Language, StatementPhrases> = { en, nb, it };
const CONSUMER_PHRASES: Partial<Record<Language, StatementPhrases>> = { nb: nbDu, it: itLei };

export const statementPhrases = (language: Language, customerType?: CustomerType): StatementPhrases =>
  (customerType === "consumer" ? CONSUMER_PHRASES[language] : undefined) ?? PHRASES[language] ?? en;
