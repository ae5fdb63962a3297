import type { DbOrTx } from "@/lib/db/client";
import { loadPolicyBook, type ResolvedPolicy, resolvePolicy } from "@/lib/policies/policy-book";
import type { AccountState } from "./account-state";
import { getPolicySettings, type PolicySettings } from "./policy-settings";

/** Which policy each of these accounts follows (a state, or a key with its open balance): one book per page or chunk. */
export type PolicyOf = (
  account: AccountState | { customerId: string; currency: string; openMinor: number },
) => ResolvedPolicy;

export async function loadAccountPolicies(
  tx: DbOrTx,
  opts: { orgId: string; customerIds: string[]; standard?: PolicySettings },
): Promise<PolicyOf> {
  const standard = opts.standard ?? (await getPolicySettings(tx, opts));
  const book = await loadPolicyBook(tx, { orgId: opts.orgId, standard, customerIds: [...new Set(opts.customerIds)] });
  return (account) =>
    resolvePolicy(
      book,
      "key" in account
        ? { customerId: account.key.customerId, currency: account.key.currency, openMinor: account.openMinor }
        : account,
    );
}

/** "Consumers (rule 1: consumer)": which policy applies and why, for the worklist, the plan and the preview. */
export const policyLabel = (policy: ResolvedPolicy) => `${policy.name} (${policy.why})`;
