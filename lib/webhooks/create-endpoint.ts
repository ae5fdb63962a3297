import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { WEBHOOK_EVENT_TYPES } from "@/lib/events/event-types";
import { publicAddressesOf } from "./address-guard";
import { newWebhookSecret } from "./signing";

export const webhookUrlField = z
  .url({ protocol: /^https?$/, message: "Give the receiver's address, https://…" })
  .max(2000, "At most 2000 characters.")
  .refine(
    (u) => URL.canParse(u) && !new URL(u).username && !new URL(u).password,
    "Put no user name or password in the address.",
  );

export const webhookEventsField = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { message: `Events are ${WEBHOOK_EVENT_TYPES.join(", ")}.` }))
  .min(1, "Choose at least one event.");

/**
 * Registers an endpoint after checking its address is on the internet (or
 * the operator allows private ones), with a new signing secret, audited. The
 * secret is returned here once; deliveries sign with it from then on.
 */
export async function createWebhookEndpoint(
  db: Db,
  input: { orgId: string; userId: string | null; ip?: string; url: string; events: string[] },
) {
  const url = webhookUrlField.parse(input.url);
  const events = [...new Set(webhookEventsField.parse(input.events))];
  try {
    await publicAddressesOf(new URL(url).hostname);
  } catch (error) {
    const message = (error as Error).message;
    throw new AppError("INVALID_INPUT", message, { url: [message] });
  }
  const secret = newWebhookSecret();
  return db.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { orgId: input.orgId, url, events, secret, createdById: input.userId },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.userId, ip: input.ip },
      { kind: "webhook_endpoint.created", payload: { endpointId: endpoint.id, url, events } },
    );
    return { id: endpoint.id, url, events, secret };
  });
}
