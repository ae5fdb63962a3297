"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { recordTrackingNumber } from "@/lib/collections/record-tracking-number";
import { db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";

export const recordTrackingAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ letterId: z.uuid(), trackingNumber: z.string().max(100).default("") }),
  run: async (ctx, input) => {
    await recordTrackingNumber(db(), { orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role }, ...input, now: clockNow() });
    revalidatePath(`/letters/${input.letterId}`);
    revalidatePath("/worklist");
    return { message: "Tracking number recorded." };
  },
});
