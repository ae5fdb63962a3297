import { invalid, parseDay, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { dateOnlyToDb, formatInstant, todayIn } from "@/lib/time/dates";
import { type LogContactInput, logContactIn } from "./log-contact";

// Call-backs a collector plans ("call back on a date, with a note"). A
// follow-up is never deleted or edited: it ends once, done with the contact it
// led to or cancelled, who and when kept (the follow_ups_guard trigger backs it up).

export interface ScheduleFollowUpInput {
  orgId: string;
  actor: Actor;
  customerId: string;
  /** DateOnly in the organization's time zone: today or later. */
  dueOn: string;
  note: string;
  now: Date;
}

/** Plans a call-back inside the caller's transaction; a day already past (in the org's time zone) is refused. */
export async function scheduleFollowUpIn(tx: DbOrTx, input: ScheduleFollowUpInput, field = "dueOn") {
  assertCanWork(input.actor);
  const dueOn = parseDay(input.dueOn, field);
  const note = requireText(input.note, field === "dueOn" ? "note" : "followUpNote", "what to call about", 2000);
  const customer = await getCustomerOrThrow(tx, input);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId }, select: { timeZone: true } });
  const today = todayIn(org.timeZone, input.now);
  if (dueOn < today) throw invalid(field, `That day has passed: plan the call-back for today (${today}) or later.`);
  const followUp = await tx.followUp.create({
    data: {
      orgId: input.orgId,
      customerId: customer.id,
      dueOn: dateOnlyToDb(dueOn),
      note,
      createdById: input.actor.userId,
    },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.actor.userId },
    { kind: "follow_up.scheduled", payload: { followUpId: followUp.id, customerId: customer.id, dueOn } },
  );
  return { followUpId: followUp.id, customerId: customer.id };
}

export async function scheduleFollowUp(db: Db, input: ScheduleFollowUpInput) {
  assertCanWork(input.actor);
  return db.$transaction((tx) => scheduleFollowUpIn(tx, input));
}

/** Logs a contact and, when a day is given, plans the next call-back, in one transaction. */
export async function logContactAndFollowUp(
  db: Db,
  input: LogContactInput & { followUp: { dueOn: string; note: string } | null },
) {
  assertCanWork(input.actor);
  const { followUp, ...contact } = input;
  return db.$transaction(async (tx) => {
    const { contactId } = await logContactIn(tx, contact);
    if (!followUp) return { contactId, followUpId: null };
    const planned = await scheduleFollowUpIn(
      tx,
      { ...contact, dueOn: followUp.dueOn, note: followUp.note },
      "followUpOn",
    );
    return { contactId, followUpId: planned.followUpId };
  });
}

/** The follow-up, locked, if it is this organization's and still open; otherwise why not. */
async function lockOpenFollowUp(tx: DbOrTx, orgId: string, followUpId: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM follow_ups WHERE id = ${followUpId}::uuid AND org_id = ${orgId}::uuid FOR UPDATE`;
  if (!row) throw notFound("That call-back");
  const followUp = await tx.followUp.findUniqueOrThrow({
    where: { id: followUpId },
    include: {
      doneBy: { select: { name: true } },
      cancelledBy: { select: { name: true } },
      org: { select: { timeZone: true, locale: true } },
    },
  });
  const when = (at: Date) => formatInstant(at, followUp.org.timeZone, followUp.org.locale);
  if (followUp.doneAt)
    throw new AppError(
      "CONFLICT",
      `This call-back was already completed by ${followUp.doneBy?.name ?? "someone"} on ${when(followUp.doneAt)}.`,
    );
  if (followUp.cancelledAt)
    throw new AppError(
      "CONFLICT",
      `This call-back was cancelled by ${followUp.cancelledBy?.name ?? "someone"} on ${when(followUp.cancelledAt)}.`,
    );
  return followUp;
}

/**
 * Completes a call-back: logs the contact it led to (the same verb as "Log a
 * contact") and marks the follow-up done with that contact, who and when, in
 * one transaction; a second completion is refused naming the first.
 */
export async function completeFollowUp(
  db: Db,
  input: Omit<LogContactInput, "customerId"> & { followUpId: string },
): Promise<{ customerId: string; contactId: string }> {
  assertCanWork(input.actor);
  return db.$transaction(async (tx) => {
    const followUp = await lockOpenFollowUp(tx, input.orgId, input.followUpId);
    if (followUp.taskKind === "review")
      throw new AppError("CONFLICT", "This is an internal review, not a call: mark it reviewed with a note instead.");
    const { contactId } = await logContactIn(tx, { ...input, customerId: followUp.customerId });
    await tx.followUp.update({
      where: { id: followUp.id },
      data: { doneAt: input.now, doneById: input.actor.userId, contactId },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "follow_up.done", payload: { followUpId: followUp.id, customerId: followUp.customerId, contactId } },
    );
    return { customerId: followUp.customerId, contactId };
  });
}

/** Cancels a call-back no longer needed: kept, marked cancelled with who and when. */
export async function cancelFollowUp(
  db: Db,
  input: { orgId: string; actor: Actor; followUpId: string; now: Date },
): Promise<{ customerId: string }> {
  assertCanWork(input.actor);
  return db.$transaction(async (tx) => {
    const followUp = await lockOpenFollowUp(tx, input.orgId, input.followUpId);
    await tx.followUp.update({
      where: { id: followUp.id },
      data: { cancelledAt: input.now, cancelledById: input.actor.userId },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "follow_up.cancelled", payload: { followUpId: followUp.id, customerId: followUp.customerId } },
    );
    return { customerId: followUp.customerId };
  });
}

/**
 * Completes an internal review a policy planned (e.g. before a hand-off): no contact with
 * the customer happened, so none is logged; the note goes to the audit log with who and when.
 */
export async function completeReview(
  db: Db,
  input: { orgId: string; actor: Actor; followUpId: string; note: string; now: Date },
): Promise<{ customerId: string }> {
  assertCanWork(input.actor);
  const note = requireText(input.note, "note", "what the review found", 2000);
  return db.$transaction(async (tx) => {
    const followUp = await lockOpenFollowUp(tx, input.orgId, input.followUpId);
    if (followUp.taskKind !== "review")
      throw new AppError("CONFLICT", "This is a call-back: complete it by logging the call.");
    await tx.followUp.update({
      where: { id: followUp.id },
      data: { doneAt: input.now, doneById: input.actor.userId },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "follow_up.reviewed", payload: { followUpId: followUp.id, customerId: followUp.customerId, note } },
    );
    return { customerId: followUp.customerId };
  });
}
