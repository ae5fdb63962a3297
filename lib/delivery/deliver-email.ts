import type { Db } from "@/lib/db/client";
import { emailHtml } from "@/lib/documents/email-html";
import { loadLogos } from "@/lib/documents/get-letter-pdf";
import { documentOf } from "@/lib/documents/kinds";
import { beforeSignOff, portalTextBlock } from "@/lib/documents/portal-block";
import type { MailTransport, OutgoingMail } from "./mail-transport";
import { mailFor } from "./org-transport";
import { type DeliveredDocument, recordDeliveryResult, senderAddress } from "./record-delivery-result";

type Message = {
  subject: string;
  text: string;
  html: string;
  inline: NonNullable<OutgoingMail["inline"]>;
  filename: string;
  pdf: Uint8Array;
};

const LOGO_CID = "letterhead-logo@dunning-desk";

/**
 * One try of one email delivery (the job's body), for any kind of document
 * (lib/documents/kinds): renders the PDF from the stored row, hands the message
 * to SMTP (the organization's own server from Settings → Email, else `transport`: SMTP_URL
 * or the outbox), as an HTML message with its plain-text alternative, and records the result as new rows: a delivery
 * result, a contact attempt and the kind's audit event. A failure is recorded
 * and rethrown so the queue retries with backoff; the document stays stored
 * whatever happens. Delivery is at-least-once: a crash between the SMTP
 * server's "accepted" and the commit of the result sends the message again.
 */
export async function deliverEmail(
  db: Db,
  opts: { deliveryId: string; attempt: number; transport: MailTransport; now?: () => Date },
): Promise<"accepted" | "skipped"> {
  const now = opts.now ?? (() => new Date());
  const delivery = await db.letterDelivery.findUnique({
    where: { id: opts.deliveryId },
    include: { results: { where: { outcome: "ACCEPTED" }, take: 1 } },
  });
  if (!delivery) return "skipped"; // the request's transaction never committed
  if (delivery.results.length) return "skipped"; // already delivered: a repeated job changes nothing
  const document = documentOf(delivery);
  const row = document && (await document.kind.load(db, { orgId: delivery.orgId, id: document.id }));
  if (!document || !row) return "skipped";
  const { kind } = document;
  // The organization's own server and sender when it set them (Settings → Email).
  let mail: Awaited<ReturnType<typeof mailFor>> | null = null;
  let settingsError: Error | null = null;
  try {
    mail = await mailFor(db, delivery.orgId, opts.transport);
  } catch (error) {
    settingsError = error as Error; // a password that no longer opens: recorded as this try's failure below
  }
  const transport = mail?.transport ?? opts.transport;
  const from = mail?.from ?? senderAddress(kind.sender(row));
  const doc: DeliveredDocument = {
    orgId: delivery.orgId,
    deliveryId: delivery.id,
    recipient: delivery.recipient,
    requestedById: delivery.requestedById,
    ...kind.history(row),
    fromAddress: from,
    audit: (r) => kind.auditResult(row, { deliveryId: delivery.id, ...r }),
  };
  const record = (
    outcome: "ACCEPTED" | "FAILED",
    transport: string,
    detail: { messageId?: string; error?: string },
    outbox?: Message,
  ) => recordDeliveryResult(db, doc, { attempt: opts.attempt, outcome, transport, ...detail, at: now(), outbox });

  let message: Message;
  let copies: { filename: string; content: Uint8Array }[] = [];
  try {
    // By SMTP the enclosed copies travel as attachments of their own; the outbox keeps one
    // file, so there the copies follow the document inside it.
    if (settingsError) throw settingsError;
    const rendered = await kind.renderPdf(db, row, { copiesInside: transport.kind === "outbox" });
    copies = rendered.copies;
    const email = kind.emailText(row);
    const { language, letterhead } = kind.look(row);
    const logo = letterhead.logoSha256
      ? (await loadLogos(db, delivery.orgId, [{ letterhead }])).get(letterhead.logoSha256)
      : undefined;
    // The customer's page, the same address the PDF prints: before the sign-off in the
    // text, as a button in the HTML.
    message = {
      subject: email.subject,
      text: beforeSignOff(email.text, portalTextBlock(language, rendered.portalUrl)),
      html: emailHtml({
        language,
        subject: email.subject,
        text: email.text,
        portalUrl: rendered.portalUrl,
        letterhead,
        logoCid: logo ? LOGO_CID : null,
        accentColor: mail?.accentColor ?? "",
        attachmentName: rendered.filename,
      }),
      inline: logo
        ? [
            {
              cid: LOGO_CID,
              filename: logo.contentType === "image/png" ? "logo.png" : "logo.jpg",
              content: logo.bytes,
              contentType: logo.contentType,
            },
          ]
        : [],
      filename: rendered.filename,
      pdf: rendered.pdf,
    };
    if (!from) throw new Error("No sender address: set the organization's email (Settings) or MAIL_FROM.");
  } catch (error) {
    await record("FAILED", transport.kind, { error: (error as Error).message });
    throw error;
  }

  if (transport.kind === "outbox") {
    await record("ACCEPTED", "outbox", {}, message);
    return "accepted";
  }
  try {
    const info = await transport.send({
      from,
      to: delivery.recipient,
      subject: message.subject,
      text: message.text,
      html: message.html,
      inline: message.inline,
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
