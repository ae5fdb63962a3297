import type { AuditEventInput } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Letterhead } from "./letterhead";

// Every document the organization sends a customer goes the same way: composed and stored
// with its SHA-256 by the verb that sends it, then rendered as a PDF from the stored row
// alone, delivered by post or email, and recorded as a contact and an audit event. What
// differs per document is said once, by its kind (lib/documents/kinds/, one file each, the
// way lib/imports/kinds/ works): how to load the stored row, draw its PDF, word the email
// that carries it, and name its audit event. The one email delivery (lib/delivery/deliver-email.ts)
// takes any kind.

/** The columns of a delivery row that name what it carries; exactly one is set (a check constraint). */
export interface DeliveryDocumentRef {
  letterId: string | null;
  statementId: string | null;
}

/** A document as a PDF, and the further PDFs that travel with it (a letter's invoice copies). */
export interface RenderedDocument {
  filename: string;
  pdf: Uint8Array;
  copies: { filename: string; content: Uint8Array }[];
  /** The customer's page as the PDF prints it (portal-link.ts); the email shows it as a button and in its text. */
  portalUrl: string | null;
}

/** One try of an email delivery, as its audit event records it. */
export interface DeliveryTry {
  deliveryId: string;
  attempt: number;
  outcome: "ACCEPTED" | "FAILED";
  transport: string;
  error: string;
}

export interface DocumentKind<Row> {
  /** The stored document a delivery row names, or null when it carries another kind. */
  idOn(delivery: DeliveryDocumentRef): string | null;
  /** The stored row with what its PDF and email need; null when it is gone (never for a committed delivery). */
  load(db: DbOrTx, opts: { orgId: string; id: string }): Promise<Row | null>;
  /** Where the contact history files it: "Letter 2", "Statement of account as of 2026-12-01". */
  history(row: Row): { customerId: string; caseId: string | null; letterId: string | null; what: string };
  /** The sender as the document's own letterhead snapshot names it (the organization's, for rows without one). */
  sender(row: Row): { name: string; phone: string; email: string };
  /**
   * The PDF, from the stored row alone. `copiesInside`: the enclosed copies follow the document
   * inside its PDF (the outbox keeps one file) instead of travelling as PDFs of their own.
   */
  renderPdf(db: DbOrTx, row: Row, opts: { copiesInside: boolean }): Promise<RenderedDocument>;
  /** The customer's language and the letterhead the document was sent with: the HTML email's words and look. */
  look(row: Row): { language: Language; letterhead: Letterhead };
  /** The short message that carries the PDF, in the customer's language; it only points at the attachment. */
  emailText(row: Row): { subject: string; text: string };
  /** The audit event of one delivery try. */
  auditResult(row: Row, attempt: DeliveryTry): AuditEventInput;
}
