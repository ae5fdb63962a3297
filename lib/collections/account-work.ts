import { addDaysTo, type DateOnly, formatDateOnly } from "@/lib/time/dates";
import type { AccountState } from "./account-state";
import { activePause, type NextAction, nextAction } from "./policy";
import type { PolicySettings } from "./policy-settings";

// What an account needs today, and until when that answer holds. Pure: the
// worklist caches it per account (table `accounts`, refreshed by
// refresh-account-work.ts), and account-work.test.ts checks day by day that the
// answer really does not change before `recheckOn`.

export type WorkKind = "letter" | "handoff" | "credit" | "dispute" | "tracking";

export interface WorkEntry {
  kind: WorkKind;
  reason: string;
  letterId?: string;
}

/** The account's work today, most important first; empty when nothing is to be done. */
export function workEntries(state: AccountState, action: NextAction, today: DateOnly, locale: string): WorkEntry[] {
  const overdue = state.facts.invoices.some((i) => i.dueDate < today);
  // A paused account is off the worklist altogether (the worklist lists the paused ones apart, with the reason).
  if (!overdue || activePause(state.facts, today)) return [];
  const day = (d: DateOnly) => formatDateOnly(d, locale);
  const work: WorkEntry[] = [];
  if (action.kind === "letter" && action.due && !action.blockedUntilHandoff)
    work.push({ kind: "letter", reason: action.reason });
  if (action.kind === "handoff" || action.kind === "credit") work.push({ kind: action.kind, reason: action.reason });
  const untracked = state.letters.find((l) => l.registeredMail && !l.trackingNumber);
  if (untracked)
    work.push({
      kind: "tracking",
      reason: `Letter ${untracked.stage} went by registered mail on ${day(untracked.sentOn)}: add the tracking number`,
      letterId: untracked.id,
    });
  // After a hand-off only letter 4 (and its tracking number) keeps the account here.
  if (!state.handoff) {
    for (const d of state.openDisputes)
      work.push({
        kind: "dispute",
        reason: `Disputed invoice ${d.invoiceNumber} awaiting answer (since ${day(d.openedOn)})`,
      });
  }
  return work;
}

/** The letter stage due now, if the action is a letter that may go today. */
export function dueLetterStage(action: NextAction): 1 | 2 | 3 | 4 | null {
  return action.kind === "letter" && action.due && !action.blockedUntilHandoff ? action.stage : null;
}

export interface AccountWork {
  /** The main work today; null when the account is not on the worklist. */
  kind: WorkKind | null;
  dueStage: 1 | 2 | 3 | 4 | null;
  /** Open balance of the invoices past due (disputed ones included). */
  overdueMinor: number;
  oldestOverdueDue: DateOnly | null;
  /** The first later day on which any of the above can change with no new facts; null: never. */
  recheckOn: DateOnly | null;
}

export function accountWork(state: AccountState, policy: PolicySettings, today: DateOnly): AccountWork {
  const action = nextAction(state.facts, policy, today);
  const work = workEntries(state, action, today, "en-GB");
  const overdue = state.facts.invoices.filter((i) => i.dueDate < today);
  return {
    kind: work[0]?.kind ?? null,
    dueStage: work.length ? dueLetterStage(action) : null,
    overdueMinor: overdue.reduce((s, i) => s + i.open, 0),
    oldestOverdueDue: overdue.length
      ? overdue.reduce((m, i) => (i.dueDate < m ? i.dueDate : m), overdue[0].dueDate)
      : null,
    recheckOn: nextChangeAfter(state, policy, today, action),
  };
}

/**
 * Every day on which the policy's answer can turn with the facts unchanged is
 * one of these: an invoice falling due (the day after its due date, and the
 * letter-1 day after that), a promise breaking (the day after its date), the
 * waiting periods after the last letter or the customer's answer, letter 3's
 * deadline plus the hand-off wait, the hand-off day, and the date the current
 * answer names. Early is only a wasted recomputation; late would be wrong,
 * so the list errs wide.
 */
function nextChangeAfter(
  state: AccountState,
  policy: PolicySettings,
  today: DateOnly,
  action: NextAction,
): DateOnly | null {
  const { facts } = state;
  const days: DateOnly[] = [];
  for (const i of facts.invoices) days.push(addDaysTo(i.dueDate, 1), addDaysTo(i.dueDate, policy.letter1AfterDueDays));
  for (const p of facts.promises) days.push(p.madeOn, addDaysTo(p.promisedFor, 1));
  const waits = [policy.letter2AfterDays, policy.letter3AfterDays];
  for (const l of facts.letters) {
    days.push(l.sentOn, l.deadline, addDaysTo(l.deadline, policy.letter4AfterDeadlineDays));
    for (const w of waits) days.push(addDaysTo(l.sentOn, w));
  }
  if (facts.lastAnsweredOn) for (const w of waits) days.push(addDaysTo(facts.lastAnsweredOn, w));
  if (facts.handoff) days.push(facts.handoff.handedOverOn);
  if (facts.pause?.until) days.push(addDaysTo(facts.pause.until, 1));
  if (action.kind !== "none") days.push(action.dueOn);
  return days.filter((d) => d > today).sort()[0] ?? null;
}
