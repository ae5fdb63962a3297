import { z } from "zod";
import { idField, requiredTextField, textField } from "@/lib/actions/fields";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { assignCustomerPolicy } from "./assign-policy";
import { savePolicy } from "./save-policy";
import { saveRules } from "./save-rules";

// Server-action definitions for collection policies: administrators' work, like the
// single policy's numbers before them (README, Roles).

const editor = (ctx: ActionContext) => ({ orgId: ctx.orgId, userId: ctx.userId, role: ctx.role });

/** A JSON form field (the editor posts its list as one hidden field): parsed, then checked by the verb. */
const jsonField = (what: string) =>
  z
    .string({ message: `Send the ${what}.` })
    .max(50_000, `The ${what} are too long.`)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: `The ${what} could not be read.` });
        return z.NEVER;
      }
    });

export const savePolicyAction = actionDefinition({
  name: "policies.save_policy",
  roles: ADMIN_ONLY,
  schema: z.object({
    policyId: z.union([z.literal(""), idField("a policy")]).transform((v) => v || null),
    name: requiredTextField("the policy's name", 60),
    isDefault: z
      .union([z.literal("on"), z.literal("true"), z.literal(""), z.literal("false"), z.boolean()])
      .optional()
      .transform((v) => v === true || v === "on" || v === "true"),
    steps: jsonField("steps"),
  }),
  run: async (ctx, input) => {
    const { policyId } = await savePolicy(ctx.db, { ...editor(ctx), ...input });
    return {
      message: `Policy “${input.name}” saved; accounts on it take the new steps from their next step.`,
      data: { policyId },
    };
  },
});

export const saveRulesAction = actionDefinition({
  name: "policies.save_rules",
  roles: ADMIN_ONLY,
  schema: z.object({ rules: jsonField("rules") }),
  run: async (ctx, input) => {
    const { count } = await saveRules(ctx.db, { ...editor(ctx), rules: input.rules });
    return { message: `${count} rule${count === 1 ? "" : "s"} saved; the worklist follows them from now on.` };
  },
});

export const assignPolicyAction = actionDefinition({
  name: "policies.assign_customer_policy",
  roles: ADMIN_ONLY,
  schema: z.object({
    customerId: idField("a customer"),
    policyId: z.union([z.literal(""), idField("a policy")]).transform((v) => v || null),
    tags: textField(400),
  }),
  run: async (ctx, input) => {
    const { customerId } = await assignCustomerPolicy(ctx.db, { ...editor(ctx), ...input });
    return { message: "Policy and tags saved.", data: { customerId } };
  },
});
