import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { addJob } from "@/lib/jobs/queue";
import { REFRESH_ACCOUNT_WORK_JOB } from "./account-work-tasks";
import { getPolicySettings, type PolicySettingsInput, policySettingsSchema } from "./policy-settings";

/** Admins edit the stage timing; the change and its before/after go to the audit log together. */
export async function updatePolicy(db: Db, input: { orgId: string; actor: Actor; settings: PolicySettingsInput }) {
  if (input.actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an administrator can change the collection policy.");
  const parsed = policySettingsSchema.safeParse(input.settings);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".")] ??= []).push(issue.message);
    throw new AppError("INVALID_INPUT", "Some fields need attention.", fieldErrors);
  }
  const after = parsed.data;
  return db.$transaction(async (tx) => {
    const current = await getPolicySettings(tx, input);
    const before = {
      letter1AfterDueDays: current.letter1AfterDueDays,
      letter2AfterDays: current.letter2AfterDays,
      letter3AfterDays: current.letter3AfterDays,
      letter4AfterDeadlineDays: current.letter4AfterDeadlineDays,
      deadlineDays1: current.deadlineDays[0],
      deadlineDays2: current.deadlineDays[1],
      deadlineDays3: current.deadlineDays[2],
      deadlineDays4: current.deadlineDays[3],
    };
    await tx.collectionPolicy.upsert({
      where: { orgId: input.orgId },
      create: { orgId: input.orgId, ...after, updatedById: input.actor.userId },
      update: { ...after, updatedById: input.actor.userId },
    });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      { kind: "policy.updated", payload: { before, after } },
    );
    // Every account is judged again under the new timing; the worker does it ahead of the next worklist view.
    await addJob(
      tx,
      REFRESH_ACCOUNT_WORK_JOB,
      { orgId: input.orgId },
      { jobKey: `refresh-account-work:${input.orgId}`, maxAttempts: 3 },
    );
  });
}
