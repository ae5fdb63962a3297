import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { describeRule, ruleFromRow } from "./policy-book";
import { assertAdmin, markOrgStale, type PolicyEditor } from "./save-policy";

export const ruleInputSchema = z.object({
  policyId: z.uuid({ message: "Choose a policy for every rule." }),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2})?$/, "A country is two letters (IT, NO, GB).")
    .transform((v) => v || null),
  customerType: z.enum(["", "business", "consumer", "sole_trader"]).transform((v) => (v === "" ? null : v)),
  /** Decimal string in the currency's units ("5000.00"), or empty. */
  minOpen: z
    .string()
    .trim()
    .regex(/^(\d{1,12}(\.\d{1,2})?)?$/, "An amount like 5000 or 5000.00.")
    .transform((v) => (v === "" ? null : v)),
  minOpenCurrency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{3})?$/, "A currency is three letters (EUR).")
    .transform((v) => v || null),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(40)
    .regex(/^[a-z0-9 _-]*$/, "A tag is letters, digits, spaces, - and _.")
    .transform((v) => v || null),
});
export type RuleInput = z.input<typeof ruleInputSchema>;

/** "5000.00" → 500000: decimal string to minor units, never through a float. */
const toMinor = (v: string) => {
  const [whole, frac = ""] = v.split(".");
  return BigInt(whole) * 100n + BigInt(`${frac}00`.slice(0, 2));
};

/** Replaces the organization's rules (evaluated in the order given), audited with before and after. */
export async function saveRules(db: Db, input: PolicyEditor & { rules: unknown }): Promise<{ count: number }> {
  assertAdmin(input);
  const parsed = z.array(ruleInputSchema).max(50, "At most 50 rules.").safeParse(input.rules);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "The rules do not fit.";
    throw new AppError("INVALID_INPUT", message);
  }
  const rules = parsed.data;
  rules.forEach((r, i) => {
    if ((r.minOpen === null) !== (r.minOpenCurrency === null))
      throw new AppError("INVALID_INPUT", `Rule ${i + 1}: give the open amount with its currency.`);
  });
  return db.$transaction(async (tx) => {
    const policies = await tx.workflowPolicy.findMany({
      where: { orgId: input.orgId },
      select: { id: true, name: true },
    });
    const nameOf = new Map(policies.map((p) => [p.id, p.name]));
    for (const r of rules) if (!nameOf.has(r.policyId)) throw new AppError("NOT_FOUND", "That policy was not found.");
    const before = await tx.workflowRule.findMany({ where: { orgId: input.orgId }, orderBy: { position: "asc" } });
    const audit = (r: { position: number; policyId: string } & Parameters<typeof describeRule>[0]) => ({
      position: r.position,
      policy: nameOf.get(r.policyId) ?? r.policyId,
      conditions: describeRule(r),
    });
    await tx.workflowRule.deleteMany({ where: { orgId: input.orgId } });
    const after = rules.map((r, i) => ({
      orgId: input.orgId,
      policyId: r.policyId,
      position: i + 1,
      countryCode: r.countryCode,
      customerType: r.customerType,
      minOpenMinor: r.minOpen === null ? null : toMinor(r.minOpen),
      minOpenCurrency: r.minOpenCurrency,
      tag: r.tag,
    }));
    if (after.length) await tx.workflowRule.createMany({ data: after });
    const view = (r: (typeof after)[number] | (typeof before)[number]) => audit(ruleFromRow(r));
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.userId },
      { kind: "workflow_rules.saved", payload: { before: before.map(view), after: after.map(view) } },
    );
    await markOrgStale(tx, input.orgId);
    return { count: after.length };
  });
}
