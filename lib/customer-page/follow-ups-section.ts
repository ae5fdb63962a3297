import type { SessionUser } from "@/lib/auth/session-user";
import { listCustomerFollowUps } from "@/lib/collections/list-follow-ups";
import { db } from "@/lib/db/client";
import { pageClock } from "./request-scope";

/** The call-backs section: planned and done call-backs, and the defaults for planning one. */
export async function loadFollowUpsSection(user: SessionUser, customerId: string) {
  const { today, nowTime } = pageClock(user);
  const followUps = await listCustomerFollowUps(db(), { orgId: user.orgId, customerId });
  return { followUps, today, nowTime };
}
