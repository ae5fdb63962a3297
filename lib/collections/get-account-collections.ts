import type { DbOrTx } from "@/lib/db/client";
import type { ResolvedPolicy } from "@/lib/policies/policy-book";
import { type PathStep, stepPath } from "@/lib/policies/step-path";
import { dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { loadAccountPolicies } from "./account-policies";
import { type AccountState, accountKey, loadAccountStates } from "./account-state";
import { type NextAction, nextAction } from "./policy";
import { type PromiseStatus, promiseStatuses } from "./promise-status";

export interface AccountCollections {
  currency: string;
  action: NextAction;
  /** The collection policy the account follows, and why. */
  policy: ResolvedPolicy;
  /** The account's path through its policy's steps: done, due, planned. */
  path: PathStep[];
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
  const [open, cases, policyOf, runs] = await Promise.all([
    tx.invoice.findMany({
      where: { orgId: opts.orgId, customerId: opts.customerId, paidMinor: { lt: tx.invoice.fields.amountMinor } },
      select: { currency: true },
      distinct: ["currency"],
    }),
    tx.collectionCase.findMany({
      where: { orgId: opts.orgId, customerId: opts.customerId, closedAt: null },
      select: { currency: true },
    }),
    loadAccountPolicies(tx, { orgId: opts.orgId, customerIds: [opts.customerId] }),
    tx.workflowStepRun.findMany({
      where: { orgId: opts.orgId, customerId: opts.customerId },
      select: {
        currency: true,
        stepKey: true,
        anchorOn: true,
        runOn: true,
        followUp: { select: { doneAt: true, cancelledAt: true } },
      },
    }),
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
    const policy = policyOf(state);
    const oldest = state.facts.invoices.filter((i) => i.open > 0).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
    const path = stepPath(
      policy.steps,
      { letters: state.facts.letters, oldestDue: oldest?.dueDate ?? null },
      runs
        .filter((r) => r.currency.trim() === key.currency)
        .map((r) => ({
          stepKey: r.stepKey,
          anchorOn: dateOnlyFromDb(r.anchorOn),
          runOn: dateOnlyFromDb(r.runOn),
          open: r.followUp !== null && !r.followUp.doneAt && !r.followUp.cancelledAt,
        })),
      today,
    );
    return {
      path,
      currency: key.currency,
      action: nextAction(state.facts, policy.timing, today),
      policy,
      state,
      promises: state.facts.promises.map((p) => ({ ...p, status: statuses.find((s) => s.id === p.id)!.status })),
    };
  });
}
