import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { clockNow, todayIn } from "@/lib/time/dates";
import { getCustomerLedger } from "./customer-movements";

// What the customer page reads of the ledger, for the signed-in user (the layer rule "pages-read-through-lib").

/** A customer's money movements (payments, credits, write-offs, reversals) and credit per currency. */
export function getCustomerLedgerPage(user: SessionUser, customerId: string) {
  return getCustomerLedger(db(), { orgId: user.orgId, customerId, today: todayIn(user.timeZone, clockNow()) });
}
