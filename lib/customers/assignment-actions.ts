import { z } from "zod";
import { idField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { assignAccounts, MAX_ASSIGN } from "./assign-accounts";

// Assigning accounts to a collector: from the customer page (one customer) and,
// with a list of ids, from a selection of worklist rows ("Assign to…").

const customerId = idField("a customer");

export const assignAccountsAction = actionDefinition({
  name: "customers.assign",
  roles: WORKING_ROLES,
  schema: z.object({
    // One id (a form) or a list (a selection of rows).
    customerIds: z.union([customerId, z.array(customerId).min(1, "Choose at least one account.").max(MAX_ASSIGN)], {
      message: "Choose the accounts to assign.",
    }),
    // "" takes the accounts off anyone's list.
    userId: z.union([idField("a collector"), z.literal("")], { message: "Choose a collector from the list." }),
  }),
  run: async (ctx, input) => {
    const customerIds = typeof input.customerIds === "string" ? [input.customerIds] : input.customerIds;
    const { changed, name } = await assignAccounts(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      ip: ctx.ip,
      customerIds,
      userId: input.userId || null,
    });
    const n = customerIds.length;
    const accounts = n === 1 ? "The account" : `${n} accounts`;
    const message = !changed
      ? `${accounts} ${n === 1 ? "was" : "were"} already ${name ? `assigned to ${name}` : "unassigned"}; nothing changed.`
      : name
        ? `${changed === n ? accounts : `${changed} of ${n} accounts`} assigned to ${name}.`
        : `${changed === n ? accounts : `${changed} of ${n} accounts`} unassigned.`;
    return { message, data: { customerIds } };
  },
});
