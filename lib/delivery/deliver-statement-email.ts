import type { Db } from "@/lib/db/client";
import { parseLetterhead } from "@/lib/documents/letterhead";
import { renderStatementPdf, statementPdfFilename } from "@/lib/documents/statement-pdf";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { MailTransport } from "./mail-transport";
import { type DeliveredDocument, recordDeliveryResult, senderAddress } from "./record-delivery-result";
import { statementEmail } from "./statement-email";

/**
 * One try of emailing a stored statement of account (the delivery job's body for a
 * statement): the PDF rendered from the stored row, a short message in the customer's
 * language, and the result recorded as letters' are: a result row, a contact in the
 * history (delivered, or delivery failed) and an audit event. A failure is rethrown so
 * the queue retries with backoff.
 */
export async function deliverStatementEmail(
  db: Db,
  opts: { deliveryId: string; attempt: number; transport: MailTransport; now?: () => Date },
): Promise<"accepted" | "skipped"> {
  const now = opts.now ?? (() => new Date());
  const delivery = await db.letterDelivery.findUnique({
    where: { id: opts.deliveryId },
    include: {
      results: { where: { outcome: "ACCEPTED" }, take: 1 },
      statement: {
        include: {
          customer: { select: { name: true, reference: true, contactPerson: true, countryCode: true } },
          org: { select: { locale: true, name: true, phone: true, email: true } },
        },
      },
    },
  });
  if (!delivery?.statement || delivery.results.length) return "skipped";
  const { statement } = delivery;
  const head = parseLetterhead(statement.letterhead) ?? statement.org;
  const from = senderAddress(head);
  const asOf = dateOnlyFromDb(statement.asOf);
  const doc: DeliveredDocument = {
    orgId: delivery.orgId,
    deliveryId: delivery.id,
    recipient: delivery.recipient,
    requestedById: delivery.requestedById,
    customerId: statement.customerId,
    caseId: null,
    letterId: null,
    what: `Statement of account as of ${asOf}`,
    fromAddress: from,
    audit: (r) => ({
      kind: "statement.email_result",
      payload: { deliveryId: delivery.id, statementId: statement.id, customerId: statement.customerId, ...r },
    }),
  };
  const record = (r: {
    outcome: "ACCEPTED" | "FAILED";
    transport: string;
    messageId?: string;
    error?: string;
    outbox?: { subject: string; text: string; filename: string; pdf: Uint8Array };
  }) => recordDeliveryResult(db, doc, { attempt: opts.attempt, at: now(), ...r });

  let message: { subject: string; text: string; filename: string; pdf: Uint8Array };
  try {
    const pdf = await renderStatementPdf(db, delivery.orgId, statement);
    const { subject, text } = statementEmail({
      language: statement.language,
      countryCode: statement.customer.countryCode,
      locale: statement.org.locale,
      contactPerson: statement.customer.contactPerson,
      customerName: statement.customer.name,
      asOf,
      org: { name: head.name, phone: head.phone, email: head.email },
    });
    message = {
      subject,
      text,
      pdf,
      filename: statementPdfFilename({ asOf, customerReference: statement.customer.reference }),
    };
    if (!from) throw new Error("No sender address: set the organization's email (Settings) or MAIL_FROM.");
  } catch (error) {
    await record({ outcome: "FAILED", transport: opts.transport.kind, error: (error as Error).message });
    throw error;
  }
  if (opts.transport.kind === "outbox") {
    await record({ outcome: "ACCEPTED", transport: "outbox", outbox: message });
    return "accepted";
  }
  try {
    const info = await opts.transport.send({
      from,
      to: delivery.recipient,
      subject: message.subject,
      text: message.text,
      attachment: { filename: message.filename, content: message.pdf },
    });
    await record({ outcome: "ACCEPTED", transport: "smtp", messageId: info.messageId });
    return "accepted";
  } catch (error) {
    const text = (error as Error).message || String(error);
    await record({ outcome: "FAILED", transport: "smtp", error: text.slice(0, 500) });
    throw error;
  }
}
