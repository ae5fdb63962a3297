import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { describeOrganizationChanges, organizationFieldsSchema } from "./organization-fields";
import { updateOrganization } from "./update-organization";

// Server-action definitions for the organization's settings (admin only); pages bind them by name (lib/server-actions).

export const updateOrganizationAction = actionDefinition({
  name: "organizations.update",
  roles: ADMIN_ONLY,
  schema: organizationFieldsSchema,
  run: async (ctx, fields) => {
    const { changed } = await updateOrganization(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId, role: ctx.role },
      ip: ctx.ip,
      fields,
    });
    return { message: describeOrganizationChanges(changed) };
  },
});
