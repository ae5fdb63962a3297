import { z } from "zod";
import { type ActionContext, actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { createUser } from "./create-user";
import { resetUserPassword } from "./reset-user-password";
import { setUserActive } from "./set-user-active";
import { setUserRole } from "./set-user-role";
import { emailField, nameField, passwordField, roleField, userIdField } from "./user-fields";

// Server-action definitions for user management (admin only). The one server entry
// runs each by name (lib/server-actions); tests run them with runAction.

const actor = (ctx: ActionContext) => ({ orgId: ctx.orgId, actorId: ctx.userId, ip: ctx.ip });

export const createUserAction = actionDefinition({
  name: "users.create",
  roles: ADMIN_ONLY,
  schema: z.object({ email: emailField, name: nameField, role: roleField, password: passwordField }),
  run: async (ctx, input) => {
    const user = await createUser(ctx.db, { ...actor(ctx), ...input });
    return { message: `${user.name} can now sign in as ${user.email}.`, data: { userId: user.id } };
  },
});

export const setUserRoleAction = actionDefinition({
  name: "users.set_role",
  roles: ADMIN_ONLY,
  schema: z.object({ userId: userIdField, role: roleField }),
  run: async (ctx, input) => {
    const user = await setUserRole(ctx.db, { ...actor(ctx), ...input });
    return { message: `${user.name} is now ${user.role.toLowerCase()}.` };
  },
});

export const setUserActiveAction = actionDefinition({
  name: "users.set_active",
  roles: ADMIN_ONLY,
  schema: z.object({
    userId: userIdField,
    active: z.enum(["true", "false"], { message: "Choose activate or deactivate." }).transform((v) => v === "true"),
  }),
  run: async (ctx, input) => {
    const user = await setUserActive(ctx.db, { ...actor(ctx), ...input });
    return { message: user.active ? `${user.name} can sign in again.` : `${user.name} is deactivated and signed out.` };
  },
});

export const resetUserPasswordAction = actionDefinition({
  name: "users.reset_password",
  roles: ADMIN_ONLY,
  schema: z.object({ userId: userIdField, password: passwordField }),
  run: async (ctx, input) => {
    await resetUserPassword(ctx.db, { ...actor(ctx), ...input });
    return { message: "The password was changed. Give it to the person through a safe channel." };
  },
});
