import type { SessionUser } from "@/lib/auth/session-user";
import { listAssignees } from "@/lib/customers/assign-accounts";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/money";
import { customerReads } from "./request-scope";

/**
 * The top of the customer page: who the customer is, what it owes, who works the account and
 * any credit on it. The page awaits this before anything streams, so a customer of another
 * organization (NOT_FOUND, thrown by the account read) answers 404 instead of half a page.
 */
export async function loadCustomerSummary(user: SessionUser, customerId: string) {
  const reads = customerReads(user, customerId);
  const account = await reads.account();
  const [ledger, assignees, assignedTo] = await Promise.all([
    reads.ledger(),
    listAssignees(db(), user.orgId),
    // Named even when no longer assignable (deactivated, made a viewer since): the page says who holds it.
    account.customer.assignedUserId
      ? db().user.findFirst({
          where: { id: account.customer.assignedUserId, orgId: user.orgId },
          select: { id: true, name: true, active: true, role: true },
        })
      : null,
  ]);
  return {
    customer: account.customer,
    totals: account.totals,
    assignees,
    assignedTo,
    credits: ledger.credits.map((c) => formatMoney(c.credit, c.currency, user.locale)),
  };
}
