import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { queueEmailDelivery } from "@/lib/delivery/request-email-delivery";
import { sendOnce } from "@/lib/delivery/send-once";
import { AppError } from "@/lib/errors/app-error";
import { dateOnlyToDb } from "@/lib/time/dates";
import { composeStatement } from "./compose-statement";

/**
 * Emails a customer's statement as of today: the statement is stored as it will be
 * sent (text, letterhead, hash), and a delivery row, its job on the durable queue
 * and the audit record are written in one transaction. The job renders the PDF from
 * the stored row and logs the contact when it is sent (lib/delivery).
 */
export async function emailStatement(
  db: Db,
  opts: { orgId: string; customerId: string; actor: Actor; now: Date; idempotencyKey?: string | null },
): Promise<{ statementId: string; deliveryId: string; recipient: string; message: string }> {
  assertCanWork(opts.actor);
  return sendOnce(
    db,
    { orgId: opts.orgId, key: opts.idempotencyKey },
    () => storeAndQueue(db, opts),
    (d) => ({
      statementId: d.statementId ?? "",
      deliveryId: d.id,
      recipient: d.recipient,
      message: `That statement was already sent to ${d.recipient} (the form was submitted twice); nothing more was sent.`,
    }),
  );
}

function storeAndQueue(
  db: Db,
  opts: { orgId: string; customerId: string; actor: Actor; now: Date; idempotencyKey?: string | null },
) {
  return db.$transaction(async (tx) => {
    const s = await composeStatement(tx, opts);
    const customer = await tx.customer.findUniqueOrThrow({ where: { id: s.customerId }, select: { email: true } });
    const recipient = customer.email.trim();
    if (!recipient)
      throw new AppError(
        "INVALID_INPUT",
        "This customer has no email address. Add one, or download the statement and post it.",
      );
    const statement = await tx.statement.create({
      data: {
        orgId: opts.orgId,
        customerId: s.customerId,
        language: s.language,
        asOf: dateOnlyToDb(s.asOf),
        subject: s.subject,
        body: s.body,
        contentSha256: s.contentSha256,
        letterhead: s.letterhead,
        createdById: opts.actor.userId,
        createdAt: opts.now,
      },
    });
    const delivery = await queueEmailDelivery(tx, {
      orgId: opts.orgId,
      document: { statementId: statement.id },
      customerId: s.customerId,
      recipient,
      requestedById: opts.actor.userId,
      jobKey: `statement-email:${statement.id}`,
      idempotencyKey: opts.idempotencyKey,
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "statement.email_requested",
        payload: {
          deliveryId: delivery.id,
          statementId: statement.id,
          customerId: s.customerId,
          asOf: s.asOf,
          recipient,
        },
      },
    );
    return {
      statementId: statement.id,
      deliveryId: delivery.id,
      recipient,
      message: `The statement as of ${s.asOf} is on its way to ${recipient}; the contact history shows when it is delivered.`,
    };
  });
}
