import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getDashboard } from "./get-dashboard";

// What the dashboard page reads, for the signed-in user (pages never hold the database client).

export function getDashboardPage(user: SessionUser, opts: { today: DateOnly }) {
  return getDashboard(db(), { orgId: user.orgId, timeZone: user.timeZone, today: opts.today });
}
