import { canWork } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { getCustomerPolicyForm, getHandoffForms } from "@/lib/collections/pages";
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
  // The hand-off form, for the accounts past letter 3's deadline: what letter 3 claimed and the saved agencies.
  const handoffCurrencies = collections.filter((c) => c.action.kind === "handoff").map((c) => c.currency);
  const handoff = canWork(user.role)
    ? await getHandoffForms(user, customerId, handoffCurrencies)
    : { claims: new Map(), agencies: [] };
  return { collections, currencies, openInvoices, policyForm, handoff, today, nowTime };
}
