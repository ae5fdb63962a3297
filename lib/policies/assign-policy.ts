import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { assertAdmin, type PolicyEditor } from "./save-policy";

/** "key account, Public sector" → ["key account", "public sector"]: lower case, trimmed, each once. */
export function parseTags(text: string): string[] {
  const tags = text
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  for (const t of tags)
    if (t.length > 40 || !/^[a-z0-9 _-]+$/.test(t))
      throw new AppError("INVALID_INPUT", "A tag is letters, digits, spaces, - and _ (at most 40).", {
        tags: ["A tag is letters, digits, spaces, - and _ (at most 40)."],
      });
  return [...new Set(tags)].slice(0, 20);
}

/**
 * Chooses a customer's policy by hand (null: the rules and the default decide) and
 * sets its tags, audited with before and after. The customer's account work goes
 * stale through the customers_policy_facts_changed trigger.
 */
export async function assignCustomerPolicy(
  db: Db,
  input: PolicyEditor & { customerId: string; policyId: string | null; tags: string },
): Promise<{ customerId: string }> {
  assertAdmin(input);
  const tags = parseTags(input.tags);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId, orgId: input.orgId },
      select: { id: true, workflowPolicyId: true, tags: true },
    });
    if (!customer) throw notFound("That customer");
    if (input.policyId) {
      const policy = await tx.workflowPolicy.findFirst({ where: { id: input.policyId, orgId: input.orgId } });
      if (!policy) throw notFound("That policy");
    }
    await tx.customer.update({ where: { id: customer.id }, data: { workflowPolicyId: input.policyId, tags } });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.userId },
      {
        kind: "customer.policy_assigned",
        payload: {
          customerId: customer.id,
          before: { policyId: customer.workflowPolicyId, tags: customer.tags },
          after: { policyId: input.policyId, tags },
        },
      },
    );
    return { customerId: customer.id };
  });
}
