import { db } from "@/lib/db/client";
import { listAuditEvents } from "./list-audit-events";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** One page of the audit log. (The audit log sits below auth, so it takes the user as its organization.) */
export function getAuditPage(user: { orgId: string }, page: number) {
  return listAuditEvents(db(), { orgId: user.orgId, page });
}
