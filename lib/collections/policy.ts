import { formatMoney } from "@/lib/money/money";
import { addDaysTo, type DateOnly, formatDateOnly } from "@/lib/time/dates";
import type { LetterHold } from "./letter-holds";
import type { PolicySettings } from "./policy-settings";
import { type PaymentFacts, type PromiseFacts, promiseStatuses } from "./promise-status";

// The stage policy: pure, so every rule is a table row in policy.test.ts.

export interface InvoiceFacts {
  id: string;
  number: string;
  issueDate: DateOnly;
  dueDate: DateOnly;
  amount: number;
  open: number;
  /** An open dispute takes the invoice out of letters and escalation. */
  disputed: boolean;
}

export interface LetterFacts {
  stage: number;
  sentOn: DateOnly;
  deadline: DateOnly;
}

/** What the policy needs to know about one account (customer + currency) and its open case. */
export interface AccountFacts {
  currency: string;
  locale?: string;
  /** The account's invoices with an open balance. */
  invoices: InvoiceFacts[];
  /** Letters of the open case. */
  letters: LetterFacts[];
  /** Promises and plan instalments of the open case. */
  promises: PromiseFacts[];
  /** The account's payments received since the case opened (or the earliest promise). */
  payments: PaymentFacts[];
  /** The latest day the customer answered (reply, or a call where we spoke), if any. */
  lastAnsweredOn: DateOnly | null;
  handoff: { handedOverOn: DateOnly; agency: string } | null;
  /** Dunning paused on the customer (reason, optional last day); absent or null: not paused. */
  pause?: { reason: string; until: DateOnly | null } | null;
  /** Credit on the account (unapplied cash, credit notes on account) as of today, minor units; absent: none. */
  creditMinor?: number;
  /** What holds the next letter: a "we paid" claim not yet matched, an unread reply (lib/collections/letter-holds.ts). */
  holds?: LetterHold[];
}

export const CREDIT_COVERS_REASON = "Credit on account covers the overdue amount — apply it";

/** The pause in force today, if any: a pause ends after its last day. */
export function activePause(facts: AccountFacts, today: DateOnly) {
  const pause = facts.pause;
  return pause && (pause.until === null || pause.until >= today) ? pause : null;
}

export type NextAction =
  | {
      kind: "letter";
      stage: 1 | 2 | 3 | 4;
      dueOn: DateOnly;
      /** dueOn <= today */
      due: boolean;
      reason: string;
      /** Broken promises this letter acts on; recorded in the history when it is sent. */
      brokenPromiseIds: string[];
      /** Letter 4 states the account was handed over: it cannot go before a hand-off, override or not. */
      blockedUntilHandoff: boolean;
      /** Not due because a pending promise or plan instalment holds escalation (the bulk-send plan names it). */
      heldByPromise?: boolean;
    }
  | { kind: "handoff"; dueOn: DateOnly; reason: string }
  /** The account's own credit covers what is overdue: apply it instead of writing (no letter goes). */
  | { kind: "credit"; dueOn: DateOnly; reason: string }
  | { kind: "none"; reason: string };

/**
 * One rule for every profile, read by the worklist, the bulk plan and the send
 * check alike: the next letter goes only after the previous letter's payment
 * deadline has passed. A letter 2 sent on day 14 while letter 1 gave 16 days
 * contradicts letter 1 (and in Norway a second fee needs the first deadline
 * passed, inkassoforskriften § 1-3). null before letter 1.
 */
export function nextLetterNotBefore(last: LetterFacts | null): DateOnly | null {
  return last ? addDaysTo(last.deadline, 1) : null;
}

/** Why a hold keeps the letter back, in the worklist's and the send check's words. */
export function holdReason(hold: LetterHold, day: (d: DateOnly) => string): string {
  return hold.kind === "paid_claim"
    ? `The customer says it paid on ${day(hold.since)}: no letter until that payment is matched or an administrator releases the claim.`
    : `The customer replied by email on ${day(hold.since)}: no letter until a collector has read the reply.`;
}

export function overdueInvoices(facts: AccountFacts, today: DateOnly): InvoiceFacts[] {
  return facts.invoices
    .filter((i) => i.open > 0 && i.dueDate < today && !i.disputed)
    .sort((a, b) => (a.dueDate === b.dueDate ? a.number.localeCompare(b.number) : a.dueDate < b.dueDate ? -1 : 1));
}

export function nextAction(facts: AccountFacts, policy: PolicySettings, today: DateOnly): NextAction {
  const locale = facts.locale ?? "en-GB";
  const day = (d: DateOnly) => formatDateOnly(d, locale);
  const money = (minor: number) => formatMoney(minor, facts.currency, locale);
  const letters = [...facts.letters].sort((a, b) => a.stage - b.stage);
  const last = letters.at(-1) ?? null;

  if (last?.stage === 4)
    return { kind: "none", reason: `Final letter sent on ${day(last.sentOn)}; the agency has the account.` };
  const pause = activePause(facts, today);
  if (pause)
    return {
      kind: "none",
      reason: `Dunning is paused${pause.until ? ` until ${day(pause.until)}` : ""}: ${pause.reason}`,
    };
  if (facts.holds?.length) return { kind: "none", reason: facts.holds.map((h) => holdReason(h, day)).join(" ") };
  const overdue = overdueInvoices(facts, today);
  if (!overdue.length) {
    const disputed = facts.invoices.some((i) => i.disputed && i.open > 0 && i.dueDate < today);
    return {
      kind: "none",
      reason: disputed
        ? "Only disputed invoices are overdue; no letter until the dispute is resolved."
        : "Nothing is overdue.",
    };
  }
  // Dunning a customer for money we already hold for them is wrong: the credit is applied, not chased.
  const credit = facts.creditMinor ?? 0;
  if (credit > 0 && credit >= overdue.reduce((s, i) => s + i.open, 0))
    return { kind: "credit", dueOn: today, reason: CREDIT_COVERS_REASON };

  const letter = (
    stage: 1 | 2 | 3 | 4,
    dueOn: DateOnly,
    reason: string,
    brokenPromiseIds: string[] = [],
    blockedUntilHandoff = false,
  ): Extract<NextAction, { kind: "letter" }> => ({
    kind: "letter",
    stage,
    dueOn,
    due: dueOn <= today,
    reason,
    brokenPromiseIds,
    blockedUntilHandoff,
  });
  const floor = nextLetterNotBefore(last);
  const notBeforeDeadline = (d: DateOnly) => (floor && d < floor ? floor : d);

  if (last?.stage === 3) {
    const from = addDaysTo(last.deadline, policy.letter4AfterDeadlineDays);
    if (!facts.handoff) {
      if (today >= from) {
        return {
          kind: "handoff",
          dueOn: from,
          reason: `Letter 3 deadline of ${day(last.deadline)} passed without payment: review the history and hand the account to an agency.`,
        };
      }
      return letter(
        4,
        from,
        `Letter 4 can go after letter 3's deadline of ${day(last.deadline)} has passed and a hand-off to an agency is recorded.`,
        [],
        true,
      );
    }
    const dueOn = facts.handoff.handedOverOn > from ? facts.handoff.handedOverOn : from;
    return letter(
      4,
      dueOn,
      `Letter 4 ${dueOn <= today ? "due since" : "due on"} ${day(dueOn)}: handed over to ${facts.handoff.agency} on ${day(facts.handoff.handedOverOn)}; send by registered mail.`,
    );
  }

  const stage = ((last?.stage ?? 0) + 1) as 1 | 2 | 3;
  let dueOn: DateOnly;
  let reason: string;
  if (!last) {
    const oldest = overdue[0];
    dueOn = addDaysTo(oldest.dueDate, policy.letter1AfterDueDays);
    reason = `Letter 1 ${dueOn <= today ? "due since" : "due on"} ${day(dueOn)}: invoice ${oldest.number} was due on ${day(oldest.dueDate)}`;
  } else {
    const wait = stage === 2 ? policy.letter2AfterDays : policy.letter3AfterDays;
    const answered = facts.lastAnsweredOn && facts.lastAnsweredOn > last.sentOn ? facts.lastAnsweredOn : null;
    const afterWait = addDaysTo(answered ?? last.sentOn, wait);
    dueOn = notBeforeDeadline(afterWait);
    const paidSince = facts.payments.some((p) => p.receivedOn >= last.sentOn);
    reason = `Letter ${stage} ${dueOn <= today ? "due since" : "due on"} ${day(dueOn)}: ${
      dueOn > afterWait
        ? `after letter ${last.stage}'s payment deadline of ${day(last.deadline)}`
        : `${wait} days after ${answered ? `the customer's answer of ${day(answered)}` : `letter ${last.stage}`}`
    } with ${paidSince ? "the balance still overdue" : "no payment"}`;
  }

  // Promises made since the last letter: broken ones make the letter due at
  // once; pending ones pause escalation until their date.
  const recent = facts.promises.filter((p) => !last || p.madeOn >= last.sentOn);
  const statuses = promiseStatuses(recent, facts.payments, today);
  // A new promise or plan made after a promise broke supersedes it: the customer answered again.
  const superseded = (p: PromiseFacts) =>
    recent.some((q) => q.madeOn > p.promisedFor && (p.planId === null || q.planId !== p.planId));
  const broken = statuses.flatMap((s) => {
    const p = recent.find((r) => r.id === s.id)!;
    return s.status === "broken" && !superseded(p) ? [{ s, p }] : [];
  });
  if (broken.length) {
    const first = broken.sort((a, b) => (a.p.promisedFor < b.p.promisedFor ? -1 : 1))[0];
    const what = first.p.planId
      ? `Instalment of ${money(first.p.amount)} due ${day(first.p.promisedFor)} under the payment plan was missed`
      : `Promise of ${money(first.p.amount)} due ${day(first.p.promisedFor)} was broken`;
    const brokenOn = first.s.status === "broken" ? first.s.brokenOn : today;
    const at = notBeforeDeadline(brokenOn < dueOn ? brokenOn : dueOn);
    return letter(
      stage,
      at,
      at <= today || !last
        ? `${what}: letter ${stage} is due at once`
        : `${what}: letter ${stage} goes after letter ${last.stage}'s payment deadline of ${day(last.deadline)}`,
      broken.map((b) => b.p.id),
    );
  }
  const pending = recent.filter((p) => statuses.find((s) => s.id === p.id)?.status === "pending");
  if (pending.length) {
    const next = pending.sort((a, b) => (a.promisedFor < b.promisedFor ? -1 : 1))[0];
    const resume = addDaysTo(next.promisedFor, 1);
    if (resume > dueOn) dueOn = resume;
    const what = next.planId
      ? `payment plan instalment of ${money(next.amount)} due ${day(next.promisedFor)}`
      : `promise of ${money(next.amount)} due ${day(next.promisedFor)}`;
    return {
      ...letter(
        stage,
        dueOn,
        `Escalation paused by a ${what}; letter ${stage} not before ${day(dueOn)} if it is not paid`,
      ),
      heldByPromise: true,
    };
  }
  return letter(stage, dueOn, reason);
}
