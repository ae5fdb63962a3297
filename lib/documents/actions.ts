import { z } from "zod";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { saveBankAccount } from "./bank-accounts";
import { updateLetterhead } from "./update-letterhead";

// Server-action definitions for the letterhead (admin only); pages bind them by name (lib/server-actions).

const line = (max = 200) =>
  z.string({ message: "This field is missing." }).trim().max(max, `Keep it under ${max} characters.`);

export const updateLetterheadAction = actionDefinition({
  name: "documents.update_letterhead",
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
    region: line(50),
    country: line(),
    phone: z.string().trim().min(3, "Letters must give a phone number.").max(50, "Keep it under 50 characters."),
    email: z.email("Letters must give a valid email address."),
    website: line(),
    registrationNumber: line(50),
    vatNumber: line(50),
    // Other accepted payment methods, printed as written; the bank transfer comes from the bank accounts.
    paymentInstructions: z.string().trim().max(1000, "Keep it under 1000 characters."),
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

// Spaces are kept as typed ("NO93 8601 1117 947" prints as the bank writes it).
const code = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep the ${what} under ${max} characters.`)
    .regex(/^[A-Za-z0-9 .-]*$/, `The ${what} has letters, digits and spaces only.`);

export const saveBankAccountAction = actionDefinition({
  name: "documents.save_bank_account",
  roles: ADMIN_ONLY,
  schema: z.object({
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, "A three-letter currency code, e.g. NOK."),
    bankName: line(100),
    iban: code(42, "IBAN")
      .transform((v) => v.toUpperCase())
      .refine(
        (v) => v === "" || /^[A-Z]{2}\d{2}[A-Z0-9 ]{8,}$/.test(v),
        "An IBAN starts with the country and two digits.",
      ),
    bic: code(11, "BIC")
      .transform((v) => v.toUpperCase())
      .refine(
        (v) => v === "" || /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(v),
        "A BIC has 8 or 11 letters and digits.",
      ),
    accountNumber: code(40, "account number"),
    usesKid: z.literal("on").optional(),
    remove: z.literal("on").optional(),
  }),
  run: async (ctx, input) => {
    const { usesKid, remove, ...account } = input;
    await saveBankAccount(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      account: { ...account, usesKid: usesKid === "on" },
      remove: remove === "on",
    });
    return {
      message: remove
        ? `${account.currency} account removed.`
        : `${account.currency} account saved. Letters in ${account.currency} sent from now on ask for payment to it.`,
    };
  },
});
