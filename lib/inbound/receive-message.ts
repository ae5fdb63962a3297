import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parseMail } from "@/lib/sandbox/parse-mail";
import { isAutoReply } from "./auto-reply";
import { findDestination } from "./find-account";
import { logReplyContact } from "./log-reply-contact";

// One inbound message, from a provider's webhook or the IMAP mailbox: parsed off the
// event loop, stored as received with its attachments, and, when its account is known
// (reply token, else the sender's address), logged as the customer's reply, all in one
// transaction with its audit record. A message delivered twice (a provider's retry, a
// mailbox read again) is stored once: the Message-ID is a unique key per organization.

/** The largest message taken (RFC 5322 bytes, attachments included). Providers cap near here too (Postmark 35 MB, Mailgun 25 MB); a reply to a dunning letter needs far less. */
export const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** Attachments kept per message; a reply with more is refused, not cut, so nothing is stored half. */
export const MAX_ATTACHMENTS = 20;
/** Text kept in the database's searchable column; the whole message stays in `raw`. */
const MAX_TEXT_CHARS = 100_000;

export type InboundSource = "postmark" | "mailgun" | "imap";

export type ReceiveResult =
  | { status: "stored"; messageId: string; orgId: string; customerId: string | null; autoReply: boolean }
  | { status: "duplicate"; messageId: string; orgId: string };

export async function receiveInboundMessage(
  db: Db,
  input: {
    raw: Uint8Array;
    source: InboundSource;
    /** The envelope recipients the provider reports (the To header may not name the reply address). */
    envelopeTo?: string[];
    receivedAt: Date;
  },
): Promise<ReceiveResult> {
  if (input.raw.byteLength > MAX_MESSAGE_BYTES)
    throw new AppError(
      "TOO_LARGE",
      `The message is ${Math.ceil(input.raw.byteLength / 1024 / 1024)} MB; at most ${MAX_MESSAGE_BYTES / 1024 / 1024} MB is taken.`,
    );
  const mail = await parseMail(input.raw, { maxTextChars: MAX_TEXT_CHARS });
  if (mail.attachments.length > MAX_ATTACHMENTS)
    throw new AppError(
      "TOO_LARGE",
      `The message has ${mail.attachments.length} attachments; at most ${MAX_ATTACHMENTS}.`,
    );
  const recipients = [...(input.envelopeTo ?? []), ...mail.to.map((a) => a.address), ...mail.deliveredTo];
  const sender = mail.from?.address || null;
  const destination = await findDestination(db, { recipients, sender });
  if (!destination) throw new AppError("NOT_FOUND", "No organization takes replies at the addresses of that message.");
  const messageKey = createHash("sha256")
    .update(mail.messageId ? `id:${mail.messageId}` : Buffer.from(input.raw))
    .digest("hex");
  const autoReply = isAutoReply(mail);
  const account = destination.account;

  return db.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: a redelivery racing the first delivery finds the row, not an error.
    const inserted = await tx.inboundMessage.createManyAndReturn({
      data: [
        {
          orgId: destination.orgId,
          customerId: account?.customerId ?? null,
          currency: account?.currency ?? null,
          matchedBy: account?.matchedBy ?? null,
          source: input.source,
          messageKey,
          fromAddress: sender ?? "",
          fromName: mail.from?.name ?? "",
          toAddress: destination.toAddress,
          subject: mail.subject.slice(0, 500),
          textBody: mail.text,
          sentAt: mail.date ? new Date(mail.date) : null,
          receivedAt: input.receivedAt,
          raw: Buffer.from(input.raw),
          autoReply,
        },
      ],
      skipDuplicates: true,
      select: { id: true },
    });
    if (!inserted.length) {
      const first = await tx.inboundMessage.findUniqueOrThrow({
        where: { orgId_messageKey: { orgId: destination.orgId, messageKey } },
        select: { id: true },
      });
      return { status: "duplicate" as const, messageId: first.id, orgId: destination.orgId };
    }
    const messageId = inserted[0].id;
    if (mail.attachments.length)
      await tx.inboundAttachment.createMany({
        data: mail.attachments.map((a) => ({
          messageId,
          filename: a.filename.slice(0, 255),
          contentType: a.contentType.slice(0, 255),
          sizeBytes: a.content.byteLength,
          sha256: createHash("sha256").update(a.content).digest("hex"),
          content: Buffer.from(a.content),
        })),
      });
    // An automatic answer is kept and shown, but it is not the customer answering: no contact is logged.
    if (account && !autoReply) {
      const contactId = await logReplyContact(tx, {
        orgId: destination.orgId,
        customerId: account.customerId,
        currency: account.currency,
        occurredAt: input.receivedAt,
        subject: mail.subject,
        text: mail.text,
      });
      await tx.inboundMessage.update({ where: { id: messageId }, data: { contactId } });
    }
    await recordAudit(
      tx,
      { orgId: destination.orgId, userId: null },
      {
        kind: "inbound.received",
        payload: {
          messageId,
          source: input.source,
          customerId: account?.customerId ?? null,
          matchedBy: account?.matchedBy ?? null,
          autoReply,
          attachments: mail.attachments.length,
        },
      },
    );
    return {
      status: "stored" as const,
      messageId,
      orgId: destination.orgId,
      customerId: account?.customerId ?? null,
      autoReply,
    };
  });
}
