import { invalid, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { emitEvent } from "@/lib/events/emit-event";
import { dateOnlyFromDb, dateOnlyToDb, formatDateOnly, todayIn } from "@/lib/time/dates";

/** A dispute on one open invoice takes it out of letters and escalation until resolved. */
export async function openDispute(
  db: Db,
  input: { orgId: string; actor: Actor; invoiceId: string; note: string; now: Date },
) {
  assertCanWork(input.actor);
  const note = requireText(input.note, "note", "what the customer disputes");
  return db.$transaction((tx) => openDisputeIn(tx, { ...input, userId: input.actor.userId, note }));
}

/**
 * The same inside the caller's transaction. `customerId` (and `currency`) restrict the
 * invoice to one account: the customer's own page opens disputes with no user.
 */
export async function openDisputeIn(
  tx: DbOrTx,
  input: {
    orgId: string;
    userId: string | null;
    invoiceId: string;
    note: string;
    now: Date;
    customerId?: string;
    currency?: string;
  },
) {
  const [invoice] = await tx.$queryRaw<
    { id: string; customer_id: string; currency: string; number: string; open: bigint }[]
  >`
    SELECT id, customer_id, currency, number, amount_minor - paid_minor AS open FROM invoices
    WHERE id = ${input.invoiceId}::uuid AND org_id = ${input.orgId}::uuid FOR UPDATE`;
  if (
    !invoice ||
    (input.customerId && invoice.customer_id !== input.customerId) ||
    (input.currency && invoice.currency.trim() !== input.currency)
  )
    throw new AppError("NOT_FOUND", "That invoice was not found.");
  if (invoice.open <= 0n)
    throw invalid("invoiceId", `Invoice ${invoice.number} is paid in full; there is nothing to dispute.`);
  const existing = await tx.invoiceDispute.findFirst({
    where: { invoiceId: invoice.id, events: { none: { kind: "DISPUTE_RESOLVED" } } },
    include: { user: { select: { name: true } } },
  });
  if (existing) {
    throw new AppError(
      "CONFLICT",
      `Invoice ${invoice.number} is already disputed (recorded by ${existing.user?.name ?? "the customer"} on ${formatDateOnly(dateOnlyFromDb(existing.openedOn))}).`,
    );
  }
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
  const dispute = await tx.invoiceDispute.create({
    data: {
      orgId: input.orgId,
      customerId: invoice.customer_id,
      invoiceId: invoice.id,
      openedOn: dateOnlyToDb(todayIn(org.timeZone, input.now)),
      note: input.note,
      userId: input.userId,
    },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.userId },
    {
      kind: "dispute.opened",
      payload: { disputeId: dispute.id, customerId: invoice.customer_id, invoiceId: invoice.id },
    },
  );
  await emitEvent(tx, {
    orgId: input.orgId,
    type: "dispute.opened",
    data: { disputeId: dispute.id, customerId: invoice.customer_id, invoiceId: invoice.id },
    at: input.now,
  });
  return { disputeId: dispute.id, customerId: invoice.customer_id, invoiceNumber: invoice.number };
}

/** Resolving is a new row (DISPUTE_RESOLVED event); the dispute itself is never changed. Once only, by constraint. */
export async function resolveDispute(
  db: Db,
  input: { orgId: string; actor: Actor; disputeId: string; note: string; now: Date },
) {
  assertCanWork(input.actor);
  const note = requireText(input.note, "note", "how the dispute was resolved");
  try {
    return await db.$transaction((tx) => resolveInTransaction(tx, input, note));
  } catch (error) {
    // Two people resolving at once: account_events_one_resolution_per_dispute lets one through.
    if (isUniqueViolation(error)) return resolveDispute(db, input);
    throw error;
  }
}

async function resolveInTransaction(
  tx: DbOrTx,
  input: { orgId: string; actor: Actor; disputeId: string; now: Date },
  note: string,
) {
  const dispute = await tx.invoiceDispute.findFirst({
    where: { id: input.disputeId, orgId: input.orgId },
    include: {
      invoice: { select: { number: true } },
      events: { where: { kind: "DISPUTE_RESOLVED" }, include: { user: { select: { name: true } } } },
    },
  });
  if (!dispute) throw new AppError("NOT_FOUND", "That dispute was not found.");
  const done = dispute.events[0];
  if (done)
    throw new AppError(
      "CONFLICT",
      `The dispute on ${dispute.invoice.number} was already resolved by ${done.user?.name ?? "System"} on ${formatDateOnly(dateOnlyFromDb(done.occurredOn))}.`,
    );
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
  const theCase = await tx.collectionCase.findFirst({
    where: { orgId: input.orgId, customerId: dispute.customerId, closedAt: null },
  });
  await tx.accountEvent.create({
    data: {
      orgId: input.orgId,
      customerId: dispute.customerId,
      caseId: theCase?.id ?? null,
      kind: "DISPUTE_RESOLVED",
      disputeId: dispute.id,
      occurredOn: dateOnlyToDb(todayIn(org.timeZone, input.now)),
      note,
      userId: input.actor.userId,
    },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.actor.userId },
    {
      kind: "dispute.resolved",
      payload: { disputeId: dispute.id, customerId: dispute.customerId, invoiceId: dispute.invoiceId },
    },
  );
  await emitEvent(tx, {
    orgId: input.orgId,
    type: "dispute.resolved",
    data: { disputeId: dispute.id, customerId: dispute.customerId, invoiceId: dispute.invoiceId },
    at: input.now,
  });
  return { disputeId: dispute.id, customerId: dispute.customerId };
}
