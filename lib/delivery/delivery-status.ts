import type { DbOrTx } from "@/lib/db/client";
import { MAX_DELIVERY_ATTEMPTS } from "./constants";

// A letter's email delivery state, derived from the append-only rows: the
// newest delivery request and the newest result of it.

export type DeliveryState = "queued" | "accepted" | "failed";

export interface DeliveryStatus {
  state: DeliveryState;
  deliveryId: string;
  recipient: string;
  requestedAt: Date;
  transport: string | null;
  attempt: number;
  /** The error of the newest failed try. */
  error: string;
  /** A failed try that the queue will still retry by itself. */
  retrying: boolean;
  at: Date;
}

export async function deliveryStatuses(
  tx: DbOrTx,
  opts: { orgId: string; letterIds: string[] },
): Promise<Map<string, DeliveryStatus>> {
  const out = new Map<string, DeliveryStatus>();
  if (!opts.letterIds.length) return out;
  const deliveries = await tx.letterDelivery.findMany({
    where: { orgId: opts.orgId, letterId: { in: opts.letterIds } },
    orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
    include: { results: { orderBy: { attempt: "desc" }, take: 1 } },
  });
  for (const d of deliveries) {
    if (out.has(d.letterId)) continue;
    const result = d.results[0];
    out.set(d.letterId, {
      state: !result ? "queued" : result.outcome === "ACCEPTED" ? "accepted" : "failed",
      deliveryId: d.id,
      recipient: d.recipient,
      requestedAt: d.requestedAt,
      transport: result?.transport ?? null,
      attempt: result?.attempt ?? 0,
      error: result?.outcome === "FAILED" ? result.error : "",
      retrying: result?.outcome === "FAILED" && result.attempt < MAX_DELIVERY_ATTEMPTS,
      at: result?.occurredAt ?? d.requestedAt,
    });
  }
  return out;
}

/** Letters of the organization whose newest email delivery failed (worklist banner, outbox page). */
export async function failedDeliveries(tx: DbOrTx, opts: { orgId: string; limit?: number }) {
  const rows = await tx.$queryRaw<{ letter_id: string }[]>`
    SELECT DISTINCT ON (d.letter_id) d.letter_id, r.outcome
      FROM letter_deliveries d
      LEFT JOIN LATERAL (
        SELECT outcome FROM letter_delivery_results r WHERE r.delivery_id = d.id ORDER BY attempt DESC LIMIT 1
      ) r ON true
     WHERE d.org_id = ${opts.orgId}::uuid
     ORDER BY d.letter_id, d.requested_at DESC, d.id DESC`;
  const failedIds = (rows as { letter_id: string; outcome: string | null }[])
    .filter((r) => r.outcome === "FAILED")
    .map((r) => r.letter_id);
  if (!failedIds.length) return [];
  const statuses = await deliveryStatuses(tx, { orgId: opts.orgId, letterIds: failedIds });
  const letters = await tx.letter.findMany({
    where: { id: { in: failedIds } },
    select: { id: true, stage: true, customerId: true, customer: { select: { name: true } } },
    take: opts.limit ?? 50,
  });
  return letters.map((l) => ({
    letterId: l.id,
    stage: l.stage,
    customerId: l.customerId,
    customerName: l.customer.name,
    status: statuses.get(l.id)!,
  }));
}
