"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/actions/define-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { policySettingsSchema } from "@/lib/collections/policy-settings";
import { updatePolicy } from "@/lib/collections/update-policy";
import { db } from "@/lib/db/client";

export const updatePolicyAction = defineAction({
  roles: ADMIN_ONLY,
  schema: policySettingsSchema,
  run: async (ctx, settings) => {
    await updatePolicy(db(), { orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role }, settings });
    revalidatePath("/settings/policy");
    revalidatePath("/worklist");
    return { message: "Policy saved; the worklist follows it from now on." };
  },
});
