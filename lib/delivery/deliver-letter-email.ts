import type { Db } from "@/lib/db/client";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { parseLetterhead } from "@/lib/documents/letterhead";
import { withPortalLink } from "@/lib/documents/portal-block";
import { parseEnclosures } from "@/lib/invoices/enclosures";
import { deliverStatementEmail } from "./deliver-statement-email";
import { letterEmailText } from "./letter-email";
import type { MailTransport } from "./mail-transport";
import { type DeliveredDocument, recordDeliveryResult, senderAddress } from "./record-delivery-result";

/**
 * One try of one email delivery (the job's body). Renders the PDF from the
 * stored letter, hands the message to SMTP (or the outbox), and records the
 * result as new rows: a delivery result and a contact attempt. A failure is
 * recorded and rethrown so the queue retries with backoff; the letter stays
 * stored whatever happens. Delivery is at-least-once: a crash between the SMTP
 * server's "accepted" and the commit of the result sends the message again.
 */
export async function deliverLetterEmail(
  db: Db,
  opts: { deliveryId: string; attempt: number; transport: MailTransport; now?: () => Date },
): Promise<"accepted" | "skipped"> {
  const now = opts.now ?? (() => new Date());
  const delivery = await db.letterDelivery.findUnique({
    where: { id: opts.deliveryId },
    include: {
      results: { where: { outcome: "ACCEPTED" }, take: 1 },
      letter: {
        include: {
          customer: { select: { name: true, contactPerson: true, countryCode: true } },
          org: { select: { locale: true, name: true, phone: true, email: true } },
        },
      },
    },
  });
  if (!delivery) return "skipped"; // the request's transaction never committed
  if (delivery.results.length) return "skipped"; // already delivered: a repeated job changes nothing
  if (delivery.statementId) return deliverStatementEmail(db, { ...opts, deliveryId: delivery.id });
  const { letter } = delivery;
  if (!letter) return "skipped"; // the table's check constraint: a delivery carries a letter or a statement
  const head = parseLetterhead(letter.letterhead) ?? {
    name: letter.org.name,
    phone: letter.org.phone,
    email: letter.org.email,
  };
  const from = senderAddress(head);
  const doc: DeliveredDocument = {
    orgId: delivery.orgId,
    deliveryId: delivery.id,
    recipient: delivery.recipient,
    requestedById: delivery.requestedById,
    customerId: letter.customerId,
    caseId: letter.caseId,
    letterId: letter.id,
    what: `Letter ${letter.stage}`,
    fromAddress: from,
    audit: (r) => ({ kind: "letter.email_result", payload: { deliveryId: delivery.id, letterId: letter.id, ...r } }),
  };
  const record = (
    outcome: "ACCEPTED" | "FAILED",
    transport: string,
    detail: { messageId?: string; error?: string },
    outbox?: { subject: string; text: string; filename: string; pdf: Uint8Array },
  ) => recordDeliveryResult(db, doc, { attempt: opts.attempt, outcome, transport, ...detail, at: now(), outbox });

  let message: { subject: string; text: string; filename: string; pdf: Uint8Array };
  let copies: { filename: string; content: Uint8Array }[] = [];
  try {
    // By SMTP the invoice copies travel as attachments of their own; the outbox keeps one
    // file, so there the copies follow the letter inside it.
    const {
      filename,
      pdf,
      enclosures,
      letter: rendered,
    } = await getLetterPdf(db, {
      orgId: delivery.orgId,
      letterId: letter.id,
      withEnclosures: opts.transport.kind === "outbox",
    });
    const numbers = parseEnclosures(letter.enclosures).map((e) => e.invoiceNumber);
    copies = enclosures.map((content, i) => ({
      filename: `invoice-${(numbers[i] ?? String(i + 1)).replace(/[^\w.-]+/g, "_")}.pdf`,
      content,
    }));
    const plain = letterEmailText({
      language: letter.language,
      locale: letter.org.locale,
      countryCode: letter.customer.countryCode,
      contactPerson: letter.customer.contactPerson,
      customerName: letter.customer.name,
      copies: copies.length || parseEnclosures(letter.enclosures).length,
      totalDueMinor: Number(letter.totalDueMinor),
      currency: letter.currency,
      deadlineDate: letter.deadlineDate,
      org: head,
    });
    // The customer's page, as the PDF prints it (lib/documents/portal-link.ts).
    const text = withPortalLink(plain, letter.language, rendered.portalUrl);
    message = { subject: letter.subject, text, filename, pdf };
    if (!from) throw new Error("No sender address: set the organization's email (Settings) or MAIL_FROM.");
  } catch (error) {
    await record("FAILED", opts.transport.kind, { error: (error as Error).message });
    throw error;
  }

  if (opts.transport.kind === "outbox") {
    await record("ACCEPTED", "outbox", {}, message);
    return "accepted";
  }
  try {
    const info = await opts.transport.send({
      from,
      to: delivery.recipient,
      subject: message.subject,
      text: message.text,
      attachment: { filename: message.filename, content: message.pdf },
      more: copies,
    });
    await record("ACCEPTED", "smtp", { messageId: info.messageId });
    return "accepted";
  } catch (error) {
    const text = (error as Error).message || String(error);
    await record("FAILED", "smtp", { error: text.slice(0, 500) });
    throw error;
  }
}
