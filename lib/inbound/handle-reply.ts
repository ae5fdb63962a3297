import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { logReplyContact } from "./log-reply-contact";

// A collector's two answers to an inbound message: "read" (an unread reply holds the
// account's next letter until then), and, for one in the unassigned queue, "this is
// that customer's" (the message goes on the account and into its contact history).
// Each is one transaction with its audit record; a second click finds the work done.

export async function markReplyRead(db: Db, opts: { orgId: string; actor: Actor; messageId: string; now: Date }) {
  assertCanWork(opts.actor);
  return db.$transaction(async (tx) => {
    const message = await tx.inboundMessage.findFirst({
      where: { id: opts.messageId, orgId: opts.orgId },
      select: { id: true, customerId: true },
    });
    if (!message) throw new AppError("NOT_FOUND", "That reply was not found.");
    if (!message.customerId) throw new AppError("CONFLICT", "File the reply on a customer first.");
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: message.id, readAt: null },
      data: { readAt: opts.now, readById: opts.actor.userId },
    });
    if (!count) throw new AppError("CONFLICT", "Someone has already read this reply.");
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "inbound.read", payload: { messageId: message.id, customerId: message.customerId } },
    );
    return { customerId: message.customerId };
  });
}

export async function assignReply(
  db: Db,
  opts: { orgId: string; actor: Actor; messageId: string; customerId: string; currency: string | null; now: Date },
) {
  assertCanWork(opts.actor);
  return db.$transaction(async (tx) => {
    const [message, customer] = await Promise.all([
      tx.inboundMessage.findFirst({ where: { id: opts.messageId, orgId: opts.orgId } }),
      tx.customer.findFirst({ where: { id: opts.customerId, orgId: opts.orgId }, select: { id: true } }),
    ]);
    if (!message) throw new AppError("NOT_FOUND", "That reply was not found.");
    if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
    if (opts.currency) {
      const account = await tx.account.findFirst({
        where: { orgId: opts.orgId, customerId: customer.id, currency: opts.currency },
        select: { customerId: true },
      });
      if (!account)
        throw new AppError("INVALID_INPUT", `The customer has no ${opts.currency} account.`, {
          currency: ["Choose one of the customer's currencies, or none."],
        });
    }
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: message.id, customerId: null },
      data: { customerId: customer.id, currency: opts.currency, matchedBy: "collector" },
    });
    if (!count) throw new AppError("CONFLICT", "This reply is already filed on a customer.");
    if (!message.autoReply) {
      const contactId = await logReplyContact(tx, {
        orgId: opts.orgId,
        customerId: customer.id,
        currency: opts.currency,
        occurredAt: message.receivedAt,
        subject: message.subject,
        text: message.textBody,
      });
      await tx.inboundMessage.update({ where: { id: message.id }, data: { contactId } });
    }
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "inbound.assigned",
        payload: { messageId: message.id, customerId: customer.id, currency: opts.currency },
      },
    );
    return { customerId: customer.id };
  });
}
