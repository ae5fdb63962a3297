import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { settlePaidClaim } from "@/lib/collections/paid-claims";
import { recordPlan } from "@/lib/collections/record-plan";
import { recordPromise } from "@/lib/collections/record-promise";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { minorToPlain } from "@/lib/money/money";
import { dateOnlyFromDb } from "@/lib/time/dates";

// A collector's answer to what a customer sent: read it (a paid claim stops holding
// the letters, a message leaves Today), or accept or decline a promise or plan the
// customer proposed. Accepted, the proposal becomes the promise or plan a collector
// would have entered (lib/collections), which pauses the letters as those do.

type Decision = "read" | "accepted" | "declined";

/** Marks the request handled, once: a second click, or two collectors at once, finds it handled. */
async function claim(db: Db, opts: { orgId: string; actor: Actor; requestId: string; now: Date }, decision: Decision) {
  return db.$transaction(async (tx) => {
    const request = await tx.customerRequest.findFirst({ where: { id: opts.requestId, orgId: opts.orgId } });
    if (!request) throw new AppError("NOT_FOUND", "That request was not found.");
    const { count } = await tx.customerRequest.updateMany({
      where: { id: request.id, handledAt: null },
      data: { handledAt: opts.now, handledById: opts.actor.userId, decision },
    });
    if (!count) throw new AppError("CONFLICT", "Someone has already handled this request.");
    // Read by a collector, a "we have paid" claim stops holding the letters: the collector has decided.
    if (request.paidClaimId) {
      const open = await tx.paidClaim.count({ where: { id: request.paidClaimId, settledAt: null } });
      if (open)
        await settlePaidClaim(tx, {
          orgId: opts.orgId,
          claimId: request.paidClaimId,
          userId: opts.actor.userId,
          reason: "Read from the customer's page by a collector",
          now: opts.now,
        });
    }
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "portal.request_handled", payload: { requestId: request.id, customerId: request.customerId, decision } },
    );
    return request;
  });
}

export async function markRequestRead(db: Db, opts: { orgId: string; actor: Actor; requestId: string; now: Date }) {
  assertCanWork(opts.actor);
  const request = await db.customerRequest.findFirst({ where: { id: opts.requestId, orgId: opts.orgId } });
  if (request && (request.kind === "PROMISE" || request.kind === "PLAN"))
    throw new AppError("CONFLICT", "Accept or decline the customer's proposal.");
  const done = await claim(db, opts, "read");
  return { customerId: done.customerId };
}

export async function decideProposal(
  db: Db,
  opts: { orgId: string; actor: Actor; requestId: string; accept: boolean; now: Date },
) {
  assertCanWork(opts.actor);
  const request = await claim(db, opts, opts.accept ? "accepted" : "declined");
  if (request.kind !== "PROMISE" && request.kind !== "PLAN") {
    await undo(db, request.id);
    throw new AppError("CONFLICT", "Only a promise or a plan can be accepted or declined.");
  }
  if (!opts.accept) return { customerId: request.customerId };
  const base = {
    orgId: opts.orgId,
    actor: opts.actor,
    customerId: request.customerId,
    currency: request.currency,
    now: opts.now,
  };
  try {
    if (request.kind === "PROMISE") {
      await recordPromise(db, {
        ...base,
        amount: minorToPlain(Number(request.amountMinor ?? 0), request.currency),
        promisedFor: dateOnlyFromDb(request.promisedFor as Date),
        note: "Proposed by the customer on its page; accepted",
      });
    } else {
      const instalments = (request.instalments as { dueOn: string; amountMinor: number }[]) ?? [];
      await recordPlan(db, {
        ...base,
        instalments: instalments.map((i) => ({
          dueOn: i.dueOn,
          amount: minorToPlain(i.amountMinor, request.currency),
        })),
        note: "Proposed by the customer on its page; accepted",
      });
    }
  } catch (error) {
    // The promise or plan was refused (a date now past, the account paid): the request waits again.
    await undo(db, request.id);
    throw error;
  }
  return { customerId: request.customerId };
}

async function undo(db: Db, requestId: string) {
  await db.customerRequest.update({
    where: { id: requestId },
    data: { handledAt: null, handledById: null, decision: null },
  });
}

/** Switches off every link of the account printed so far; the next letter prints a new one. */
export async function revokePortalLinks(
  db: Db,
  opts: { orgId: string; actor: Actor; customerId: string; currency: string; now: Date },
) {
  assertCanWork(opts.actor);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { id: opts.customerId, orgId: opts.orgId },
      select: { id: true },
    });
    if (!customer) throw new AppError("NOT_FOUND", "That customer was not found.");
    await tx.portalRevocation.create({
      data: {
        orgId: opts.orgId,
        customerId: customer.id,
        currency: opts.currency,
        userId: opts.actor.userId,
        revokedAt: opts.now,
      },
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "portal.links_revoked", payload: { customerId: customer.id, currency: opts.currency } },
    );
    return { customerId: customer.id };
  });
}
