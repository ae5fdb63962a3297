import type { DbOrTx } from "@/lib/db/client";
import type { Language } from "@/lib/generated/prisma/enums";
import { loadLogos } from "../get-letter-pdf";
import { parseLetterhead } from "../letterhead";
import { renderLetterPdf } from "../render-letter-pdf";

// A statement of account is laid out as a letter: the same letterhead (logo, legal
// line with registration and VAT numbers), address window, tables and footer with the
// bank account, so a statement and a letter from the organization look alike.

export interface StatementForPdf {
  /** The stored statement's id, or a reference for one rendered for download only. */
  id: string;
  language: Language;
  subject: string;
  /** Blocks separated by blank lines: letterhead, date, address, subject, then the text (as a letter's body). */
  body: string;
  contentSha256: string;
  /** When it was made: the PDF's metadata date. */
  createdAt: Date;
  /** The letterhead snapshot (lib/documents/letterhead.ts). */
  letterhead: unknown;
  /** The customer's page, printed as a letter prints it (QR code and address); absent on a download. */
  portalUrl?: string | null;
}

export function statementPdfFilename(s: { asOf: string; customerReference: string }): string {
  return `statement-${s.customerReference.replace(/[^\w.-]+/g, "_")}-${s.asOf}.pdf`;
}

/** The statement as an A4 PDF on the organization's letterhead, its logo from the immutable logo store. */
export async function renderStatementPdf(tx: DbOrTx, orgId: string, s: StatementForPdf): Promise<Uint8Array> {
  const logos = await loadLogos(tx, orgId, [s]);
  const sha = parseLetterhead(s.letterhead)?.logoSha256;
  return renderLetterPdf(
    {
      id: s.id,
      stage: 0,
      language: s.language,
      subject: s.subject,
      body: s.body,
      registeredMail: false,
      contentSha256: s.contentSha256,
      sentAt: s.createdAt,
      letterhead: s.letterhead,
      checkpoint: null,
      portalUrl: s.portalUrl ?? null,
    },
    sha ? logos.get(sha) : null,
  );
}
