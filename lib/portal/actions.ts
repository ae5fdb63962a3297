import { z } from "zod";
import { currencyField, idField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { clockNow } from "@/lib/time/dates";
import { decideProposal, markRequestRead, revokePortalLinks } from "./handle-request";

// The collector's side of the customer's page. (The customer's own submissions are
// not session actions: app/p/[token]/actions.ts calls submit-request.ts with the link.)

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });

export const markRequestReadAction = actionDefinition({
  name: "portal.mark_read",
  roles: WORKING_ROLES,
  schema: z.object({ requestId: idField("a request") }),
  run: async (ctx, input) => ({
    message: "Marked as read.",
    data: await markRequestRead(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      requestId: input.requestId,
      now: clockNow(),
    }),
  }),
});

export const decideProposalAction = actionDefinition({
  name: "portal.decide_proposal",
  roles: WORKING_ROLES,
  schema: z.object({
    requestId: idField("a request"),
    decision: z.enum(["accept", "decline"], "Choose accept or decline."),
  }),
  run: async (ctx, input) => ({
    message: input.decision === "accept" ? "Accepted: the letters wait as for any promise or plan." : "Declined.",
    data: await decideProposal(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      requestId: input.requestId,
      accept: input.decision === "accept",
      now: clockNow(),
    }),
  }),
});

export const revokePortalLinksAction = actionDefinition({
  name: "portal.revoke_links",
  roles: WORKING_ROLES,
  schema: z.object({ customerId: idField("a customer"), currency: currencyField }),
  run: async (ctx, input) => ({
    message: `The customer's ${input.currency} page links no longer work. The next letter prints a new one.`,
    data: await revokePortalLinks(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), ...input, now: clockNow() }),
  }),
});
