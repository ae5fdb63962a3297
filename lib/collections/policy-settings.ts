import { z } from "zod";
import type { DbOrTx } from "@/lib/db/client";

/** The admin-editable stage timing; defaults from the domain guide. */
export interface PolicySettings {
  letter1AfterDueDays: number;
  letter2AfterDays: number;
  letter3AfterDays: number;
  letter4AfterDeadlineDays: number;
  /** Minimum days from sending to the payment deadline, index = stage - 1. */
  deadlineDays: [number, number, number, number];
}

export const DEFAULT_POLICY: PolicySettings = {
  letter1AfterDueDays: 1,
  letter2AfterDays: 14,
  letter3AfterDays: 14,
  letter4AfterDeadlineDays: 1,
  deadlineDays: [14, 14, 14, 14],
};

const days = (max: number) => z.coerce.number({ message: "Enter a number of days." }).int("Whole days only.").min(1, "At least 1 day.").max(max, `At most ${max} days.`);

export const policySettingsSchema = z.object({
  letter1AfterDueDays: days(365),
  letter2AfterDays: days(365),
  letter3AfterDays: days(365),
  letter4AfterDeadlineDays: days(365),
  deadlineDays1: days(90),
  deadlineDays2: days(90),
  deadlineDays3: days(90),
  deadlineDays4: days(90),
});
export type PolicySettingsInput = z.infer<typeof policySettingsSchema>;

export async function getPolicySettings(tx: DbOrTx, opts: { orgId: string }): Promise<PolicySettings> {
  const row = await tx.collectionPolicy.findUnique({ where: { orgId: opts.orgId } });
  if (!row) return DEFAULT_POLICY;
  return {
    letter1AfterDueDays: row.letter1AfterDueDays,
    letter2AfterDays: row.letter2AfterDays,
    letter3AfterDays: row.letter3AfterDays,
    letter4AfterDeadlineDays: row.letter4AfterDeadlineDays,
    deadlineDays: [row.deadlineDays1, row.deadlineDays2, row.deadlineDays3, row.deadlineDays4],
  };
}
