import { z } from "zod";
import { idField, sendKeyField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { retryEmailDelivery } from "./request-email-delivery";

// Server-action definitions for email delivery; pages bind them by name (lib/server-actions).

/** Sends a stored letter by email, or retries a failed delivery: a new delivery row, never an update. */
export const emailLetterAction = actionDefinition({
  name: "delivery.email_letter",
  roles: WORKING_ROLES,
  schema: z.object({ letterId: idField("a letter"), idempotencyKey: sendKeyField }),
  run: async (ctx, input) => {
    const { recipient } = await retryEmailDelivery(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      letterId: input.letterId,
      idempotencyKey: input.idempotencyKey,
    });
    return { message: `Queued for ${recipient}.`, data: { letterId: input.letterId } };
  },
});
