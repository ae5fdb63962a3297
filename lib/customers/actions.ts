import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { createCustomer } from "./create-customer";
import { customerEditSchema, customerFieldsSchema, describeCustomerChanges } from "./customer-fields";
import { updateCustomer } from "./update-customer";

// Server-action definitions for customers (admins and collectors); pages bind them by name (lib/server-actions).

const actor = (ctx: ActionContext) => ({
  orgId: ctx.orgId,
  actor: { userId: ctx.userId, role: ctx.role },
  ip: ctx.ip,
});

export const createCustomerAction = actionDefinition({
  name: "customers.create",
  roles: WORKING_ROLES,
  schema: customerFieldsSchema,
  run: async (ctx, fields) => {
    const customer = await createCustomer(ctx.db, { ...actor(ctx), fields });
    return {
      message: `${customer.name} (${customer.reference}) was created.`,
      data: { customerId: customer.id },
      redirectTo: `/customers/${customer.id}`,
    };
  },
});

export const updateCustomerAction = actionDefinition({
  name: "customers.update",
  roles: WORKING_ROLES,
  schema: customerEditSchema,
  run: async (ctx, { customerId, ...fields }) => {
    const { changed } = await updateCustomer(ctx.db, { ...actor(ctx), customerId, fields });
    return { message: describeCustomerChanges(changed), data: { customerId } };
  },
});
