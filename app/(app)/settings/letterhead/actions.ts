"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { updateLetterhead } from "@/lib/documents/update-letterhead";

const line = (max = 200) => z.string().trim().max(max, `Keep it under ${max} characters.`).default("");

export const updateLetterheadAction = defineAction({
  roles: ADMIN_ONLY,
  schema: z.object({
    name: z.string().trim().min(1, "The organization's name heads every letter.").max(200),
    addressLine1: line(), addressLine2: line(), postalCode: line(20), city: line(), country: line(),
    phone: z.string().trim().min(3, "Letters must give a phone number.").max(50),
    email: z.email("Letters must give a valid email address."),
    website: line(),
    paymentInstructions: z.string().trim().min(5, "Say how to pay (bank account, reference).").max(1000),
    logo: z.instanceof(File).optional(),
    removeLogo: z.literal("on").optional(),
  }),
  run: async (ctx, input) => {
    const { logo, removeLogo, ...fields } = input;
    const bytes = logo && logo.size > 0 ? new Uint8Array(await logo.arrayBuffer()) : null;
    await updateLetterhead(db(), { orgId: ctx.orgId, actor: { userId: ctx.userId, role: ctx.role }, fields, logo: bytes, removeLogo: removeLogo === "on" });
    revalidatePath("/settings/letterhead");
    return { message: "Letterhead saved. Letters sent from now on carry it; letters already sent keep theirs." };
  },
});
