import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { jobType } from "@/lib/jobs/define-task";
import { addJobs } from "@/lib/jobs/queue";
import type { WebhookEventType } from "./event-types";

/** One try of one webhook delivery (lib/webhooks/deliver-webhook.ts runs it). */
export const WEBHOOK_DELIVERY_JOB = jobType("webhooks.deliver", z.object({ deliveryId: z.uuid(), attempt: z.int() }));

export interface WebhookEvent {
  orgId: string;
  type: WebhookEventType;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * Reports a change to the organization's webhook endpoints that want its type:
 * a delivery row per endpoint (the body as it will be sent) and its first job,
 * in the caller's transaction, so an event is queued exactly when its change
 * commits and never for a change that rolled back. With no endpoint listening
 * it is one INSERT … SELECT that inserts nothing.
 */
export async function emitEvent(tx: DbOrTx, event: WebhookEvent): Promise<number> {
  return emitEvents(tx, event.orgId, [event]);
}

/**
 * Many events of one organization (a bank statement's payments): one query asks
 * which types any endpoint wants, then one INSERT … SELECT per 5,000 events and
 * one add_jobs call, instead of a round trip per event. Nobody listening: one query.
 */
export async function emitEvents(tx: DbOrTx, orgId: string, events: WebhookEvent[]): Promise<number> {
  if (!events.length) return 0;
  const wanted = await tx.$queryRaw<{ type: string }[]>`
    SELECT DISTINCT jsonb_array_elements_text(e.events) AS type FROM webhook_endpoints e
    WHERE e.org_id = ${orgId}::uuid AND e.enabled`;
  const types = new Set(wanted.map((w) => w.type));
  const bodies = events
    .filter((event) => event.orgId === orgId && types.has(event.type))
    .map((event) => ({ type: event.type, timestamp: event.at.toISOString(), data: event.data }));
  let queued = 0;
  for (let start = 0; start < bodies.length; start += 5000) {
    const part = bodies.slice(start, start + 5000);
    const rows = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_type, payload)
      SELECT gen_random_uuid(), e.org_id, e.id, b.body->>'type', b.body
      FROM jsonb_array_elements(${JSON.stringify(part)}::jsonb) WITH ORDINALITY AS b(body, n)
      JOIN webhook_endpoints e ON e.org_id = ${orgId}::uuid AND e.enabled AND e.events ? (b.body->>'type')
      ORDER BY b.n, e.id
      RETURNING id`;
    if (rows.length)
      await addJobs(
        tx,
        WEBHOOK_DELIVERY_JOB,
        rows.map((r) => ({ payload: { deliveryId: r.id, attempt: 1 }, jobKey: `webhook:${r.id}:1` })),
        { maxAttempts: 1 },
      );
    queued += rows.length;
  }
  return queued;
}
