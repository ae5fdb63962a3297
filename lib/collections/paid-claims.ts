import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";

export type PaidClaimSource = "contact" | "promise" | "portal" | "api";

/**
 * Notes that a customer says they paid (a logged reply, a promise marked paid, the
 * customer portal, the API). Until a payment from them is recorded on or after
 * the day before that date, or an admin decides, their next letter waits
 * (heldByPaidClaim). In the caller's transaction, with its audit record.
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

export interface PaidClaimHold {
  claimId: string;
  paidOn: DateOnly;
  /** What the worklist and the letter page say. */
  reason: string;
}

/**
 * The claim that holds an account's next letter, if any: an unsettled "we paid on
 * X" with no payment recorded for the account since the day before X (a bank
 * booking lags the customer's payment by a day or so, never precedes it much).
 */
export async function heldByPaidClaim(
  db: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string },
): Promise<PaidClaimHold | null> {
  const [claim] = await db.$queryRaw<{ id: string; paid_on: Date }[]>`
    SELECT c.id, c.paid_on FROM paid_claims c
    WHERE c.org_id = ${opts.orgId}::uuid AND c.customer_id = ${opts.customerId}::uuid AND c.currency = ${opts.currency}
      AND c.settled_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = c.customer_id AND p.currency = c.currency
        AND p.amount_minor > 0 AND p.received_on >= c.paid_on - 1)
    ORDER BY c.paid_on DESC LIMIT 1`;
  if (!claim) return null;
  const paidOn = dateOnlyFromDb(claim.paid_on);
  return {
    claimId: claim.id,
    paidOn,
    reason: `The customer says they paid on ${paidOn}; the next letter waits until that payment is matched or an admin decides.`,
  };
}

/** An admin's decision that a claim no longer holds letters back (the payment never came, or was found). */
export async function settlePaidClaim(
  tx: DbOrTx,
  input: { orgId: string; claimId: string; userId: string; reason: string; now: Date },
): Promise<void> {
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
}

/** The held claims of many customers' accounts at once (the worklist refresh): "customerId|currency" → paid-on day. */
export async function heldPaidClaims(
  db: DbOrTx,
  opts: { orgId: string; customerIds: string[] },
): Promise<Map<string, DateOnly>> {
  if (!opts.customerIds.length) return new Map();
  const rows = await db.$queryRaw<{ customer_id: string; currency: string; paid_on: Date }[]>`
    SELECT c.customer_id, c.currency, max(c.paid_on) AS paid_on FROM paid_claims c
    WHERE c.org_id = ${opts.orgId}::uuid AND c.customer_id = ANY(${opts.customerIds}::uuid[]) AND c.settled_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = c.customer_id AND p.currency = c.currency
        AND p.amount_minor > 0 AND p.received_on >= c.paid_on - 1)
    GROUP BY c.customer_id, c.currency`;
  return new Map(rows.map((r) => [`${r.customer_id}|${r.currency.trim()}`, dateOnlyFromDb(r.paid_on)]));
}
