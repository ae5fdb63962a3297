import type { DbOrTx } from "@/lib/db/client";
import { todayIn } from "@/lib/time/dates";
import { type AccountState, accountKey, loadAccountStates } from "./account-state";
import { type NextAction, nextAction } from "./policy";
import { getPolicySettings } from "./policy-settings";
import { type PromiseStatus, promiseStatuses } from "./promise-status";

export interface AccountCollections {
  currency: string;
  action: NextAction;
  state: AccountState;
  promises: (AccountState["facts"]["promises"][number] & { status: PromiseStatus["status"] })[];
}

/** The customer page's collections panel: per currency with an open balance or open case, what the policy says now. */
export async function getAccountCollections(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; now: Date },
): Promise<AccountCollections[]> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const today = todayIn(org.timeZone, opts.now);
  const [open, cases, policy] = await Promise.all([
    tx.invoice.findMany({
      where: { orgId: opts.orgId, customerId: opts.customerId, paidMinor: { lt: tx.invoice.fields.amountMinor } },
      select: { currency: true },
      distinct: ["currency"],
    }),
    tx.collectionCase.findMany({
      where: { orgId: opts.orgId, customerId: opts.customerId, closedAt: null },
      select: { currency: true },
    }),
    getPolicySettings(tx, opts),
  ]);
  const currencies = [...new Set([...open, ...cases].map((r) => r.currency))].sort();
  const keys = currencies.map((currency) => ({ customerId: opts.customerId, currency }));
  const states = await loadAccountStates(tx, {
    orgId: opts.orgId,
    timeZone: org.timeZone,
    today,
    accounts: keys,
    locale: org.locale,
  });
  return keys.map((key) => {
    const state = states.get(accountKey(key))!;
    const statuses = promiseStatuses(state.facts.promises, state.facts.payments, today);
    return {
      currency: key.currency,
      action: nextAction(state.facts, policy, today),
      state,
      promises: state.facts.promises.map((p) => ({ ...p, status: statuses.find((s) => s.id === p.id)!.status })),
    };
  });
}
