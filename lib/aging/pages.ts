import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getAgingReport } from "./get-aging-report";
import type { AccountQuery } from "./list-accounts";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** The aging report as of a day: totals by bucket and one page of accounts. */
export function getAgingPage(user: SessionUser, opts: { today: DateOnly; query: AccountQuery; asOf?: DateOnly }) {
  return getAgingReport(db(), { orgId: user.orgId, timeZone: user.timeZone, ...opts });
}
