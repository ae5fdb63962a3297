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

type DeliveryRow = {
  id: string;
  recipient: string;
  requestedAt: Date;
  results: { outcome: string; transport: string; attempt: number; error: string; occurredAt: Date }[];
};

function statusOf(d: DeliveryRow): DeliveryStatus {
  const result = d.results[0];
  return {
    state: !result ? "queued" : result.outcome === "ACCEPTED" ? "accepted" : "failed",
    deliveryId: d.id,
    recipient: d.recipient,
    requestedAt: d.requestedAt,
    transport: result?.transport ?? null,
    attempt: result?.attempt ?? 0,
    error: result?.outcome === "FAILED" ? result.error : "",
    retrying: result?.outcome === "FAILED" && result.attempt < MAX_DELIVERY_ATTEMPTS,
    at: result?.occurredAt ?? d.requestedAt,
  };
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
    if (!d.letterId || out.has(d.letterId)) continue;
    out.set(d.letterId, statusOf(d));
  }
  return out;
}

/** A letter or statement whose newest email delivery failed, with where to see it and retry. */
export interface FailedDelivery {
  /** The letter's or statement's id. */
  documentId: string;
  /** "Letter 2", "Statement of account". */
  label: string;
  /** A letter's page (retry there); a statement's customer page (email a new one there). */
  href: string;
  customerId: string;
  customerName: string;
  status: DeliveryStatus;
}

/** Letters and statements of the organization whose newest email delivery failed (worklist banner, outbox page). */
export async function failedDeliveries(tx: DbOrTx, opts: { orgId: string; limit?: number }): Promise<FailedDelivery[]> {
  const rows = await tx.$queryRaw<{ letter_id: string | null; statement_id: string | null; outcome: string | null }[]>`
    SELECT DISTINCT ON (coalesce(d.letter_id, d.statement_id)) d.letter_id, d.statement_id, r.outcome
      FROM letter_deliveries d
      LEFT JOIN LATERAL (
        SELECT outcome FROM letter_delivery_results r WHERE r.delivery_id = d.id ORDER BY attempt DESC LIMIT 1
      ) r ON true
     WHERE d.org_id = ${opts.orgId}::uuid
     ORDER BY coalesce(d.letter_id, d.statement_id), d.requested_at DESC, d.id DESC`;
  const failed = rows.filter((r) => r.outcome === "FAILED");
  const failedIds = failed.flatMap((r) => (r.letter_id ? [r.letter_id] : []));
  const failedStatementIds = failed.flatMap((r) => (r.statement_id ? [r.statement_id] : []));
  if (!failed.length) return [];
  const take = opts.limit ?? 50;
  const statuses = await deliveryStatuses(tx, { orgId: opts.orgId, letterIds: failedIds });
  const letters = await tx.letter.findMany({
    where: { id: { in: failedIds } },
    select: { id: true, stage: true, customerId: true, customer: { select: { name: true } } },
    take,
  });
  const statements = await tx.statement.findMany({
    where: { id: { in: failedStatementIds } },
    select: {
      id: true,
      customerId: true,
      customer: { select: { name: true } },
      deliveries: {
        orderBy: [{ requestedAt: "desc" }, { id: "desc" }],
        take: 1,
        include: { results: { orderBy: { attempt: "desc" }, take: 1 } },
      },
    },
    take,
  });
  return [
    ...letters.map((l) => ({
      documentId: l.id,
      label: `Letter ${l.stage}`,
      href: `/letters/${l.id}`,
      customerId: l.customerId,
      customerName: l.customer.name,
      status: statuses.get(l.id)!,
    })),
    ...statements.map((s) => ({
      documentId: s.id,
      label: "Statement of account",
      href: `/customers/${s.customerId}`,
      customerId: s.customerId,
      customerName: s.customer.name,
      status: statusOf(s.deliveries[0]),
    })),
  ].slice(0, take);
}
