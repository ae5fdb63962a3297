import { z } from "zod";
import { idField, sendKeyField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY, WORKING_ROLES } from "@/lib/auth/roles";
import { emailSettingsSchema, removeEmailSettings, saveEmailSettings } from "./email-settings";
import { retryEmailDelivery } from "./request-email-delivery";
import { sendTestEmail } from "./send-test-email";

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

/** Settings → Email: the organization's own SMTP server and sender (admin only). */
export const saveEmailSettingsAction = actionDefinition({
  name: "delivery.save_email_settings",
  roles: ADMIN_ONLY,
  schema: emailSettingsSchema,
  run: async (ctx, input) => {
    const { password } = await saveEmailSettings(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      input,
    });
    const said = { set: " Password set.", replaced: " Password replaced.", removed: " Password removed." } as const;
    return {
      message: `Email settings saved: letters and statements go through ${input.host} from now on.${password in said ? said[password as keyof typeof said] : ""} Send a test email to check them.`,
    };
  },
});

/** Back to the server's default (SMTP_URL, or the outbox). */
export const removeEmailSettingsAction = actionDefinition({
  name: "delivery.remove_email_settings",
  roles: ADMIN_ONLY,
  schema: z.object({ confirm: z.literal("on", { message: "Tick the box to confirm." }) }),
  run: async (ctx) => {
    await removeEmailSettings(ctx.db, { orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role } });
    return { message: "Email settings removed: email goes through the server's default again." };
  },
});

/** "Send a test email" through the saved settings: the server's own answer, or what went wrong. */
export const sendTestEmailAction = actionDefinition({
  name: "delivery.send_test_email",
  roles: ADMIN_ONLY,
  schema: z.object({ to: z.email("A valid email address to send the test to.").max(320) }),
  run: async (ctx, input) => {
    const { answer } = await sendTestEmail(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      to: input.to,
    });
    return { message: `Sent to ${input.to}. The server answered: ${answer}` };
  },
});
