import { db } from "@/lib/db/client";
import { type AuditFilter, auditFilterChoices, listAuditEvents } from "./list-audit-events";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** One page of the audit log with its filters' choices. (The audit log sits below auth, so it takes the user as its organization.) */
export async function getAuditPage(
  user: { orgId: string; timeZone: string; locale: string },
  opts: { page: number; filter: AuditFilter },
) {
  const [log, choices] = await Promise.all([
    listAuditEvents(db(), {
      orgId: user.orgId,
      page: opts.page,
      filter: opts.filter,
      timeZone: user.timeZone,
      locale: user.locale,
    }),
    auditFilterChoices(db(), user.orgId),
  ]);
  return { ...log, choices };
}
