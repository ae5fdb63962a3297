import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The page a user lands on after signing in (and on the logo): collectors start
 * their day on Today; admins and viewers keep the aging report (the dashboard
 * will take their place when it exists). The one place this is decided.
 */
export function startPage(role: Role): string {
  return role === "COLLECTOR" ? "/today" : "/";
}
