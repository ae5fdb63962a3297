import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { WEBHOOK_DELIVERY_JOB } from "@/lib/events/emit-event";
import { defineTask } from "@/lib/jobs/define-task";
import { addJob } from "@/lib/jobs/queue";
import { NOTICE_MAX_ATTEMPTS, WEBHOOK_DISABLED_NOTICE_JOB } from "./notify-admins";
import { postWebhook } from "./post-webhook";
import { signWebhook } from "./signing";

/**
 * Seconds to wait after each failed try: ten retries over about a day
 * (5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h = 23.7 h), the
 * Standard Webhooks guide's shape. After the last the endpoint has failed for
 * a day: it is switched off and the admins are told.
 */
export const RETRY_AFTER_SECONDS = [5, 30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 28_800];

/**
 * One try of a delivery: sign the stored body, POST it, log the try (status,
 * time taken), then mark it delivered or queue the next try on the schedule.
 * Each try is its own job whose key names the try, so a retried job never
 * sends a try twice (the attempt row's unique key makes a repeat a no-op).
 */
export async function deliverWebhook(db: Db, job: { deliveryId: string; attempt: number }, now = new Date()) {
  const delivery = await db.webhookDelivery.findUnique({ where: { id: job.deliveryId }, include: { endpoint: true } });
  if (delivery?.status !== "pending" || delivery.attempts >= job.attempt) return null;
  const { endpoint } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: "failed" } });
    return null;
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const id = `msg_${delivery.id}`;
  const result = await postWebhook(
    endpoint.url,
    {
      "webhook-id": id,
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(endpoint.secret, id, timestamp, body),
      "user-agent": "DunningDesk-Webhooks/1",
    },
    body,
  );
  const delivered = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  const retryIn = RETRY_AFTER_SECONDS[job.attempt - 1];
  await db.$transaction(async (tx) => {
    await tx.webhookAttempt.create({
      data: {
        deliveryId: delivery.id,
        attempt: job.attempt,
        statusCode: result.statusCode,
        durationMs: result.durationMs,
        error: result.error,
      },
    });
    await tx.webhookDelivery.update({
      where: { id: delivery.id },
      data: {
        attempts: job.attempt,
        status: delivered ? "delivered" : retryIn === undefined ? "failed" : "pending",
        deliveredAt: delivered ? now : null,
      },
    });
    if (delivered) return;
    if (retryIn !== undefined) {
      await addJob(
        tx,
        WEBHOOK_DELIVERY_JOB,
        { deliveryId: delivery.id, attempt: job.attempt + 1 },
        {
          jobKey: `webhook:${delivery.id}:${job.attempt + 1}`,
          maxAttempts: 1,
          runAt: new Date(now.getTime() + retryIn * 1000),
        },
      );
      return;
    }
    // Failed every try for a day: switch the endpoint off, so it stops costing every event a day of retries.
    const reason = `every try of a delivery failed for a day (last: ${result.error || "no answer"})`;
    const off = await tx.webhookEndpoint.updateMany({
      where: { id: endpoint.id, enabled: true },
      data: { enabled: false, disabledAt: now, disabledReason: reason },
    });
    if (!off.count) return;
    await recordAudit(
      tx,
      { orgId: endpoint.orgId, userId: null },
      { kind: "webhook_endpoint.disabled", payload: { endpointId: endpoint.id, url: endpoint.url, reason } },
    );
    // The admins are emailed by a job queued with the switch-off: it commits with it, and SMTP never holds this transaction.
    await addJob(
      tx,
      WEBHOOK_DISABLED_NOTICE_JOB,
      { endpointId: endpoint.id },
      { jobKey: `webhook-disabled:${endpoint.id}:${now.toISOString()}`, maxAttempts: NOTICE_MAX_ATTEMPTS },
    );
  });
  return { delivered, ...result };
}

export function webhookTasks(db: Db) {
  return defineTask({ ...WEBHOOK_DELIVERY_JOB, run: (payload) => deliverWebhook(db, payload) });
}
