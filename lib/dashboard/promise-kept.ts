import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";

export interface PromiseOutcomes {
  kept: number;
  broken: number;
  /** Due later in the period and not yet met. */
  pending: number;
}

/**
 * Promises to pay falling due between `from` and `to`, judged as
 * lib/collections/promise-status.ts judges one (derived, never a flag): kept
 * when the account's payments from the day it was made (a plan: the day the
 * plan began) up to its date reach its amount (a plan's instalment k: the sum
 * of instalments 1..k); broken from the day after its date otherwise. Counted
 * in SQL (payment_promises_by_org_promised_for, then payments by customer and
 * day for each promise), so only three numbers leave the database.
 */
export async function getPromiseOutcomes(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; to: DateOnly; today: DateOnly },
): Promise<PromiseOutcomes> {
  const [row] = await tx.$queryRaw<{ kept: bigint; broken: bigint; pending: bigint }[]>`
    WITH due AS (
      SELECT id, plan_id FROM payment_promises
      WHERE org_id = ${opts.orgId}::uuid AND promised_for >= ${opts.from}::date AND promised_for <= ${opts.to}::date
    ), judged AS (
      SELECT p.id, p.customer_id, p.currency, p.promised_for,
        CASE WHEN p.plan_id IS NULL THEN p.made_on ELSE min(p.made_on) OVER (PARTITION BY p.plan_id) END AS since,
        CASE WHEN p.plan_id IS NULL THEN p.amount_minor
          ELSE sum(p.amount_minor) OVER (PARTITION BY p.plan_id ORDER BY p.promised_for
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) END AS owed
      FROM payment_promises p
      WHERE p.id IN (SELECT id FROM due)
        OR (p.org_id = ${opts.orgId}::uuid AND p.plan_id IN (SELECT plan_id FROM due WHERE plan_id IS NOT NULL))
    )
    SELECT
      count(*) FILTER (WHERE paid.sum >= j.owed) AS kept,
      count(*) FILTER (WHERE paid.sum < j.owed AND j.promised_for < ${opts.today}::date) AS broken,
      count(*) FILTER (WHERE paid.sum < j.owed AND j.promised_for >= ${opts.today}::date) AS pending
    FROM judged j
    CROSS JOIN LATERAL (
      SELECT COALESCE(sum(pay.amount_minor), 0) AS sum FROM payments pay
      WHERE pay.customer_id = j.customer_id AND pay.currency = j.currency
        AND pay.received_on >= j.since AND pay.received_on <= j.promised_for
    ) paid
    WHERE j.id IN (SELECT id FROM due)`;
  return { kept: toMinor(row.kept), broken: toMinor(row.broken), pending: toMinor(row.pending) };
}

/** Kept ÷ (kept + broken): promises still pending are not judged yet. Null when none was judged. */
export function promiseKeptRate(o: PromiseOutcomes): number | null {
  const judged = o.kept + o.broken;
  return judged ? o.kept / judged : null;
}
