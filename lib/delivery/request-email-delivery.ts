import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { addJob } from "@/lib/jobs/queue";
import { DELIVER_LETTER_JOB, MAX_DELIVERY_ATTEMPTS } from "./constants";
import { deliveryStatuses } from "./delivery-status";
import { sendOnce } from "./send-once";

/**
 * Asks for a stored letter to be emailed: a delivery row and its job, in the
 * caller's transaction (sendNextLetter's, so a letter sent "by email" and its
 * job commit together). The letter is never changed.
 */
export async function requestEmailDelivery(
  tx: DbOrTx,
  opts: { orgId: string; actor: Actor; letterId: string; retry?: boolean; idempotencyKey?: string | null },
): Promise<{ deliveryId: string; recipient: string }> {
  assertCanWork(opts.actor);
  const letter = await tx.letter.findFirst({
    where: { id: opts.letterId, orgId: opts.orgId },
    select: { id: true, customerId: true, customer: { select: { email: true } } },
  });
  if (!letter) throw new AppError("NOT_FOUND", "That letter was not found.");
  const recipient = letter.customer.email.trim();
  if (!recipient)
    throw new AppError("INVALID_INPUT", "This customer has no email address. Add one, or send the letter by post.");
  const delivery = await queueEmailDelivery(tx, {
    orgId: opts.orgId,
    document: { letterId: letter.id },
    customerId: letter.customerId,
    recipient,
    requestedById: opts.actor.userId,
    // One job key per letter: a manual retry replaces a pending automatic retry, so the customer gets one email.
    jobKey: `letter-email:${letter.id}`,
    idempotencyKey: opts.idempotencyKey,
  });
  await recordAudit(
    tx,
    { orgId: opts.orgId, userId: opts.actor.userId },
    {
      kind: "letter.email_requested",
      payload: { deliveryId: delivery.id, letterId: letter.id, recipient, retry: !!opts.retry },
    },
  );
  return { deliveryId: delivery.id, recipient };
}

/**
 * A delivery row for a stored letter or statement and its job on the durable queue,
 * in the caller's transaction: both commit with the change that asked for them.
 */
export async function queueEmailDelivery(
  tx: DbOrTx,
  opts: {
    orgId: string;
    document: { letterId: string } | { statementId: string };
    customerId: string;
    recipient: string;
    requestedById: string;
    jobKey: string;
    /** The send form's key (send-once.ts). */
    idempotencyKey?: string | null;
  },
): Promise<{ id: string }> {
  const delivery = await tx.letterDelivery.create({
    data: {
      orgId: opts.orgId,
      ...opts.document,
      customerId: opts.customerId,
      recipient: opts.recipient,
      requestedById: opts.requestedById,
      idempotencyKey: opts.idempotencyKey ?? null,
    },
  });
  await addJob(
    tx,
    DELIVER_LETTER_JOB,
    { deliveryId: delivery.id },
    { jobKey: opts.jobKey, maxAttempts: MAX_DELIVERY_ATTEMPTS },
  );
  return delivery;
}

/**
 * Emails a stored letter: again after a failed delivery, or for the first time
 * (a letter that went by post). A new delivery and job; a failed one stays in
 * the record. Refused while a delivery is pending or once one was accepted.
 */
export async function retryEmailDelivery(
  db: Db,
  opts: { orgId: string; actor: Actor; letterId: string; idempotencyKey?: string | null },
): Promise<{ deliveryId: string; recipient: string }> {
  assertCanWork(opts.actor);
  return sendOnce(
    db,
    { orgId: opts.orgId, key: opts.idempotencyKey },
    () => queueRetry(db, opts),
    (d) => ({
      deliveryId: d.id,
      recipient: d.recipient,
    }),
  );
}

function queueRetry(db: Db, opts: { orgId: string; actor: Actor; letterId: string; idempotencyKey?: string | null }) {
  return db.$transaction(async (tx) => {
    // Serialize retries of one letter so a double click queues one retry.
    await tx.$queryRaw`SELECT id FROM letters WHERE id = ${opts.letterId}::uuid AND org_id = ${opts.orgId}::uuid FOR KEY SHARE`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`retry:${opts.letterId}`}))`;
    const status = (await deliveryStatuses(tx, { orgId: opts.orgId, letterIds: [opts.letterId] })).get(opts.letterId);
    if (status && status.state !== "failed") {
      throw new AppError(
        "CONFLICT",
        status.state === "accepted"
          ? "This email was already delivered."
          : "This email is still being delivered; wait for the result.",
      );
    }
    return requestEmailDelivery(tx, { ...opts, retry: !!status });
  });
}
