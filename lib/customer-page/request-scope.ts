import { cache } from "react";
import type { SessionUser } from "@/lib/auth/session-user";
import { getAccountCollections } from "@/lib/collections/get-account-collections";
import { getCustomerAccount } from "@/lib/customers/get-customer-account";
import { db } from "@/lib/db/client";
import { getCustomerLedger } from "@/lib/ledger/customer-movements";
import { clockNow, type DateOnly, todayIn } from "@/lib/time/dates";
import { wallClockTime } from "@/lib/time/instants";

// The reads more than one section needs, done once per request: each section loads on
// its own (and streams when ready), and React's cache() lets the second section that
// asks for the account, its collections or its ledger share the first one's query.
// Outside a server render (tests, scripts) cache() does not memoize; the results are the same.

/** One clock per request, so every section agrees on "now" and "today". */
const requestNow = cache(() => clockNow());

/** Now, today in the organization's time zone, and the wall-clock time forms default to. */
export function pageClock(user: SessionUser) {
  const now = requestNow();
  return { now, today: todayIn(user.timeZone, now), nowTime: wallClockTime(now, user.timeZone) };
}

/** The customer with its invoices and totals. Throws NOT_FOUND for another organization's customer. */
export const readAccount = cache((orgId: string, customerId: string, today: DateOnly) =>
  getCustomerAccount(db(), { orgId, customerId, today }),
);

/** The collections state per currency (stage, next step, open disputes). */
export const readCollections = cache((orgId: string, customerId: string, now: Date) =>
  getAccountCollections(db(), { orgId, customerId, now }),
);

/** The money movements and the credit on the account per currency. */
export const readLedger = cache((orgId: string, customerId: string, today: DateOnly) =>
  getCustomerLedger(db(), { orgId, customerId, today }),
);

/** The three shared reads for one user and customer, as of this request. */
export function customerReads(user: SessionUser, customerId: string) {
  const { now, today } = pageClock(user);
  return {
    account: () => readAccount(user.orgId, customerId, today),
    collections: () => readCollections(user.orgId, customerId, now),
    ledger: () => readLedger(user.orgId, customerId, today),
  };
}
