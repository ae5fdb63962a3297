import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { listApiTokens } from "./list-api-tokens";

/** Settings → API tokens: the organization's tokens, newest first, revoked ones last. */
export function getApiTokensPage(user: SessionUser) {
  return listApiTokens(db(), { orgId: user.orgId });
}
