import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { emitEvent } from "@/lib/events/emit-event";
import { toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { promiseStatuses } from "./promise-status";

/**
 * Writes a PROMISE_BROKEN history row (and its audit record) for each given
 * promise that has none yet. Broken-ness itself is derived from dates and
 * payments; this records that it was detected and acted on. Runs under the
 * case lock, and account_events_one_breach_per_promise backs it up.
 */
export async function recordBrokenPromises(
  tx: DbOrTx,
  opts: {
    orgId: string;
    customerId: string;
    caseId: string;
    promiseIds: string[];
    today: DateOnly;
    userId: string | null;
    letterId?: string | null;
    note: string;
  },
): Promise<string[]> {
  if (!opts.promiseIds.length) return [];
  const recorded = await tx.accountEvent.findMany({
    where: { orgId: opts.orgId, kind: "PROMISE_BROKEN", promiseId: { in: opts.promiseIds } },
    select: { promiseId: true },
  });
  const fresh = opts.promiseIds.filter((id) => !recorded.some((r) => r.promiseId === id));
  for (const promiseId of fresh) {
    await tx.accountEvent.create({
      data: {
        orgId: opts.orgId,
        customerId: opts.customerId,
        caseId: opts.caseId,
        kind: "PROMISE_BROKEN",
        promiseId,
        letterId: opts.letterId ?? null,
        occurredOn: dateOnlyToDb(opts.today),
        userId: opts.userId,
        note: opts.note,
      },
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "promise.broken", payload: { promiseId, caseId: opts.caseId, customerId: opts.customerId } },
    );
    await emitEvent(tx, {
      orgId: opts.orgId,
      type: "promise.broken",
      data: { promiseId, customerId: opts.customerId, caseId: opts.caseId, brokenOn: opts.today },
      at: new Date(),
    });
  }
  return fresh;
}

/** The case's promises that are broken as of today (derived). */
export async function brokenPromiseIds(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; caseId: string; today: DateOnly },
): Promise<string[]> {
  const promises = await tx.paymentPromise.findMany({ where: { orgId: opts.orgId, caseId: opts.caseId } });
  if (!promises.length) return [];
  const since = promises.map((p) => p.madeOn).sort((a, b) => a.getTime() - b.getTime())[0];
  const payments = await tx.payment.findMany({
    where: { orgId: opts.orgId, customerId: opts.customerId, currency: opts.currency, receivedOn: { gte: since } },
    select: { receivedOn: true, amountMinor: true },
  });
  const statuses = promiseStatuses(
    promises.map((p) => ({
      id: p.id,
      amount: toMinor(p.amountMinor),
      madeOn: dateOnlyFromDb(p.madeOn),
      promisedFor: dateOnlyFromDb(p.promisedFor),
      planId: p.planId,
    })),
    payments.map((p) => ({ receivedOn: dateOnlyFromDb(p.receivedOn), amount: toMinor(p.amountMinor) })),
    opts.today,
  );
  return statuses.filter((s) => s.status === "broken").map((s) => s.id);
}
