import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { todayIn } from "@/lib/time/dates";
import { getBlockingRateWarnings, getLawPage } from "./get-law-page";

// What the law settings page reads, for the signed-in user (the layer rule "pages-read-through-lib").

export function getLawSettingsPage(user: { orgId: string; timeZone: string }) {
  return getLawPage(db(), { orgId: user.orgId, today: todayIn(user.timeZone) });
}

/** Missing rates for the dashboard and Today: administrators only (they are the ones who can add them). */
export async function getRateWarningsFor(user: Pick<SessionUser, "orgId" | "timeZone" | "role">) {
  if (user.role !== "ADMIN") return [];
  return getBlockingRateWarnings(db(), { orgId: user.orgId, today: todayIn(user.timeZone) });
}
