import { z } from "zod";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { updateLetterhead } from "./update-letterhead";

// Server-action definitions for the letterhead (admin only); app/ wraps them with defineAction.

const line = (max = 200) =>
  z.string({ message: "This field is missing." }).trim().max(max, `Keep it under ${max} characters.`);

export const updateLetterheadAction = actionDefinition({
  name: "settings.update_letterhead",
  roles: ADMIN_ONLY,
  schema: z.object({
    name: z
      .string()
      .trim()
      .min(1, "The organization's name heads every letter.")
      .max(200, "Keep it under 200 characters."),
    addressLine1: line(),
    addressLine2: line(),
    postalCode: line(20),
    city: line(),
    country: line(),
    phone: z.string().trim().min(3, "Letters must give a phone number.").max(50, "Keep it under 50 characters."),
    email: z.email("Letters must give a valid email address."),
    website: line(),
    paymentInstructions: z
      .string()
      .trim()
      .min(5, "Say how to pay (bank account, reference).")
      .max(1000, "Keep it under 1000 characters."),
    logo: z.instanceof(File, { message: "Choose a PNG or JPEG file." }).optional(),
    removeLogo: z.literal("on").optional(),
  }),
  run: async (ctx, input) => {
    const { logo, removeLogo, ...fields } = input;
    const bytes = logo && logo.size > 0 ? new Uint8Array(await logo.arrayBuffer()) : null;
    await updateLetterhead(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      fields,
      logo: bytes,
      removeLogo: removeLogo === "on",
    });
    return { message: "Letterhead saved. Letters sent from now on carry it; letters already sent keep theirs." };
  },
});
