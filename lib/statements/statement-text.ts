import { bodyTable } from "@/lib/documents/body-table";
import type { CustomerType, Language } from "@/lib/generated/prisma/enums";
import { printedRfReference } from "@/lib/iso/payment-reference";
import { letterChargeSchema } from "@/lib/law/charges";
import type { ChargeLine } from "@/lib/law/list-customer-charges";
import type { Movement } from "@/lib/ledger/customer-movements";
import { phrasesFor } from "@/lib/letters/render";
import type { LetterFormat } from "@/lib/locale/letter-format";
import type { DateOnly } from "@/lib/time/dates";
import { type StatementPhrases, statementPhrases } from "./phrases";

// A statement's text from its facts, by one pure function: the same facts give the
// same text, which is hashed (and stored when emailed). The body has a letter's
// blocks (letterhead, date, address, subject, text) so the letter PDF lays it out.

export interface StatementInvoice {
  number: string;
  /** The invoice's KID (Norwegian payment reference), printed beside it so a payment from the statement matches by itself. */
  kid?: string | null;
  /** Its ISO 11649 RF reference (EUR invoices), printed beside it for the same reason. */
  rfReference?: string | null;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amountMinor: number;
  openMinor: number;
  movements: Movement[];
}

export interface StatementAccount {
  currency: string;
  /** The organization's bank account in this currency, one line; "" when none is recorded. */
  bank: string;
  invoices: StatementInvoice[];
  /** Interest and fees the letters claimed that are still open. */
  charges: ChargeLine[];
  /** Unapplied payments and credit notes on the account. */
  creditMinor: number;
}

export interface StatementFacts {
  language: Language;
  format: LetterFormat;
  asOf: DateOnly;
  org: { name: string; city: string; phone: string; email: string };
  customer: { name: string; reference: string; contactPerson: string; type: CustomerType };
  addressLines: (attention: string) => string[];
  accounts: StatementAccount[];
}

/** A movement's row under its invoice: what it did to the open amount (a payment lowers it, a reversal raises it). */
function movementRow(m: Movement, w: StatementPhrases, f: LetterFormat): string[] {
  const money = (sign: number) => f.money(sign * m.amount, m.currency);
  switch (m.kind) {
    case "payment":
    case "unapplied_payment":
      return [f.shortDate(m.on), w.payment(m.number), money(-1), ""];
    case "payment_reversal":
      return [f.shortDate(m.on), w.paymentReversal, money(1), ""];
    case "credit_note":
      return [f.shortDate(m.on), w.creditNote(m.number), money(-1), ""];
    case "write_off":
      return [f.shortDate(m.on), w.writeOff, money(-1), ""];
    case "credit_applied":
      return [f.shortDate(m.on), w.creditApplied, money(-1), ""];
    case "due_date_extension":
      // Not a money movement: its dates are in the text.
      return ["", w.extension(f.shortDate(m.previousDueDate ?? m.on), f.shortDate(m.on)), "", ""];
  }
}

function accountBlocks(a: StatementAccount, w: StatementPhrases, facts: StatementFacts): string[] {
  const f = facts.format;
  const p = phrasesFor(facts.language, facts.customer.type);
  const money = (minor: number) => f.money(minor, a.currency);
  const rows: string[][] = [];
  for (const i of a.invoices) {
    rows.push([
      f.shortDate(i.issueDate),
      `${w.invoice(i.number, f.shortDate(i.dueDate))}${i.kid ? `, KID ${i.kid}` : ""}${
        i.rfReference && a.currency === "EUR" ? `, ${w.rfReference(printedRfReference(i.rfReference))}` : ""
      }`,
      money(i.amountMinor),
      money(i.openMinor),
    ]);
    for (const m of i.movements) rows.push(movementRow(m, w, f));
  }
  for (const c of a.charges) {
    // The letters' own words for the charge (rate and period), without its English legal basis.
    const kind = letterChargeSchema.shape.kind.safeParse(c.kind);
    const label = kind.success
      ? p.charge({ ...c, kind: kind.data, basis: "" }, { rate: f.rate, day: f.shortDate })
      : `${c.kind}${c.invoiceNumber ? ` (${c.invoiceNumber})` : ""}`;
    rows.push([f.shortDate(c.toDate ?? c.fromDate ?? facts.asOf), label, money(c.amountMinor), money(c.openMinor)]);
  }
  const invoicesOpen = a.invoices.reduce((s, i) => s + i.openMinor, 0);
  const chargesOpen = a.charges.reduce((s, c) => s + c.openMinor, 0);
  // The totals sit at the foot of the Open column.
  const totals = [["", w.openInvoices, "", money(invoicesOpen)]];
  // What the customer must pay now apart from what falls due later (due before the statement's day = overdue, as on the aging report).
  if (a.invoices.length) {
    const overdue = a.invoices.filter((i) => i.dueDate < facts.asOf).reduce((s, i) => s + i.openMinor, 0);
    totals.push(["", w.overdue, "", money(overdue)], ["", w.notYetDue, "", money(invoicesOpen - overdue)]);
  }
  if (a.charges.length) totals.push(["", w.openCharges, "", money(chargesOpen)]);
  totals.push(["", w.totalDue, "", money(invoicesOpen + chargesOpen)]);
  if (a.creditMinor) {
    totals.push(
      ["", w.credit, "", money(-a.creditMinor)],
      ["", w.balance, "", money(invoicesOpen + chargesOpen - a.creditMinor)],
    );
  }
  return [
    w.account(a.currency),
    rows.length ? "" : w.noOpenItems,
    rows.length || a.creditMinor ? bodyTable(w.header, [...rows, ...totals], []) : "",
    a.bank ? w.payTo(a.bank) : "",
  ];
}

export function statementText(facts: StatementFacts): { subject: string; body: string } {
  const w = statementPhrases(facts.language, facts.customer.type);
  const p = phrasesFor(facts.language, facts.customer.type);
  const f = facts.format;
  const date = f.date(facts.asOf);
  const subject = `${w.title} ${w.asOf(date)}`;
  const letterhead = [facts.org.name, [facts.org.phone, facts.org.email].filter(Boolean).join(" | ")].filter(Boolean);
  const body = [
    letterhead.join("\n"),
    p.dateLine(facts.org.city, date),
    // A consumer is addressed as a person, as in letters: no attention line to an accounts department.
    facts.addressLines(facts.customer.type === "consumer" ? "" : p.attention(facts.customer.contactPerson)).join("\n"),
    subject,
    `${w.customerNumber(facts.customer.reference)}\n${w.intro(date)}`,
    ...facts.accounts.flatMap((a) => accountBlocks(a, w, facts)),
    w.questions([facts.org.phone, facts.org.email].filter(Boolean).join(", ")),
    `${w.signOff}\n${facts.org.name}`,
  ]
    .filter((block) => block.trim() !== "")
    .join("\n\n");
  return { subject, body };
}
