import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { clockNow, todayIn } from "@/lib/time/dates";
import { listAssignees } from "./assign-accounts";
import { customerFilterChoices } from "./get-customer-form";
import { type CustomerQuery, listCustomers } from "./list-customers";

// What the customer list page reads for the signed-in user (pages never hold the database client).

export async function getCustomerListPage(user: SessionUser, query: CustomerQuery) {
  const today = todayIn(user.timeZone, clockNow());
  const [list, choices] = await Promise.all([
    listCustomers(db(), { orgId: user.orgId, today, query, userId: user.userId }),
    customerFilterChoices(user.orgId),
  ]);
  return { list, choices };
}

/** Whom the selection toolbar's "Assign to…" offers: the organization's active collectors and admins. */
export function getAssignees(user: SessionUser) {
  return listAssignees(db(), user.orgId);
}
