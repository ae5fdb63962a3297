import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The page a user lands on after signing in (when no page asked for the
 * sign-in) and on the logo: collectors start their day on Today; admins and
 * viewers, who watch how collection is going, on the dashboard. The one place
 * this is decided.
 */
export function startPage(role: Role): string {
  return role === "COLLECTOR" ? "/today" : "/dashboard";
}
