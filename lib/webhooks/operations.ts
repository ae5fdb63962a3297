import { z } from "zod";
import { defineOperation } from "@/lib/api-runtime/define-operation";
import { createWebhookEndpoint, webhookEventsField, webhookUrlField } from "./create-endpoint";

const created = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    secret: z
      .string()
      .meta({ description: "whsec_…: verify each delivery's webhook-signature with it. Shown this once." }),
  })
  .meta({ id: "WebhookEndpoint" });

export const postWebhookEndpoint = defineOperation({
  operationId: "postWebhookEndpoint",
  method: "POST",
  path: "/webhook-endpoints",
  tag: "Webhooks",
  summary: "Register a webhook endpoint (the secret is answered once)",
  description:
    "Deliveries are signed as Standard Webhooks says (webhook-id, webhook-timestamp, webhook-signature: v1, HMAC-SHA256 over id.timestamp.body with the secret), retried with backoff for about a day, and the endpoint is switched off when a delivery fails for a whole day. Private addresses (loopback, RFC 1918, link-local) are refused unless the operator allows them.",
  scope: "write",
  body: z
    .object({
      url: webhookUrlField.meta({ example: "https://erp.example.com/hooks/dunning" }),
      events: webhookEventsField,
    })
    .meta({ id: "WebhookEndpointInput" }),
  example: { body: { url: "http://127.0.0.1:{receiverPort}/hooks", events: ["letter.sent", "payment.recorded"] } },
  responses: { 201: { description: "Registered.", schema: created } },
  run: async (ctx, { body }) => {
    const endpoint = await createWebhookEndpoint(ctx.db, {
      orgId: ctx.orgId,
      userId: ctx.actor.userId,
      ip: ctx.ip,
      url: body.url,
      events: body.events,
    });
    return { status: 201, body: endpoint };
  },
});

export const WEBHOOK_OPERATIONS = [postWebhookEndpoint];
