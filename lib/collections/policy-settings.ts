import { z } from "zod";
import { wholeNumberField } from "@/lib/actions/fields";
import type { DbOrTx } from "@/lib/db/client";

/** The admin-editable stage timing; defaults from the domain guide. */
export interface PolicySettings {
  letter1AfterDueDays: number;
  letter2AfterDays: number;
  letter3AfterDays: number;
  letter4AfterDeadlineDays: number;
  /** Minimum days from sending to the payment deadline, index = stage - 1. */
  deadlineDays: [number, number, number, number];
  /** Letter 1 only after a logged reminder or call; null: the country profile's default. */
  requireContactBeforeLetter1: boolean | null;
}

export const DEFAULT_POLICY: PolicySettings = {
  letter1AfterDueDays: 1,
  letter2AfterDays: 14,
  letter3AfterDays: 14,
  letter4AfterDeadlineDays: 1,
  deadlineDays: [14, 14, 14, 14],
  requireContactBeforeLetter1: null,
};

// Not z.coerce.number(): it reads true as 1 and "" as 0.
const days = (max: number) => wholeNumberField("a number of days", 1, max, "day");

export const policySettingsSchema = z.object({
  letter1AfterDueDays: days(365),
  letter2AfterDays: days(365),
  letter3AfterDays: days(365),
  letter4AfterDeadlineDays: days(365),
  deadlineDays1: days(90),
  deadlineDays2: days(90),
  deadlineDays3: days(90),
  deadlineDays4: days(90),
  /** "profile": the customer's country decides; "required" / "off" override it. */
  contactBeforeLetter1: z.enum(["profile", "required", "off"]).default("profile"),
});

/** The form's three choices as the column stores them (null = the country's default). */
export const contactBeforeLetter1Value = (choice: "profile" | "required" | "off"): boolean | null =>
  choice === "profile" ? null : choice === "required";
export type PolicySettingsInput = z.input<typeof policySettingsSchema>;

export async function getPolicySettings(tx: DbOrTx, opts: { orgId: string }): Promise<PolicySettings> {
  const row = await tx.collectionPolicy.findUnique({ where: { orgId: opts.orgId } });
  if (!row) return DEFAULT_POLICY;
  return {
    letter1AfterDueDays: row.letter1AfterDueDays,
    letter2AfterDays: row.letter2AfterDays,
    letter3AfterDays: row.letter3AfterDays,
    letter4AfterDeadlineDays: row.letter4AfterDeadlineDays,
    deadlineDays: [row.deadlineDays1, row.deadlineDays2, row.deadlineDays3, row.deadlineDays4],
    requireContactBeforeLetter1: row.requireContactBeforeLetter1,
  };
}
