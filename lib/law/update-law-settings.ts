import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { getLawSettings } from "./law-settings";

// A checkbox posts "on" when ticked and nothing otherwise.
const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.boolean()], { message: "Tick or untick." })
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);
const optionalText = (re: RegExp, message: string) =>
  z
    .string({ message })
    .trim()
    .max(20, message)
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || re.test(v), message);

export const lawSettingsSchema = z.object({
  statutoryInterest: checkbox,
  statutoryCompensation: checkbox,
  reminderFee: checkbox,
  italyDiffida: checkbox,
  contactBeforeLetter1: z.enum(["profile", "yes", "no"], {
    message: "Choose whether letter 1 needs a logged contact.",
  }),
  contractualInterestPercent: optionalText(
    /^\d{1,2}(\.\d{1,4})?$/,
    "Enter a yearly percentage like 1.5, or leave empty.",
  ),
  flatFeeMinor: optionalText(/^\d{1,9}$/, "Enter the fee in cents (a whole number), or leave empty."),
  flatFeeCurrency: optionalText(/^[A-Z]{3}$/, "Enter a currency code like USD, or leave empty."),
});
export type LawSettingsInput = z.input<typeof lawSettingsSchema>;

/** Admins switch each charge on or off; the before/after goes to the audit log in the same transaction. */
export async function updateLawSettings(
  db: Db,
  opts: { orgId: string; actor: { userId: string; role: Role }; input: z.output<typeof lawSettingsSchema> },
) {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can change the charges.");
  const i = opts.input;
  if ((i.flatFeeMinor === null) !== (i.flatFeeCurrency === null))
    throw new AppError("INVALID_INPUT", "A flat fee needs both an amount and a currency.", {
      flatFeeCurrency: ["Give both, or neither."],
    });
  const after = {
    statutoryInterest: i.statutoryInterest,
    statutoryCompensation: i.statutoryCompensation,
    reminderFee: i.reminderFee,
    italyDiffida: i.italyDiffida,
    contactBeforeLetter1: i.contactBeforeLetter1 === "profile" ? null : i.contactBeforeLetter1 === "yes",
    contractualInterestPercent: i.contractualInterestPercent,
    flatFeeMinor: i.flatFeeMinor === null ? null : Number(i.flatFeeMinor),
    flatFeeCurrency: i.flatFeeCurrency,
  };
  await db.$transaction(async (tx) => {
    const before = await getLawSettings(tx, opts);
    const row = { ...after, flatFeeMinor: after.flatFeeMinor === null ? null : BigInt(after.flatFeeMinor) };
    await tx.lawSettings.upsert({
      where: { orgId: opts.orgId },
      create: { orgId: opts.orgId, ...row, updatedById: opts.actor.userId },
      update: { ...row, updatedById: opts.actor.userId },
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      { kind: "law.settings_updated", payload: { before: { ...before }, after } },
    );
  });
  return { message: "Charges saved; they apply to letters sent from now on." };
}
