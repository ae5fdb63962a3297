import { type AuditEventInput, recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";

/** What a delivery carries, as its result rows name it. */
export interface DeliveredDocument {
  orgId: string;
  deliveryId: string;
  recipient: string;
  requestedById: string | null;
  customerId: string;
  caseId: string | null;
  letterId: string | null;
  /** "Letter 2", "Statement of account of 1 December 2026": the contact history's words. */
  what: string;
  fromAddress: string;
  /** The audit event of this try's result. */
  audit: (r: { attempt: number; outcome: "ACCEPTED" | "FAILED"; transport: string; error: string }) => AuditEventInput;
}

/**
 * Records one try of an email delivery as new rows in one transaction: the result,
 * the outbox copy (demo mode), a contact attempt in the customer's history and the
 * audit event. A try already recorded (a repeated job) records nothing.
 */
export async function recordDeliveryResult(
  db: Db,
  doc: DeliveredDocument,
  r: {
    attempt: number;
    outcome: "ACCEPTED" | "FAILED";
    transport: string;
    messageId?: string;
    error?: string;
    at: Date;
    outbox?: { subject: string; text: string; filename: string; pdf: Uint8Array };
  },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.letterDeliveryResult.createMany({
      data: [
        {
          orgId: doc.orgId,
          deliveryId: doc.deliveryId,
          attempt: r.attempt,
          outcome: r.outcome,
          transport: r.transport,
          messageId: r.messageId ?? "",
          error: r.error ?? "",
          occurredAt: r.at,
        },
      ],
      skipDuplicates: true,
    });
    if (!result.count) return; // this attempt was recorded already
    if (r.outbox) {
      await tx.outboxMessage.create({
        data: {
          orgId: doc.orgId,
          deliveryId: doc.deliveryId,
          fromAddress: doc.fromAddress,
          toAddress: doc.recipient,
          subject: r.outbox.subject,
          text: r.outbox.text,
          attachmentName: r.outbox.filename,
          attachment: Buffer.from(r.outbox.pdf),
        },
      });
    }
    const what = `${doc.what} by email to ${doc.recipient}`;
    await tx.contactAttempt.create({
      data: {
        orgId: doc.orgId,
        customerId: doc.customerId,
        caseId: doc.caseId,
        letterId: doc.letterId,
        userId: doc.requestedById,
        occurredAt: r.at,
        channel: "EMAIL",
        direction: "OUTBOUND",
        outcome: r.outcome === "FAILED" ? "DELIVERY_FAILED" : r.transport === "outbox" ? "SENT" : "DELIVERED",
        note:
          r.outcome === "FAILED"
            ? `${what}: not delivered (try ${r.attempt}): ${r.error}`
            : r.transport === "outbox"
              ? `${what}: written to the outbox (demo mode, no SMTP_URL); not sent.`
              : `${what}: accepted by the mail server (${r.messageId}).`,
      },
    });
    await recordAudit(
      tx,
      { orgId: doc.orgId, userId: doc.requestedById },
      doc.audit({ attempt: r.attempt, outcome: r.outcome, transport: r.transport, error: r.error ?? "" }),
    );
  });
}

/** The sender: MAIL_FROM, else the organization's name and email from the letterhead. */
export function senderAddress(head: { name: string; email: string }): string {
  return process.env.MAIL_FROM || (head.email ? `"${head.name.replace(/"/g, "")}" <${head.email}>` : "");
}
