import { recordAudit } from "@/lib/audit/events";
import { fieldChanges } from "@/lib/audit/field-changes";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { assertPauseEndNotPast } from "./pause-end";

/**
 * Pauses dunning on several customers at once (the worklist's selection): the
 * same columns the customer form's "Dunning: paused" writes, in one transaction
 * with a customer.updated audit record per customer that changed. All or
 * nothing: a customer of another organization (or none) is NOT_FOUND and no
 * customer is paused. The pause marks each account's work stale (trigger), so
 * the worklist and the bulk-send plan judge them again.
 */
export async function pauseDunning(
  db: Db,
  opts: {
    orgId: string;
    actor: Actor;
    ip?: string;
    customerIds: string[];
    reason: string;
    until: DateOnly | null;
    now: Date;
  },
): Promise<{ paused: number }> {
  assertCanWork(opts.actor, "customers");
  const reason = opts.reason.trim();
  if (!reason) throw new AppError("INVALID_INPUT", "Say why dunning is paused.", { pauseReason: ["Write a reason."] });
  const ids = [...new Set(opts.customerIds)];
  if (!ids.length) throw new AppError("INVALID_INPUT", "Tick at least one account.");
  return db.$transaction(async (tx) => {
    await assertPauseEndNotPast(tx, opts);
    const rows = await tx.$queryRaw<
      { id: string; reference: string; reason: string | null; until: Date | null }[]
    >`SELECT id, reference, dunning_paused_reason AS reason, dunning_paused_until AS until FROM customers
      WHERE org_id = ${opts.orgId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    if (rows.length !== ids.length)
      throw new AppError(
        "NOT_FOUND",
        ids.length - rows.length === 1
          ? "One of the ticked customers was not found. Reload the page and tick again."
          : `${ids.length - rows.length} of the ticked customers were not found. Reload the page and tick again.`,
      );
    const after = { dunningPausedReason: reason, dunningPausedUntil: opts.until };
    let paused = 0;
    for (const row of rows) {
      const before = {
        dunningPausedReason: row.reason,
        dunningPausedUntil: row.until ? dateOnlyFromDb(row.until) : null,
      };
      const changes = fieldChanges(before, after);
      if (!Object.keys(changes.after).length) continue;
      await tx.customer.update({
        where: { id: row.id },
        data: { dunningPausedReason: reason, dunningPausedUntil: opts.until ? dateOnlyToDb(opts.until) : null },
      });
      await recordAudit(
        tx,
        { orgId: opts.orgId, userId: opts.actor.userId, ip: opts.ip },
        { kind: "customer.updated", payload: { customerId: row.id, reference: row.reference, ...changes } },
      );
      paused++;
    }
    return { paused };
  });
}
