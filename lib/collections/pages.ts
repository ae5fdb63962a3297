import type { SessionUser } from "@/lib/auth/session-user";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { db } from "@/lib/db/client";
import { clockNow, todayIn } from "@/lib/time/dates";
import { getContactHistory } from "./contact-history";
import { getAccountCollections } from "./get-account-collections";
import { listWorklist } from "./list-worklist";
import { getPolicySettings } from "./policy-settings";

// What the collections pages read, for the signed-in user: pages call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** A customer's invoices, collections state per currency and contact history. Throws NOT_FOUND for another org's customer. */
export async function getCustomerPage(user: SessionUser, customerId: string) {
  const now = clockNow();
  const scope = { orgId: user.orgId, customerId };
  const [account, collections, history] = await Promise.all([
    getCustomerAccount(db(), { ...scope, today: todayIn(user.timeZone, now) }),
    getAccountCollections(db(), { ...scope, now }),
    getContactHistory(db(), scope),
  ]);
  return { now, account, collections, history };
}

export function getWorklistPage(user: SessionUser, page: number) {
  return listWorklist(db(), { orgId: user.orgId, now: clockNow(), page });
}

export function getPolicyPage(user: SessionUser) {
  return getPolicySettings(db(), { orgId: user.orgId });
}
