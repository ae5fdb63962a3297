import { requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { dateOnlyToDb, todayIn } from "@/lib/time/dates";

/** The registered-mail tracking number of a letter, as a new row: a correction is another row, the newest wins. */
export async function recordTrackingNumber(
  db: Db,
  input: { orgId: string; actor: Actor; letterId: string; trackingNumber: string; now: Date },
) {
  assertCanWork(input.actor);
  const trackingNumber = requireText(input.trackingNumber, "trackingNumber", "the tracking number", 100);
  return db.$transaction(async (tx) => {
    const letter = await tx.letter.findFirst({
      where: { id: input.letterId, orgId: input.orgId },
      include: { org: { select: { timeZone: true } } },
    });
    if (!letter) throw new AppError("NOT_FOUND", "That letter was not found.");
    if (!letter.registeredMail)
      throw new AppError("INVALID_INPUT", `Letter ${letter.stage} did not go by registered mail.`);
    await tx.accountEvent.create({
      data: {
        orgId: input.orgId,
        customerId: letter.customerId,
        caseId: letter.caseId,
        letterId: letter.id,
        kind: "REGISTERED_MAIL_TRACKING",
        reference: trackingNumber,
        occurredOn: dateOnlyToDb(todayIn(letter.org.timeZone, input.now)),
        userId: input.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "letter.tracking_recorded", payload: { letterId: letter.id, trackingNumber } },
    );
    return { letterId: letter.id };
  });
}
