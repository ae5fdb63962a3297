import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { loadPolicyBook } from "@/lib/policies/policy-book";
import { clockNow, todayIn } from "@/lib/time/dates";
import { listAgencies } from "./agencies";
import { type HandoffClaim, loadHandoffClaim } from "./handoff-claim";
import { listPausedAccounts } from "./list-paused-accounts";
import { listWorklist } from "./list-worklist";
import { getPolicySettings } from "./policy-settings";

// What the collections pages read, for the signed-in user: pages call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** The worklist's page, and the overdue accounts it skips because dunning is paused (shown apart, with the reason). */
export async function getWorklistPage(user: SessionUser, page: number, opts: { mine?: boolean } = {}) {
  const now = clockNow();
  // Side by side: the paused accounts need only today, in the organization's time zone (the user's).
  const [list, paused] = await Promise.all([
    listWorklist(db(), { orgId: user.orgId, now, page, assignedTo: opts.mine ? user.userId : undefined }),
    listPausedAccounts(db(), { orgId: user.orgId, today: todayIn(user.timeZone, now) }),
  ]);
  return { ...list, paused };
}

export function getPolicyPage(user: SessionUser) {
  return getPolicySettings(db(), { orgId: user.orgId });
}

/** Settings → Collection policies: the built-in Standard, the named policies with their steps, and the rules in order. */
export async function getPoliciesPage(user: SessionUser) {
  const standard = await getPolicySettings(db(), { orgId: user.orgId });
  const book = await loadPolicyBook(db(), { orgId: user.orgId, standard, customerIds: [] });
  return { standard: book.standard, policies: book.policies, rules: book.rules };
}

/** The policies a customer can be given by hand, and the customer's choice and tags. */
export async function getCustomerPolicyForm(user: SessionUser, customerId: string) {
  const [policies, customer] = await Promise.all([
    db().workflowPolicy.findMany({
      where: { orgId: user.orgId },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().customer.findFirst({
      where: { id: customerId, orgId: user.orgId },
      select: { workflowPolicyId: true, tags: true },
    }),
  ]);
  return { policies, policyId: customer?.workflowPolicyId ?? null, tags: customer?.tags ?? [] };
}

/**
 * The hand-off form: the claim per account ready for it (currency → claim: what letter 3 of
 * the open case claimed, and the rest of the account apart) and the saved agencies to choose from.
 */
export async function getHandoffForms(user: SessionUser, customerId: string, currencies: string[]) {
  const [claims, agencies] = await Promise.all([
    handoffClaims(user, customerId, currencies),
    currencies.length ? listAgencies(db(), user) : [],
  ]);
  return { claims, agencies };
}

/** Settings → Agencies. */
export function getAgenciesPage(user: SessionUser) {
  return listAgencies(db(), user);
}

async function handoffClaims(
  user: SessionUser,
  customerId: string,
  currencies: string[],
): Promise<Map<string, HandoffClaim>> {
  const cases = await db().collectionCase.findMany({
    where: { orgId: user.orgId, customerId, currency: { in: currencies }, closedAt: null },
    select: { id: true, currency: true },
  });
  const claims = await Promise.all(
    cases.map((c) =>
      loadHandoffClaim(db(), { orgId: user.orgId, customerId, currency: c.currency, caseId: c.id }).then(
        (claim) => [c.currency, claim] as const,
      ),
    ),
  );
  return new Map(claims);
}
