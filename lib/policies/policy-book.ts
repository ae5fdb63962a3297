import type { DbOrTx } from "@/lib/db/client";
import type { CustomerType } from "@/lib/generated/prisma/enums";
import { getLawSettings } from "@/lib/law/law-settings";
import type { LawSettings } from "@/lib/law/law-settings-types";
import { lawfulTiming } from "./lawful-timing";
import { type PolicyStep, readSteps } from "./policy-steps";
import { type LetterTiming, letterSettings, standardSteps } from "./policy-timeline";

// Which policy an account follows, and why: the customer's own choice, else the
// first rule that matches (in order), else the organization's default. Without any
// named policy every account follows "Standard", today's single policy.

export const STANDARD_NAME = "Standard";

export interface NamedPolicy {
  /** null: the built-in Standard policy (collection_policies). */
  id: string | null;
  name: string;
  isDefault: boolean;
  steps: PolicyStep[];
  timing: LetterTiming;
}

export interface PolicyRule {
  id: string;
  position: number;
  policyId: string;
  countryCode: string | null;
  customerType: CustomerType | null;
  /** With minOpenCurrency: only accounts in that currency whose open balance reaches it. */
  minOpenMinor: number | null;
  minOpenCurrency: string | null;
  tag: string | null;
}

export interface CustomerPolicyFacts {
  id: string;
  countryCode: string | null;
  type: CustomerType;
  tags: string[];
  workflowPolicyId: string | null;
}

export interface PolicyBook {
  standard: NamedPolicy;
  policies: NamedPolicy[];
  rules: PolicyRule[];
  customers: Map<string, CustomerPolicyFacts>;
  law: LawSettings;
}

export interface ResolvedPolicy extends NamedPolicy {
  /** Why this account follows it, in words for the worklist, the plan and the preview. */
  why: string;
}

const CUSTOMER_POLICY_COLUMNS = {
  id: true,
  countryCode: true,
  type: true,
  tags: true,
  workflowPolicyId: true,
} as const;

/**
 * The organization's policies and rules, and the facts of the given customers the
 * rules read; `standard` is today's single policy (the caller reads it from
 * collection_policies). Two small queries and one per page of customers.
 */
export async function loadPolicyBook(
  tx: DbOrTx,
  opts: { orgId: string; standard: LetterTiming; customerIds: string[] },
): Promise<PolicyBook> {
  const [policies, rules, customers, law] = await Promise.all([
    tx.workflowPolicy.findMany({ where: { orgId: opts.orgId }, orderBy: { name: "asc" } }),
    tx.workflowRule.findMany({ where: { orgId: opts.orgId }, orderBy: { position: "asc" } }),
    opts.customerIds.length
      ? tx.customer.findMany({
          where: { orgId: opts.orgId, id: { in: opts.customerIds } },
          select: CUSTOMER_POLICY_COLUMNS,
        })
      : Promise.resolve([]),
    getLawSettings(tx, opts),
  ]);
  const named = policies.map((p): NamedPolicy => {
    const steps = readSteps(p.steps);
    return { id: p.id, name: p.name, isDefault: p.isDefault, steps, timing: letterSettings(steps) };
  });
  return {
    standard: {
      id: null,
      name: STANDARD_NAME,
      isDefault: !named.some((p) => p.isDefault),
      steps: standardSteps(opts.standard),
      timing: opts.standard,
    },
    policies: named,
    rules: rules.map(ruleFromRow),
    customers: new Map(customers.map((c) => [c.id, c])),
    law,
  };
}

/** A workflow_rules row (or one about to be written) as the resolver reads it. */
export function ruleFromRow(
  r: Omit<PolicyRule, "id" | "minOpenMinor"> & { id?: string; minOpenMinor: bigint | null },
): PolicyRule {
  return {
    id: r.id ?? "",
    position: r.position,
    policyId: r.policyId,
    countryCode: r.countryCode,
    customerType: r.customerType,
    minOpenMinor: r.minOpenMinor === null ? null : Number(r.minOpenMinor),
    minOpenCurrency: r.minOpenCurrency,
    tag: r.tag,
  };
}

/** The rule's conditions in words: "country IT, consumer, tag key-account". */
export function describeRule(rule: PolicyRule, locale = "en-GB"): string {
  const parts: string[] = [];
  if (rule.countryCode) parts.push(`country ${rule.countryCode}`);
  if (rule.customerType) parts.push(rule.customerType.replace("_", " "));
  if (rule.minOpenMinor !== null && rule.minOpenCurrency)
    parts.push(
      `open ${new Intl.NumberFormat(locale, { style: "currency", currency: rule.minOpenCurrency }).format(rule.minOpenMinor / 100)} or more`,
    );
  if (rule.tag) parts.push(`tag “${rule.tag}”`);
  return parts.length ? parts.join(", ") : "every customer";
}

export function ruleMatches(
  rule: PolicyRule,
  customer: CustomerPolicyFacts,
  account: { currency: string; openMinor: number },
): boolean {
  if (rule.countryCode && customer.countryCode?.toUpperCase() !== rule.countryCode) return false;
  if (rule.customerType && customer.type !== rule.customerType) return false;
  if (rule.tag && !customer.tags.includes(rule.tag)) return false;
  if (rule.minOpenMinor !== null) {
    if (rule.minOpenCurrency !== account.currency || account.openMinor < rule.minOpenMinor) return false;
  }
  return true;
}

/**
 * The policy an account follows today, and why. A named policy's letter timing is
 * raised to what the customer's law profile requires (a policy can only be stricter);
 * Standard keeps today's numbers, and the send checks refuse as they always did.
 */
export function resolvePolicy(
  book: PolicyBook,
  account: { customerId: string; currency: string; openMinor: number },
): ResolvedPolicy {
  const chosen = choosePolicy(book, account);
  const customer = book.customers.get(account.customerId);
  if (chosen.id === null || !customer) return chosen;
  return { ...chosen, timing: lawfulTiming(chosen.timing, customer, book.law) };
}

function choosePolicy(
  book: PolicyBook,
  account: { customerId: string; currency: string; openMinor: number },
): ResolvedPolicy {
  const byId = (id: string) => book.policies.find((p) => p.id === id);
  const customer = book.customers.get(account.customerId);
  const chosen = customer?.workflowPolicyId ? byId(customer.workflowPolicyId) : undefined;
  if (chosen) return { ...chosen, why: `chosen for this customer` };
  if (customer)
    for (const rule of book.rules) {
      const policy = byId(rule.policyId);
      if (policy && ruleMatches(rule, customer, account))
        return { ...policy, why: `rule ${rule.position}: ${describeRule(rule)}` };
    }
  const fallback = book.policies.find((p) => p.isDefault) ?? book.standard;
  return { ...fallback, why: "the organization's default" };
}
