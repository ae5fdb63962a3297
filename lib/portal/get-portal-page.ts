import { getAccountCredit } from "@/lib/aging/account-credit";
import type { DbOrTx } from "@/lib/db/client";
import { qrModules } from "@/lib/documents/portal-block";
import type { Language } from "@/lib/generated/prisma/enums";
import { rfReferenceForInvoice } from "@/lib/iso/payment-reference";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { epcQrPayload } from "./payment-reference";
import type { PortalAccount } from "./resolve-link";

// Everything the customer's page shows, for the one account its link opens. Read
// here and nowhere else, scoped by the link's organization, customer and currency;
// internal notes, collectors' names and other accounts are never selected.

export interface PortalInvoice {
  id: string;
  number: string;
  issued: string;
  due: string;
  amount: string;
  open: string;
  openMinor: number;
  disputed: boolean;
  hasCopy: boolean;
  /** KID where the bank account asks for it, else an ISO 11649 creditor reference. */
  reference: string | null;
}

export interface PortalPage {
  language: Language;
  /** BCP 47 tag for the html element. */
  lang: string;
  org: { name: string; phone: string; email: string; paymentInstructions: string };
  customerName: string;
  currency: string;
  totalOpen: string;
  invoices: PortalInvoice[];
  charges: { id: string; kind: string; invoiceNumber: string | null; open: string }[];
  credit: string | null;
  letters: { id: string; stage: number; sent: string; total: string }[];
  bank: { bankName: string; iban: string; bic: string; accountNumber: string; usesKid: boolean } | null;
  /** The SEPA QR code (euro accounts with an IBAN and something to pay): its modules, row by row. */
  epc: { modules: boolean[][]; amount: string } | null;
  requests: {
    id: string;
    kind: "PAID_CLAIM" | "DISPUTE" | "PROMISE" | "PLAN" | "MESSAGE";
    on: string;
    answered: boolean;
  }[];
  today: DateOnly;
}

export async function getPortalPage(tx: DbOrTx, account: PortalAccount, now: Date): Promise<PortalPage> {
  const { orgId, customerId, currency } = account;
  const [org, customer] = await Promise.all([
    tx.organization.findUniqueOrThrow({
      where: { id: orgId },
      select: { name: true, phone: true, email: true, paymentInstructions: true, timeZone: true, locale: true },
    }),
    tx.customer.findFirstOrThrow({
      where: { id: customerId, orgId },
      select: { name: true, language: true, countryCode: true, reference: true },
    }),
  ]);
  const today = todayIn(org.timeZone, now);
  const locale = customer.language === "en" ? englishLocale(customer.countryCode, org.locale) : org.locale;
  const f = letterFormat(customer.language, locale);
  const money = (minor: number) => f.money(minor, currency);
  const [invoices, disputes, charges, creditMinor, letters, bank, requests] = await Promise.all([
    tx.invoice.findMany({
      where: { orgId, customerId, currency, paidMinor: { lt: tx.invoice.fields.amountMinor } },
      select: {
        id: true,
        number: true,
        issueDate: true,
        dueDate: true,
        amountMinor: true,
        paidMinor: true,
        pdfSha256: true,
        kid: true,
        rfReference: true,
      },
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
      take: 500,
    }),
    tx.invoiceDispute.findMany({
      where: { orgId, customerId, events: { none: { kind: "DISPUTE_RESOLVED" } } },
      select: { invoiceId: true },
    }),
    listCustomerCharges(tx, { orgId, customerId }),
    getAccountCredit(tx, { customerId, currency, asOf: today }),
    tx.letter.findMany({
      where: { orgId, customerId, currency },
      select: { id: true, stage: true, sentAt: true, totalDueMinor: true },
      orderBy: { sentAt: "desc" },
      take: 50,
    }),
    tx.orgBankAccount.findUnique({ where: { orgId_currency: { orgId, currency } } }),
    tx.customerRequest.findMany({
      where: { orgId, customerId, currency },
      select: { id: true, kind: true, createdAt: true, handledAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
  ]);
  const disputed = new Set(disputes.map((d) => d.invoiceId));
  const rows: PortalInvoice[] = invoices.map((i) => {
    const openMinor = toMinor(i.amountMinor) - toMinor(i.paidMinor);
    return {
      id: i.id,
      number: i.number,
      issued: f.shortDate(dateOnlyFromDb(i.issueDate)),
      due: f.shortDate(dateOnlyFromDb(i.dueDate)),
      amount: money(toMinor(i.amountMinor)),
      open: money(openMinor),
      openMinor,
      disputed: disputed.has(i.id),
      hasCopy: i.pdfSha256 !== null,
      // The RF reference the invoice carries (printed on its letters), else one from its number.
      reference: bank?.usesKid ? i.kid : (i.rfReference ?? rfReferenceForInvoice(i.number)),
    };
  });
  const openCharges = charges.filter((c) => c.currency === currency && c.openMinor > 0);
  const payable =
    rows.filter((r) => !r.disputed).reduce((s, r) => s + r.openMinor, 0) +
    openCharges.reduce((s, c) => s + c.openMinor, 0) -
    Math.max(creditMinor, 0);
  const payableRows = rows.filter((r) => !r.disputed);
  const qrReference =
    (payableRows.length === 1 ? payableRows[0].reference : rfReferenceForInvoice(customer.reference)) ??
    customer.reference;
  const epcPayload =
    currency === "EUR" && bank?.iban && payable > 0
      ? epcQrPayload({
          beneficiaryName: org.name,
          iban: bank.iban,
          bic: bank.bic,
          amountMinor: payable,
          reference: qrReference,
        })
      : null;
  return {
    language: customer.language,
    lang: customer.language === "nb" ? "nb-NO" : customer.language === "it" ? "it-IT" : locale,
    org: { name: org.name, phone: org.phone, email: org.email, paymentInstructions: org.paymentInstructions },
    customerName: customer.name,
    currency,
    totalOpen: money(rows.reduce((s, r) => s + r.openMinor, 0) + openCharges.reduce((s, c) => s + c.openMinor, 0)),
    invoices: rows,
    charges: openCharges.map((c) => ({
      id: c.id,
      kind: c.kind,
      invoiceNumber: c.invoiceNumber,
      open: money(c.openMinor),
    })),
    credit: creditMinor > 0 ? money(creditMinor) : null,
    letters: letters.map((l) => ({
      id: l.id,
      stage: l.stage,
      sent: f.shortDate(todayIn(org.timeZone, l.sentAt)),
      total: money(toMinor(l.totalDueMinor)),
    })),
    bank: bank
      ? {
          bankName: bank.bankName,
          iban: bank.iban,
          bic: bank.bic,
          accountNumber: bank.accountNumber,
          usesKid: bank.usesKid,
        }
      : null,
    epc: epcPayload ? { modules: qrModules(epcPayload), amount: money(payable) } : null,
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      on: f.shortDate(todayIn(org.timeZone, r.createdAt)),
      answered: r.handledAt !== null,
    })),
    today,
  };
}
