import { db } from "@/lib/db/client";
import { organizationFieldsOf } from "./organization-fields";

/** The settings page's current values of what setup asked. */
export async function getOrganizationSettings(orgId: string) {
  const org = await db().organization.findUniqueOrThrow({ where: { id: orgId } });
  return organizationFieldsOf(org);
}
