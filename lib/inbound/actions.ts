import { z } from "zod";
import { currencyField, idField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { ADMIN_ONLY, WORKING_ROLES } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { assignReply, markReplyRead } from "./handle-reply";
import { REPLY_DOMAIN, setReplyDomain } from "./set-reply-domain";

// A collector's answers to replies that came back by email, and the admin's reply domain.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });

export const markReplyReadAction = actionDefinition({
  name: "inbound.mark_read",
  roles: WORKING_ROLES,
  schema: z.object({ messageId: idField("a reply") }),
  run: async (ctx, input) => ({
    message: "Marked as read: the reply no longer holds the next letter.",
    data: await markReplyRead(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      messageId: input.messageId,
      now: clockNow(),
    }),
  }),
});

export const assignReplyAction = actionDefinition({
  name: "inbound.assign",
  roles: WORKING_ROLES,
  schema: z.object({
    messageId: idField("a reply"),
    customerId: idField("a customer"),
    // "": the reply concerns the customer, not one currency's account.
    currency: z.union([z.literal(""), currencyField], "Choose a currency, or none."),
  }),
  run: async (ctx, input) => ({
    message: "Filed on the customer: it is in the contact history and holds the next letter until read.",
    data: await assignReply(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      messageId: input.messageId,
      customerId: input.customerId,
      currency: input.currency || null,
      now: clockNow(),
    }),
  }),
});

export const setReplyDomainAction = actionDefinition({
  name: "inbound.set_reply_domain",
  roles: ADMIN_ONLY,
  schema: z.object({
    // Empty: no reply address on outgoing mail.
    replyDomain: z
      .string()
      .trim()
      .toLowerCase()
      .max(253)
      .refine((d) => d === "" || REPLY_DOMAIN.test(d), "Write a domain name, like replies.example.com."),
  }),
  run: async (ctx, input) => {
    const replyDomain = input.replyDomain || null;
    await setReplyDomain(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), replyDomain });
    return {
      message: replyDomain
        ? `Replies to your emails now go to addresses at ${replyDomain}.`
        : "Emails no longer carry a reply address.",
    };
  },
});
