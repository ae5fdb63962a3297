import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import { formatDateOnly, todayIn, type DateOnly } from "@/lib/time/dates";
import { accountKey, loadAccountStates, type AccountKey } from "./account-state";
import { nextAction, type NextAction } from "./policy";
import { getPolicySettings } from "./policy-settings";

export type WorkKind = "letter" | "handoff" | "dispute" | "tracking";

export interface WorklistItem {
  customerId: string;
  name: string;
  currency: string;
  overdueMinor: number;
  oldestDaysPastDue: number;
  /** Highest letter stage sent in the open case. */
  lastStage: number | null;
  kind: WorkKind;
  /** The letter the policy says is due, when kind is "letter". */
  dueStage: number | null;
  dueOn: DateOnly | null;
  /** Why the account needs action; the first is the main one. */
  reasons: string[];
  letterId: string | null;
}

export const WORKLIST_PAGE_SIZE = 25;
const STATE_CHUNK = 500;

/**
 * Accounts that need action today, most important first: candidates (accounts
 * with an overdue balance) come from SQL ordered by overdue amount times days
 * past due of the oldest invoice ("amount and age"); the stage policy then
 * keeps those with something to do. The policy runs in TypeScript, so the
 * filtering happens after the SQL ordering, over chunks of accounts.
 */
export async function listWorklist(
  tx: DbOrTx,
  opts: { orgId: string; now: Date; page?: number; pageSize?: number },
): Promise<{ items: WorklistItem[]; total: number; pageSize: number; today: DateOnly }> {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const policy = await getPolicySettings(tx, opts);
  const today = todayIn(org.timeZone, opts.now);
  const candidates = await tx.$queryRaw<{ customer_id: string; currency: string; name: string; overdue: bigint; oldest: number }[]>(Prisma.sql`
    SELECT i.customer_id, i.currency, c.name, sum(i.amount_minor - i.paid_minor) AS overdue, max(${today}::date - i.due_date) AS oldest
    FROM invoices i JOIN customers c ON c.id = i.customer_id
    WHERE i.org_id = ${opts.orgId}::uuid AND i.paid_minor < i.amount_minor AND i.due_date < ${today}::date
    GROUP BY i.customer_id, i.currency, c.name
    ORDER BY sum(i.amount_minor - i.paid_minor) * max(${today}::date - i.due_date) DESC, c.name, i.currency`);

  const items: WorklistItem[] = [];
  for (let start = 0; start < candidates.length; start += STATE_CHUNK) {
    const chunk = candidates.slice(start, start + STATE_CHUNK);
    const keys: AccountKey[] = chunk.map((c) => ({ customerId: c.customer_id, currency: c.currency }));
    const states = await loadAccountStates(tx, { orgId: org.id, timeZone: org.timeZone, today, accounts: keys, locale: org.locale });
    for (const c of chunk) {
      const state = states.get(accountKey({ customerId: c.customer_id, currency: c.currency }))!;
      const action = nextAction(state.facts, policy, today);
      const day = (d: DateOnly) => formatDateOnly(d, org.locale);
      const work: { kind: WorkKind; reason: string; letterId?: string }[] = [];
      if (action.kind === "letter" && action.due && !action.blockedUntilHandoff) work.push({ kind: "letter", reason: action.reason });
      if (action.kind === "handoff") work.push({ kind: "handoff", reason: action.reason });
      const untracked = state.letters.find((l) => l.registeredMail && !l.trackingNumber);
      if (untracked) work.push({ kind: "tracking", reason: `Letter ${untracked.stage} went by registered mail on ${day(untracked.sentOn)}: add the tracking number`, letterId: untracked.id });
      // After a hand-off only letter 4 (and its tracking number) keeps the account here.
      if (!state.handoff) {
        for (const d of state.openDisputes) work.push({ kind: "dispute", reason: `Disputed invoice ${d.invoiceNumber} awaiting answer (since ${day(d.openedOn)})` });
      }
      if (!work.length) continue;
      items.push({
        customerId: c.customer_id,
        name: c.name,
        currency: c.currency,
        overdueMinor: toMinor(c.overdue),
        oldestDaysPastDue: Number(c.oldest),
        lastStage: state.letters.at(-1)?.stage ?? null,
        kind: work[0].kind,
        dueStage: dueLetterStage(action),
        dueOn: action.kind === "none" ? null : action.dueOn,
        reasons: work.map((w) => w.reason),
        letterId: work.find((w) => w.letterId)?.letterId ?? null,
      });
    }
  }
  const pageSize = opts.pageSize ?? WORKLIST_PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, pageSize, today };
}

function dueLetterStage(action: NextAction): number | null {
  return action.kind === "letter" && action.due && !action.blockedUntilHandoff ? action.stage : null;
}
