import type { DbOrTx } from "@/lib/db/client";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { DocumentKind } from "../document-kind";
import { parseLetterhead } from "../letterhead";
import { portalUrlForStatement } from "../portal-link";
import { statementEmail } from "./statement-email";
import { renderStatementPdf, statementPdfFilename } from "./statement-pdf";

// A statement of account as a document: composed and stored by lib/statements, laid out as a
// letter (./statement-pdf.ts) from the stored row and its letterhead snapshot.

const loadStatement = (db: DbOrTx, opts: { orgId: string; id: string }) =>
  db.statement.findFirst({
    where: { id: opts.id, orgId: opts.orgId },
    include: {
      customer: { select: { name: true, reference: true, contactPerson: true, countryCode: true, currency: true } },
      org: { select: { locale: true, name: true, phone: true, email: true } },
    },
  });

type StoredStatement = NonNullable<Awaited<ReturnType<typeof loadStatement>>>;

const asOfOf = (statement: StoredStatement) => dateOnlyFromDb(statement.asOf);

export const statementKind: DocumentKind<StoredStatement> = {
  idOn: (delivery) => delivery.statementId,
  load: loadStatement,
  history: (statement) => ({
    customerId: statement.customerId,
    caseId: null,
    letterId: null,
    what: `Statement of account as of ${asOfOf(statement)}`,
  }),
  sender: (statement) => parseLetterhead(statement.letterhead) ?? statement.org,
  async renderPdf(db, statement) {
    // A statement may state several currencies, while the customer's page shows one account:
    // the link opens the customer's own currency (customers.currency), where its other
    // currencies' pages are one letter away.
    const portalUrl = await portalUrlForStatement(db, {
      id: statement.id,
      orgId: statement.orgId,
      customerId: statement.customerId,
      currency: statement.customer.currency,
      issuedAt: statement.createdAt,
    });
    const pdf = await renderStatementPdf(db, statement.orgId, { ...statement, portalUrl });
    const filename = statementPdfFilename({ asOf: asOfOf(statement), customerReference: statement.customer.reference });
    return { filename, pdf, copies: [], portalUrl };
  },
  look: (statement) => ({
    language: statement.language,
    letterhead: parseLetterhead(statement.letterhead) ?? {
      ...statement.org,
      addressLines: [],
      website: "",
      paymentInstructions: "",
      logoSha256: null,
    },
  }),
  emailText(statement) {
    const head = statementKind.sender(statement);
    return statementEmail({
      language: statement.language,
      countryCode: statement.customer.countryCode,
      locale: statement.org.locale,
      contactPerson: statement.customer.contactPerson,
      customerName: statement.customer.name,
      asOf: asOfOf(statement),
      org: { name: head.name, phone: head.phone, email: head.email },
    });
  },
  auditResult: (statement, { deliveryId, ...r }) => ({
    kind: "statement.email_result",
    payload: { deliveryId, statementId: statement.id, customerId: statement.customerId, ...r },
  }),
};
