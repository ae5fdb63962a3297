import type { Role } from "@/lib/generated/prisma/enums";

export const ANY_ROLE: Role[] = ["ADMIN", "COLLECTOR", "VIEWER"];
/** Who may change receivables: letters, contacts, payments, promises. */
export const WORKING_ROLES: Role[] = ["ADMIN", "COLLECTOR"];
export const ADMIN_ONLY: Role[] = ["ADMIN"];

export function canWork(role: Role): boolean {
  return WORKING_ROLES.includes(role);
}
