import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";

export type PaidClaimSource = "contact" | "promise" | "portal" | "api";

/**
 * Notes that a customer says they paid (a logged reply, a promise marked paid, the
 * customer portal, the API). Until a payment from them is recorded on or after
 * the day before that date, or the claim is settled (an administrator, or a collector reading
 * the portal request it came with), their next letter waits
 * (lib/collections/letter-holds.ts, the one rule). The one store of paid claims: the
 * customer's page links its request to the claim it records here. In the caller's transaction, with its audit record.
 */
export async function recordPaidClaim(
  tx: DbOrTx,
  input: {
    orgId: string;
    customerId: string;
    currency: string;
    paidOn: DateOnly;
    amountMinor?: number;
    reference?: string;
    source: PaidClaimSource;
    userId?: string | null;
  },
): Promise<{ id: string }> {
  const customer = await tx.customer.findFirst({
    where: { id: input.customerId, orgId: input.orgId },
    select: { id: true },
  });
  if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
  const claim = await tx.paidClaim.create({
    data: {
      orgId: input.orgId,
      customerId: input.customerId,
      currency: input.currency,
      paidOn: dateOnlyToDb(input.paidOn),
      amountMinor: input.amountMinor === undefined ? null : BigInt(input.amountMinor),
      reference: (input.reference ?? "").slice(0, 200),
      source: input.source,
    },
    select: { id: true },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.userId ?? null },
    {
      kind: "paid_claim.recorded",
      payload: {
        claimId: claim.id,
        customerId: input.customerId,
        currency: input.currency,
        paidOn: input.paidOn,
        source: input.source,
      },
    },
  );
  return claim;
}

/** An admin's decision that a claim no longer holds letters back (the payment never came, or was found). */
export async function settlePaidClaim(
  tx: DbOrTx,
  input: { orgId: string; claimId: string; userId: string; reason: string; now: Date },
): Promise<{ customerId: string }> {
  const claim = await tx.paidClaim.findFirst({ where: { id: input.claimId, orgId: input.orgId, settledAt: null } });
  if (!claim) throw new AppError("NOT_FOUND", "That claim was not found or was decided already.");
  if (!input.reason.trim())
    throw new AppError("INVALID_INPUT", "Write why the letters may go again.", { reason: ["Write the reason."] });
  await tx.paidClaim.update({
    where: { id: claim.id },
    data: { settledAt: input.now, settledById: input.userId, settledReason: input.reason.trim() },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.userId },
    {
      kind: "paid_claim.settled",
      payload: { claimId: claim.id, customerId: claim.customerId, reason: input.reason.trim() },
    },
  );
  return { customerId: claim.customerId };
}

/** An account's claims still holding its letters back (not settled), newest first, for the page that decides them. */
export async function listOpenPaidClaims(
  db: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string },
): Promise<
  { id: string; paidOn: DateOnly; amountMinor: number | null; reference: string; source: string; notedAt: Date }[]
> {
  const rows = await db.paidClaim.findMany({
    where: { orgId: opts.orgId, customerId: opts.customerId, currency: opts.currency, settledAt: null },
    orderBy: [{ paidOn: "desc" }, { id: "desc" }],
    take: 20,
  });
  return rows.map((r) => ({
    id: r.id,
    paidOn: dateOnlyFromDb(r.paidOn),
    amountMinor: r.amountMinor === null ? null : Number(r.amountMinor),
    reference: r.reference,
    source: r.source,
    notedAt: r.createdAt,
  }));
}
