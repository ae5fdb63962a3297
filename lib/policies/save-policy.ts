import { recordAudit } from "@/lib/audit/events";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { checkSteps, type PolicyStep, PolicyStepsError, readSteps } from "./policy-steps";

export interface PolicyEditor {
  orgId: string;
  userId: string;
  role: Role;
}

export function assertAdmin(editor: PolicyEditor) {
  if (editor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an administrator can change the collection policies.");
}

/** The worklist judges every account again on its next read; letters already sent are facts and stay as they are. */
export const markOrgStale = (tx: DbOrTx, orgId: string) =>
  tx.$executeRaw`UPDATE account_work SET stale = true WHERE org_id = ${orgId}::uuid AND NOT stale`;

/**
 * Creates or changes a named policy, with its before and after in the audit log.
 * Nothing sent changes: accounts take the new steps from their next step on.
 * Making it the default takes that from the policy that had it.
 */
export async function savePolicy(
  db: Db,
  input: PolicyEditor & { policyId: string | null; name: string; isDefault: boolean; steps: unknown },
): Promise<{ policyId: string }> {
  assertAdmin(input);
  let steps: PolicyStep[];
  try {
    steps = checkSteps(input.steps);
  } catch (error) {
    if (error instanceof PolicyStepsError) throw new AppError("INVALID_INPUT", error.message); // shown in the form's status line
    throw error;
  }
  const name = input.name.trim();
  if (name.toLowerCase() === "standard")
    throw new AppError("INVALID_INPUT", "“Standard” is the built-in policy: choose another name.", {
      name: ["“Standard” is the built-in policy (Settings → Policy): choose another name."],
    });
  return db.$transaction(async (tx) => {
    const before = input.policyId
      ? await tx.workflowPolicy.findFirst({ where: { id: input.policyId, orgId: input.orgId } })
      : null;
    if (input.policyId && !before) throw notFound("That policy");
    const clash = await tx.workflowPolicy.findFirst({
      where: { orgId: input.orgId, name, ...(before ? { id: { not: before.id } } : {}) },
      select: { id: true },
    });
    if (clash)
      throw new AppError("INVALID_INPUT", "Another policy has that name.", { name: ["Another policy has that name."] });
    if (input.isDefault)
      await tx.workflowPolicy.updateMany({
        where: { orgId: input.orgId, isDefault: true, ...(before ? { id: { not: before.id } } : {}) },
        data: { isDefault: false },
      });
    const data = { name, isDefault: input.isDefault, steps, updatedById: input.userId };
    const saved = before
      ? await tx.workflowPolicy.update({ where: { id: before.id }, data })
      : await tx.workflowPolicy.create({ data: { orgId: input.orgId, ...data } });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.userId },
      {
        kind: "workflow_policy.saved",
        payload: {
          policyId: saved.id,
          name,
          before: before ? { name: before.name, isDefault: before.isDefault, steps: readSteps(before.steps) } : null,
          after: { name, isDefault: input.isDefault, steps },
        },
      },
    );
    await markOrgStale(tx, input.orgId);
    return { policyId: saved.id };
  });
}
