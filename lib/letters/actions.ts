import { z } from "zod";
import { currencyField, idField, textField, wholeNumberField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import type { Actor } from "@/lib/collections/actor";
import { recordTrackingNumber } from "@/lib/collections/record-tracking-number";
import type { Stage } from "@/lib/collections/stage";
import { clockNow } from "@/lib/time/dates";
import { startBulkSend } from "./bulk-send";
import { sendNextLetter } from "./send-next-letter";

// Server-action definitions for letters: sending one, sending all due, recording a
// tracking number. The routes' actions.ts wrap them with defineAction. The first two
// keep their "collections." names, which the role-matrix table and error logs use.

const actor = (ctx: ActionContext): Actor => ({ userId: ctx.userId, role: ctx.role });
const account = { customerId: idField("a customer"), currency: currencyField };
const stageField = wholeNumberField("the letter's stage", 1, 4);

export const recordTrackingAction = actionDefinition({
  name: "letters.record_tracking",
  roles: WORKING_ROLES,
  schema: z.object({ letterId: idField("a letter"), trackingNumber: textField(100) }),
  run: async (ctx, input) => {
    const { letterId } = await recordTrackingNumber(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      ...input,
      now: clockNow(),
    });
    return { message: "Tracking number recorded.", data: { letterId } };
  },
});

export const sendLetterAction = actionDefinition({
  name: "collections.send_letter",
  roles: WORKING_ROLES,
  // overrideReason is only on the form when an admin sends early; delivery is
  // "post" unless the collector chooses email (the letter is still stored first).
  schema: z.object({
    ...account,
    stage: stageField,
    overrideReason: textField(2000).optional(),
    delivery: z.enum(["post", "email"], "Choose post or email.").default("post"),
  }),
  run: async (ctx, input) => {
    const sent = await sendNextLetter(ctx.db, {
      orgId: ctx.orgId,
      actor: actor(ctx),
      customerId: input.customerId,
      currency: input.currency,
      stage: input.stage as Stage,
      overrideReason: input.overrideReason || null,
      byEmail: input.delivery === "email",
      now: clockNow(),
    });
    return { message: `Letter ${sent.stage} sent.`, data: { letterId: sent.letterId, customerId: input.customerId } };
  },
});

// "Send all due letters" starts a run on the job queue (lib/letters/bulk-send.ts);
// the page then polls GET /api/bulk-sends/latest for its progress.
// biome-ignore lint/complexity/noBannedTypes: the action takes no fields; zod types that as {}
export const startBulkSendAction = actionDefinition<z.ZodObject<{}>, { bulkSendId: string | null; total: number }>({
  name: "collections.start_bulk_send",
  roles: WORKING_ROLES,
  schema: z.object({}),
  run: async (ctx) => {
    const started = await startBulkSend(ctx.db, { orgId: ctx.orgId, actor: actor(ctx), now: clockNow() });
    if (!started) return { message: "No letters are due.", data: { bulkSendId: null, total: 0 } };
    const n = started.total;
    return { message: `Sending ${n} letter${n === 1 ? "" : "s"}…`, data: started };
  },
});
