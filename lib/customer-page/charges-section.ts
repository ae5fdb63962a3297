import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { listCustomerCharges } from "@/lib/law/list-customer-charges";

/** The interest and fees claimed from the customer, with what was paid of each. */
export function loadChargesSection(user: SessionUser, customerId: string) {
  return listCustomerCharges(db(), { orgId: user.orgId, customerId });
}
