import { createHash } from "node:crypto";
import { loadAccountPolicies, type PolicyOf, policyLabel } from "@/lib/collections/account-policies";
import { type AccountKey, type AccountState, accountKey, loadAccountStates } from "@/lib/collections/account-state";
import { type DueLetter, listDueLetters } from "@/lib/collections/list-worklist";
import { activePause, type NextAction, nextAction, overdueInvoices } from "@/lib/collections/policy";
import type { PolicySettings } from "@/lib/collections/policy-settings";
import { loadWorkContext, type WorkContext } from "@/lib/collections/refresh-account-work";
import type { DbOrTx } from "@/lib/db/client";
import { CHANNEL_COLUMNS, type LetterChannel, letterChannel } from "@/lib/delivery/channel";
import type { Stage } from "@/lib/stages/stage";
import type { DateOnly } from "@/lib/time/dates";
import { resolveSelection, type SelectedAccount } from "./selection";

// "Send all due letters", step one: what a run would do, before it does it. The
// due letters come from the worklist (listDueLetters), the channel from each
// customer (lib/delivery/channel.ts), and every other overdue account in scope
// is listed as skipped with the policy's own reason. The fingerprint names the
// plan: confirming checks it against a plan computed again at that moment, so a
// confirmation of a plan that has since changed sends nothing.

export interface PlannedLetter extends DueLetter {
  channel: LetterChannel;
  /** The collection policy the account follows and why (absent in runs planned before policies). */
  policy?: string;
}

export type SkipCategory =
  | "paused"
  | "disputed"
  | "promise"
  | "handoff"
  | "credit"
  | "final"
  | "channel"
  | "not_due"
  | "nothing_overdue";

export const SKIP_LABEL: Record<SkipCategory, string> = {
  paused: "Dunning paused",
  disputed: "Only disputed invoices overdue",
  promise: "Promise or payment plan running",
  handoff: "Hand-off to an agency first",
  credit: "Credit on account covers it",
  final: "Final letter already sent",
  channel: "Missing address or email for the channel",
  not_due: "Next letter not due yet",
  nothing_overdue: "Nothing overdue",
};

export interface SkippedAccount extends AccountKey {
  name: string;
  category: SkipCategory;
  reason: string;
  /** The collection policy the account follows and why (empty for a channel problem). */
  policy: string;
}

export interface BulkSendPlan {
  today: DateOnly;
  /** In worklist order: the order the run sends them. */
  letters: PlannedLetter[];
  skipped: SkippedAccount[];
  /** Letters per stage and channel. */
  byStage: { stage: Stage; post: number; email: number }[];
  fingerprint: string;
  /** The accounts the plan was narrowed to; null: every account of the organization. */
  selection: AccountKey[] | null;
}

/**
 * The plan's name: a SHA-256 of the planned (customer, currency, stage,
 * channel) list, sorted (the worklist's order changes daily with the days past
 * due, the letters do not), and the stage policy in force.
 */
export function planFingerprint(
  letters: Pick<PlannedLetter, "customerId" | "currency" | "stage" | "channel">[],
  policy: PolicySettings,
): string {
  const rows = letters.map((l) => `${l.customerId}:${l.currency}:${l.stage}:${l.channel}`).sort();
  const settings = [
    policy.letter1AfterDueDays,
    policy.letter2AfterDays,
    policy.letter3AfterDays,
    policy.letter4AfterDeadlineDays,
    ...policy.deadlineDays,
  ].join(",");
  return createHash("sha256")
    .update(`policy ${settings}\n${rows.join("\n")}`)
    .digest("hex");
}

const CHUNK = 500;

/** Plans the run: every due letter of the organization, or only those of the selected accounts. */
export async function planBulkSend(
  db: DbOrTx,
  opts: { orgId: string; now: Date; selection?: SelectedAccount[] | null },
): Promise<BulkSendPlan> {
  const selection = opts.selection?.length
    ? await resolveSelection(db, { orgId: opts.orgId, selection: opts.selection })
    : null;
  const due = await listDueLetters(db, opts);
  const context = await loadWorkContext(db, opts);
  const inScope = selection ? new Set(selection.map(accountKey)) : null;
  const dueInScope = inScope ? due.filter((d) => inScope.has(accountKey(d))) : due;

  const channels = await customerChannels(db, opts.orgId, [...new Set(dueInScope.map((d) => d.customerId))]);
  const policyOf = await duePolicies(db, context, dueInScope);
  const letters: PlannedLetter[] = [];
  const skipped: SkippedAccount[] = [];
  for (const d of dueInScope) {
    const verdict = channels.get(d.customerId)!;
    const policy = policyOf(d);
    if (verdict.ok) letters.push({ ...d, channel: verdict.channel, policy });
    else skipped.push({ ...key(d), name: d.name, category: "channel", reason: verdict.reason, policy });
  }

  const planned = new Set(dueInScope.map(accountKey));
  const others = selection
    ? await named(
        db,
        opts.orgId,
        selection.filter((k) => !planned.has(accountKey(k))),
      )
    : await overdueWithoutDueLetter(db, opts.orgId);
  skipped.push(...(await judgeSkipped(db, context, others)));

  const stages = [1, 2, 3, 4] as const;
  return {
    today: context.today,
    letters,
    skipped,
    byStage: stages.map((stage) => ({
      stage,
      post: letters.filter((l) => l.stage === stage && l.channel === "post").length,
      email: letters.filter((l) => l.stage === stage && l.channel === "email").length,
    })),
    fingerprint: planFingerprint(letters, context.policy),
    selection,
  };
}

const key = (a: AccountKey): AccountKey => ({ customerId: a.customerId, currency: a.currency });

/** The policy each due account follows, named for the plan (its rules may read the open balance). */
async function duePolicies(db: DbOrTx, context: WorkContext, due: AccountKey[]) {
  const customerIds = [...new Set(due.map((d) => d.customerId))];
  const [policyOf, balances] = await Promise.all([
    loadAccountPolicies(db, { orgId: context.orgId, standard: context.policy, customerIds }),
    db.account.findMany({
      where: { orgId: context.orgId, customerId: { in: customerIds } },
      select: { customerId: true, currency: true, openMinor: true },
    }),
  ]);
  const open = new Map(
    balances.map((b) => [accountKey({ customerId: b.customerId, currency: b.currency }), b.openMinor]),
  );
  return (d: AccountKey) => policyLabel(policyOf({ ...key(d), openMinor: Number(open.get(accountKey(d)) ?? 0) }));
}

async function customerChannels(db: DbOrTx, orgId: string, ids: string[]) {
  const rows = await db.customer.findMany({
    where: { orgId, id: { in: ids } },
    select: { id: true, ...CHANNEL_COLUMNS },
  });
  return new Map(rows.map((c) => [c.id, letterChannel(c)]));
}

type NamedAccount = AccountKey & { name: string };

async function named(db: DbOrTx, orgId: string, keys: AccountKey[]): Promise<NamedAccount[]> {
  const rows = await db.customer.findMany({
    where: { orgId, id: { in: [...new Set(keys.map((k) => k.customerId))] } },
    select: { id: true, name: true },
  });
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return keys.map((k) => ({ ...key(k), name: names.get(k.customerId) ?? "" }));
}

/** Overdue accounts the worklist has no due letter for (paused ones included), by name. */
function overdueWithoutDueLetter(db: DbOrTx, orgId: string): Promise<NamedAccount[]> {
  return db.$queryRaw<NamedAccount[]>`
    SELECT a.customer_id AS "customerId", trim(a.currency) AS currency, c.name
    FROM account_work a JOIN customers c ON c.id = a.customer_id
    WHERE a.org_id = ${orgId}::uuid AND a.overdue_minor > 0 AND a.due_stage IS NULL
    ORDER BY c.name, a.currency`;
}

/** Why each account gets no letter, in the policy's words; a chunk of accounts at a time. */
async function judgeSkipped(db: DbOrTx, context: WorkContext, accounts: NamedAccount[]): Promise<SkippedAccount[]> {
  const out: SkippedAccount[] = [];
  for (let i = 0; i < accounts.length; i += CHUNK) {
    const chunk = accounts.slice(i, i + CHUNK);
    const states = await loadAccountStates(db, {
      orgId: context.orgId,
      timeZone: context.timeZone,
      today: context.today,
      accounts: chunk.map(key),
      locale: context.locale,
    });
    const policyOf: PolicyOf = await loadAccountPolicies(db, {
      orgId: context.orgId,
      standard: context.policy,
      customerIds: chunk.map((a) => a.customerId),
    });
    for (const account of chunk) {
      const state = states.get(accountKey(account))!;
      const followed = policyOf(state);
      const action = nextAction(state.facts, followed.timing, context.today);
      out.push({
        ...key(account),
        name: account.name,
        ...skipCategory(state, action, context.today),
        policy: policyLabel(followed),
      });
    }
  }
  return out;
}

function skipCategory(
  state: AccountState,
  action: NextAction,
  today: DateOnly,
): { category: SkipCategory; reason: string } {
  const { facts } = state;
  const reason = action.reason;
  if (facts.letters.some((l) => l.stage === 4)) return { category: "final", reason };
  if (activePause(facts, today)) return { category: "paused", reason };
  if (action.kind === "handoff" || (action.kind === "letter" && action.blockedUntilHandoff))
    return { category: "handoff", reason };
  if (action.kind === "credit") return { category: "credit", reason };
  if (action.kind === "letter" && action.heldByPromise) return { category: "promise", reason };
  if (action.kind === "letter") return { category: "not_due", reason };
  if (!overdueInvoices(facts, today).length && facts.invoices.some((i) => i.disputed && i.dueDate < today))
    return { category: "disputed", reason };
  return { category: "nothing_overdue", reason };
}
