import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The page a user lands on after signing in (when no page asked for the
 * sign-in): the dashboard for admins and viewers, who watch how collection is
 * going; collectors start where they work.
 */
export function startPage(role: Role): string {
  return role === "COLLECTOR" ? "/" : "/dashboard";
}
