import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";
import { jobType } from "@/lib/jobs/define-task";
import { addJobs } from "@/lib/jobs/queue";
import type { WebhookEventType } from "./event-types";

/** One try of one webhook delivery (lib/webhooks/deliver-webhook.ts runs it). */
export const WEBHOOK_DELIVERY_JOB = jobType("webhooks.deliver", z.object({ deliveryId: z.uuid(), attempt: z.int() }));

/**
 * Reports a change to the organization's webhook endpoints that want its type:
 * a delivery row per endpoint (the body as it will be sent) and its first job,
 * in the caller's transaction, so an event is queued exactly when its change
 * commits and never for a change that rolled back. With no endpoint listening
 * it is one INSERT … SELECT that inserts nothing.
 */
export async function emitEvent(
  tx: DbOrTx,
  event: { orgId: string; type: WebhookEventType; data: Record<string, unknown>; at: Date },
): Promise<number> {
  const body = { type: event.type, timestamp: event.at.toISOString(), data: event.data };
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_type, payload)
    SELECT gen_random_uuid(), e.org_id, e.id, ${event.type}, ${JSON.stringify(body)}::jsonb
    FROM webhook_endpoints e
    WHERE e.org_id = ${event.orgId}::uuid AND e.enabled AND e.events ? ${event.type}
    RETURNING id`;
  if (rows.length)
    await addJobs(
      tx,
      WEBHOOK_DELIVERY_JOB,
      rows.map((r) => ({ payload: { deliveryId: r.id, attempt: 1 }, jobKey: `webhook:${r.id}:1` })),
      { maxAttempts: 1 },
    );
  return rows.length;
}
