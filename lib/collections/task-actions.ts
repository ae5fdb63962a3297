import { z } from "zod";
import { dateOnlyField, idField, requiredTextField, textField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { CONTACT_TYPES } from "./contact-types";
import { cancelFollowUp, completeFollowUp, completeReview, scheduleFollowUp } from "./follow-ups";
import { addInternalNote } from "./internal-notes";

// Server-action definitions for a collector's own tasks on an account: call-backs
// and internal notes. Each returns the customer it touched, to refresh its page.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });

export const scheduleFollowUpAction = actionDefinition({
  name: "collections.schedule_follow_up",
  roles: WORKING_ROLES,
  schema: z.object({
    customerId: idField("a customer"),
    dueOn: dateOnlyField,
    note: requiredTextField("what to call about"),
  }),
  run: async (ctx, input) => {
    const { customerId } = await scheduleFollowUp(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      now: clockNow(),
    });
    return { message: `Call-back planned for ${input.dueOn}.`, data: { customerId } };
  },
});

export const completeFollowUpAction = actionDefinition({
  name: "collections.complete_follow_up",
  roles: WORKING_ROLES,
  schema: z.object({
    followUpId: idField("a call-back"),
    type: z.enum(Object.keys(CONTACT_TYPES) as [string, ...string[]], "Choose what happened."),
    occurredOn: dateOnlyField,
    time: z.string({ message: "Enter a time." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time as HH:MM."),
    note: textField(2000),
  }),
  run: async (ctx, input) => {
    const { label: _label, ...type } = CONTACT_TYPES[input.type];
    const { customerId } = await completeFollowUp(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      followUpId: input.followUpId,
      ...type,
      occurredOn: input.occurredOn,
      time: input.time,
      note: input.note,
      now: clockNow(),
    });
    return { message: "Call-back done; the contact is logged.", data: { customerId } };
  },
});

export const cancelFollowUpAction = actionDefinition({
  name: "collections.cancel_follow_up",
  roles: WORKING_ROLES,
  schema: z.object({ followUpId: idField("a call-back") }),
  run: async (ctx, input) => {
    const { customerId } = await cancelFollowUp(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      now: clockNow(),
    });
    return { message: "Call-back cancelled (kept in the list as cancelled).", data: { customerId } };
  },
});

export const addInternalNoteAction = actionDefinition({
  name: "collections.add_internal_note",
  roles: WORKING_ROLES,
  schema: z.object({ customerId: idField("a customer"), body: requiredTextField("the note", 4000) }),
  run: async (ctx, input) => {
    const { customerId } = await addInternalNote(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input });
    return { message: "Internal note added (not sent to the customer).", data: { customerId } };
  },
});

export const completeReviewAction = actionDefinition({
  name: "collections.complete_review",
  roles: WORKING_ROLES,
  schema: z.object({ followUpId: idField("a review"), note: requiredTextField("what the review found") }),
  run: async (ctx, input) => {
    const { customerId } = await completeReview(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      ...input,
      now: clockNow(),
    });
    return { message: "Review done.", data: { customerId } };
  },
});
