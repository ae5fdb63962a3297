import { z } from "zod";
import { idField, textField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { recordTrackingNumber } from "@/lib/collections/record-tracking-number";
import { clockNow } from "@/lib/time/dates";

// Server-action definitions for sent letters; the letter route's actions.ts wraps them.

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
