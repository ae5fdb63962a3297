import { getCustomerCredits } from "@/lib/aging/account-credit";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import { type DbOrTx, readAll } from "@/lib/db/client";
import { bankFooterLine, type Letterhead, letterheadForLetter } from "@/lib/documents/letterhead";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";
import { getCustomerMovements } from "@/lib/ledger/customer-movements";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import { postalAddressLines } from "@/lib/locale/postal-address";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { type StatementFacts, statementText } from "./statement-text";

export interface ComposedStatement {
  customerId: string;
  customerReference: string;
  language: StatementFacts["language"];
  asOf: DateOnly;
  subject: string;
  body: string;
  contentSha256: string;
  letterhead: Letterhead;
  currencies: string[];
}

/**
 * A customer's statement of account as of today in the organization's time zone:
 * every open invoice with the movements recorded against it, the open interest and
 * fees the letters claimed, and the unapplied credit, per currency. Only what the
 * database records; the text is a pure function of these facts (statement-text.ts).
 */
export async function composeStatement(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; now: Date },
): Promise<ComposedStatement> {
  const customer = await getCustomerOrThrow(tx, opts);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const asOf = todayIn(org.timeZone, opts.now);
  const where = { orgId: opts.orgId, customerId: opts.customerId };
  const [invoices, movements, charges, credits, banks] = await readAll(tx, [
    () =>
      tx.invoice.findMany({
        where: { ...where, issueDate: { lte: new Date(`${asOf}T00:00:00Z`) } },
        orderBy: [{ currency: "asc" }, { dueDate: "asc" }, { number: "asc" }],
        select: {
          id: true,
          number: true,
          kid: true,
          rfReference: true,
          issueDate: true,
          dueDate: true,
          amountMinor: true,
          paidMinor: true,
          currency: true,
        },
      }),
    () => getCustomerMovements(tx, where),
    () => listCustomerCharges(tx, where),
    () => getCustomerCredits(tx, { ...where, asOf }),
    () => tx.orgBankAccount.findMany({ where: { orgId: opts.orgId } }),
  ] as const);
  const open = invoices.filter((i) => i.paidMinor < i.amountMinor);
  const openCharges = charges.filter((c) => c.openMinor > 0);
  const creditsOpen = credits.filter((c) => c.credit > 0);
  const currencies = [
    ...new Set([
      ...open.map((i) => i.currency),
      ...openCharges.map((c) => c.currency),
      ...creditsOpen.map((c) => c.currency),
    ]),
  ].sort();
  const locale = customer.language === "en" ? englishLocale(customer.countryCode, org.locale) : org.locale;
  const bankOf = (currency: string) => banks.find((b) => b.currency === currency) ?? null;
  const facts: StatementFacts = {
    language: customer.language,
    format: letterFormat(customer.language, locale),
    asOf,
    org: { name: org.name, city: org.city, phone: org.phone, email: org.email },
    customer: {
      name: customer.name,
      reference: customer.reference,
      contactPerson: customer.contactPerson,
      type: customer.type,
    },
    addressLines: (attention) =>
      postalAddressLines(customer, { attention, fromCountryCode: org.countryCode, fromCountry: org.country }),
    accounts: (currencies.length ? currencies : [customer.currency]).map((currency) => ({
      currency,
      bank: bankFooterLine(bankOf(currency)),
      invoices: open
        .filter((i) => i.currency === currency)
        .map((i) => ({
          number: i.number,
          kid: i.kid,
          rfReference: i.rfReference,
          issueDate: dateOnlyFromDb(i.issueDate),
          dueDate: dateOnlyFromDb(i.dueDate),
          amountMinor: toMinor(i.amountMinor),
          openMinor: toMinor(i.amountMinor) - toMinor(i.paidMinor),
          movements: movements.filter((m) => m.invoiceId === i.id),
        })),
      charges: openCharges.filter((c) => c.currency === currency),
      creditMinor: creditsOpen.find((c) => c.currency === currency)?.credit ?? 0,
    })),
  };
  const { subject, body } = statementText(facts);
  const letterhead = letterheadForLetter(
    { ...org, logoSha256: org.logoSha256 ?? null },
    { bank: bankOf(customer.currency), stage: 1 },
  );
  return {
    customerId: customer.id,
    customerReference: customer.reference,
    language: customer.language,
    asOf,
    subject,
    body,
    contentSha256: letterSha256(subject, body),
    letterhead,
    currencies,
  };
}
