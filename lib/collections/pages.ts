import type { SessionUser } from "@/lib/auth/session-user";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { db } from "@/lib/db/client";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";
import { clockNow, todayIn } from "@/lib/time/dates";
import { getContactHistory } from "./contact-history";
import { getAccountCollections } from "./get-account-collections";
import { listPausedAccounts } from "./list-paused-accounts";
import { listWorklist } from "./list-worklist";
import { getPolicySettings } from "./policy-settings";

// What the collections pages read, for the signed-in user: pages call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** A customer's invoices, collections state per currency and contact history. Throws NOT_FOUND for another org's customer. */
export async function getCustomerPage(user: SessionUser, customerId: string) {
  const now = clockNow();
  const scope = { orgId: user.orgId, customerId };
  const [account, collections, history, charges] = await Promise.all([
    getCustomerAccount(db(), { ...scope, today: todayIn(user.timeZone, now) }),
    getAccountCollections(db(), { ...scope, now }),
    getContactHistory(db(), scope),
    listCustomerCharges(db(), scope),
  ]);
  return { now, account, collections, history, charges };
}

/** The worklist's page, and the overdue accounts it skips because dunning is paused (shown apart, with the reason). */
export async function getWorklistPage(user: SessionUser, page: number) {
  const list = await listWorklist(db(), { orgId: user.orgId, now: clockNow(), page });
  const paused = await listPausedAccounts(db(), { orgId: user.orgId, today: list.today });
  return { ...list, paused };
}

export function getPolicyPage(user: SessionUser) {
  return getPolicySettings(db(), { orgId: user.orgId });
}
