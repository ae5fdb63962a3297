import type { DbOrTx } from "@/lib/db/client";
import { parseEnclosures } from "@/lib/invoices/enclosures";
import type { DocumentKind } from "../document-kind";
import { getLetterPdf } from "../get-letter-pdf";
import { parseLetterhead } from "../letterhead";
import { letterEmailText } from "./letter-email";

// A collection letter as a document: stored by lib/letters/send-next-letter.ts, printed from
// the stored row and its letterhead snapshot (lib/documents/render-letter-pdf.ts).

const loadLetter = (db: DbOrTx, opts: { orgId: string; id: string }) =>
  db.letter.findFirst({
    where: { id: opts.id, orgId: opts.orgId },
    include: {
      customer: { select: { name: true, contactPerson: true, countryCode: true } },
      org: { select: { locale: true, name: true, phone: true, email: true } },
    },
  });

type StoredLetter = NonNullable<Awaited<ReturnType<typeof loadLetter>>>;

export const letterKind: DocumentKind<StoredLetter> = {
  idOn: (delivery) => delivery.letterId,
  load: loadLetter,
  history: (letter) => ({
    customerId: letter.customerId,
    caseId: letter.caseId,
    letterId: letter.id,
    what: `Letter ${letter.stage}`,
  }),
  sender: (letter) =>
    parseLetterhead(letter.letterhead) ?? { name: letter.org.name, phone: letter.org.phone, email: letter.org.email },
  async renderPdf(db, letter, opts) {
    const {
      filename,
      pdf,
      enclosures,
      letter: rendered,
    } = await getLetterPdf(db, {
      orgId: letter.orgId,
      letterId: letter.id,
      withEnclosures: opts.copiesInside,
    });
    const numbers = parseEnclosures(letter.enclosures).map((e) => e.invoiceNumber);
    const copies = enclosures.map((content, i) => ({
      filename: `invoice-${(numbers[i] ?? String(i + 1)).replace(/[^\w.-]+/g, "_")}.pdf`,
      content,
    }));
    return { filename, pdf, copies, portalUrl: rendered.portalUrl ?? null };
  },
  look: (letter) => ({
    language: letter.language,
    letterhead: parseLetterhead(letter.letterhead) ?? {
      ...letterKind.sender(letter),
      addressLines: [],
      website: "",
      paymentInstructions: "",
      logoSha256: null,
    },
  }),
  emailText: (letter) => ({
    subject: letter.subject,
    text: letterEmailText({
      language: letter.language,
      locale: letter.org.locale,
      countryCode: letter.customer.countryCode,
      contactPerson: letter.customer.contactPerson,
      customerName: letter.customer.name,
      copies: parseEnclosures(letter.enclosures).length,
      totalDueMinor: Number(letter.totalDueMinor),
      currency: letter.currency,
      deadlineDate: letter.deadlineDate,
      org: letterKind.sender(letter),
    }),
  }),
  auditResult: (letter, { deliveryId, ...r }) => ({
    kind: "letter.email_result",
    payload: { deliveryId, letterId: letter.id, ...r },
  }),
};
