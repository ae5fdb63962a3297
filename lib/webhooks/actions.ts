import { z } from "zod";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { createWebhookEndpoint, webhookEventsField, webhookUrlField } from "./create-endpoint";

// Settings → Webhooks (admins only). The signing secret is in the result's data, shown once by the form.

export const createWebhookEndpointAction = actionDefinition({
  name: "webhooks.create_endpoint",
  roles: ADMIN_ONLY,
  listFields: ["events"],
  schema: z.object({ url: webhookUrlField, events: webhookEventsField }),
  run: async (ctx, input) => {
    const endpoint = await createWebhookEndpoint(ctx.db, {
      orgId: ctx.orgId,
      userId: ctx.userId,
      ip: ctx.ip,
      ...input,
    });
    return {
      message: `Endpoint ${endpoint.url} registered. Copy its signing secret now: it is shown this once.`,
      data: { endpointId: endpoint.id, secret: endpoint.secret },
    };
  },
});
