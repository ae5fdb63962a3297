"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { retryEmailDelivery } from "@/lib/delivery/request-email-delivery";

export const emailLetterAction = defineAction({
  roles: WORKING_ROLES,
  schema: z.object({ letterId: z.uuid("That letter does not exist.") }),
  run: async (ctx, input) => {
    const { recipient } = await retryEmailDelivery(db(), { orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role }, letterId: input.letterId });
    revalidatePath(`/letters/${input.letterId}`);
    revalidatePath("/worklist");
    return { message: `Queued for ${recipient}.` };
  },
});
