import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import { type DbOrTx, readAll } from "@/lib/db/client";
import { todayIn } from "@/lib/time/dates";
import { loadAccountPolicies } from "./account-policies";
import { accountKey, loadAccountStates } from "./account-state";
import { nextAction } from "./policy";

/** What the policy says about an account now, with everything needed to write its next letter. */
export async function loadAccountContext(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; now: Date },
) {
  const [org, customer, policyOf] = await readAll(tx, [
    () => tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } }),
    () => getCustomerOrThrow(tx, opts),
    () => loadAccountPolicies(tx, { orgId: opts.orgId, customerIds: [opts.customerId] }),
  ] as const);
  const today = todayIn(org.timeZone, opts.now);
  const key = { customerId: customer.id, currency: opts.currency };
  const states = await loadAccountStates(tx, {
    orgId: org.id,
    timeZone: org.timeZone,
    today,
    accounts: [key],
    locale: org.locale,
  });
  const state = states.get(accountKey(key))!;
  // The account's own policy: its letter timing is what the letter is judged and dated by.
  const workflow = policyOf(state);
  const policy = workflow.timing;
  const action = nextAction(state.facts, policy, today);
  return { org, customer, policy, workflow, today, state, action };
}

export type AccountContext = Awaited<ReturnType<typeof loadAccountContext>>;
