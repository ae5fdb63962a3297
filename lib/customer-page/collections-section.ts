import type { SessionUser } from "@/lib/auth/session-user";
import { getCustomerPolicyForm } from "@/lib/collections/pages";
import { loadOpenInvoices } from "./open-invoices";
import { customerReads, pageClock } from "./request-scope";

/** The currencies the account is collected in (the customer's own when nothing is open yet). */
export async function loadAccountCurrencies(user: SessionUser, customerId: string) {
  const reads = customerReads(user, customerId);
  const [account, collections] = await Promise.all([reads.account(), reads.collections()]);
  return collections.length ? collections.map((c) => c.currency) : [account.customer.currency];
}

/** The collections section: the state per currency, the forms' choices, and (for an admin) the policy form. */
export async function loadCollectionsSection(user: SessionUser, customerId: string) {
  const { today, nowTime } = pageClock(user);
  const [{ collections, openInvoices }, currencies, policyForm] = await Promise.all([
    loadOpenInvoices(user, customerId),
    loadAccountCurrencies(user, customerId),
    user.role === "ADMIN" ? getCustomerPolicyForm(user, customerId) : null,
  ]);
  return { collections, currencies, openInvoices, policyForm, today, nowTime };
}
