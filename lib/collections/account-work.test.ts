import { describe, expect, it } from "vitest";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { createRandom } from "@/tooling/demo/random";
import type { AccountState } from "./account-state";
import { type AccountWork, accountWork } from "./account-work";
import type { AccountFacts, InvoiceFacts, LetterFacts } from "./policy";
import { DEFAULT_POLICY, type PolicySettings } from "./policy-settings";
import type { PromiseFacts } from "./promise-status";

// The worklist trusts a cached verdict until its recheck day. These tests walk
// many accounts day by day and recompute every day: the verdict must not change
// before the recheck day the previous verdict named.

function state(facts: AccountFacts, extra: { registeredUntracked?: boolean } = {}): AccountState {
  const disputed = facts.invoices.filter((i) => i.disputed);
  return {
    key: { customerId: "c", currency: facts.currency },
    facts,
    caseId: facts.letters.length ? "case" : null,
    letters: facts.letters.map((l) => ({
      id: `letter-${l.stage}`,
      stage: l.stage,
      sentAt: new Date(`${l.sentOn}T10:00:00Z`),
      sentOn: l.sentOn,
      deadline: l.deadline,
      sentBy: "Casey",
      registeredMail: l.stage === 4,
      trackingNumber: l.stage === 4 && !extra.registeredUntracked ? "RR123" : null,
    })),
    openDisputes: disputed.map((i) => ({
      id: `d-${i.id}`,
      invoiceId: i.id,
      invoiceNumber: i.number,
      openedOn: i.dueDate,
      note: "",
    })),
    handoff: facts.handoff
      ? { agency: facts.handoff.agency, reference: "R1", handedOverOn: facts.handoff.handedOverOn, amountMinor: 1 }
      : null,
    openMinor: facts.invoices.reduce((s, i) => s + i.open, 0),
    overdueMinor: 0,
    oldestDaysPastDue: 0,
  };
}

const START: DateOnly = "2026-10-01";

function randomAccount(seed: number): { facts: AccountFacts; untracked: boolean } {
  const r = createRandom(seed).next;
  const int = (n: number) => Math.floor(r() * n);
  const day = (from: number, span: number) => addDaysTo(START, from + int(span));
  const invoices: InvoiceFacts[] = Array.from({ length: 1 + int(4) }, (_, k) => {
    const dueDate = day(-40, 90);
    return {
      id: `i${k}`,
      number: `INV-${k}`,
      issueDate: addDaysTo(dueDate, -30),
      dueDate,
      amount: 10000,
      open: 1000 + int(9000),
      disputed: r() < 0.15,
    };
  });
  const letters: LetterFacts[] = [];
  let sent = day(-10, 20);
  for (let stage = 1; stage <= int(5); stage++) {
    letters.push({ stage, sentOn: sent, deadline: addDaysTo(sent, 14) });
    sent = addDaysTo(sent, 10 + int(12));
  }
  const promises: PromiseFacts[] = Array.from({ length: int(3) }, (_, k) => {
    const madeOn = day(-5, 60);
    return {
      id: `p${k}`,
      amount: 500 + int(3000),
      madeOn,
      promisedFor: addDaysTo(madeOn, 1 + int(20)),
      planId: r() < 0.3 ? "plan" : null,
    };
  });
  const payments = Array.from({ length: int(3) }, () => ({ receivedOn: day(-5, 70), amount: 200 + int(3000) }));
  const handoff =
    letters.length >= 3 && r() < 0.6
      ? { handedOverOn: addDaysTo(letters[2].deadline, int(10)), agency: "Nordic Recovery AS" }
      : null;
  const lastAnsweredOn = r() < 0.3 ? day(-5, 60) : null;
  return {
    facts: { currency: "EUR", invoices, letters, promises, payments, lastAnsweredOn, handoff },
    untracked: r() < 0.5,
  };
}

const verdict = ({ recheckOn: _, ...rest }: AccountWork) => rest;

function walk(s: AccountState, policy: PolicySettings, days: number): { checkedDays: number; recomputations: number } {
  let cached = accountWork(s, policy, START);
  let recomputations = 1;
  let checkedDays = 0;
  for (let n = 1; n <= days; n++) {
    const today = addDaysTo(START, n);
    const fresh = accountWork(s, policy, today);
    if (cached.recheckOn === null || today < cached.recheckOn) {
      expect(
        verdict(fresh),
        `day ${today}: the verdict cached on an earlier day said nothing changes before ${cached.recheckOn}`,
      ).toEqual(verdict(cached));
      checkedDays++;
    } else {
      cached = fresh;
      recomputations++;
    }
  }
  return { checkedDays, recomputations };
}

describe("account work", () => {
  it("a letter due, with its stage, overdue balance and oldest overdue due date", () => {
    const facts: AccountFacts = {
      currency: "EUR",
      invoices: [
        {
          id: "a",
          number: "INV-1",
          issueDate: "2026-09-01",
          dueDate: "2026-10-01",
          amount: 500,
          open: 500,
          disputed: false,
        },
        {
          id: "b",
          number: "INV-2",
          issueDate: "2026-10-01",
          dueDate: "2026-12-01",
          amount: 700,
          open: 700,
          disputed: false,
        },
      ],
      letters: [],
      promises: [],
      payments: [],
      lastAnsweredOn: null,
      handoff: null,
    };
    expect(accountWork(state(facts), DEFAULT_POLICY, "2026-11-25")).toEqual({
      kind: "letter",
      dueStage: 1,
      overdueMinor: 500,
      oldestOverdueDue: "2026-10-01",
      recheckOn: "2026-12-02",
    });
    expect(accountWork(state(facts), DEFAULT_POLICY, "2026-10-01")).toEqual({
      kind: null,
      dueStage: null,
      overdueMinor: 0,
      oldestOverdueDue: null,
      recheckOn: "2026-10-02",
    });
  });

  it("an account whose only work is a dispute has no letter stage", () => {
    const facts: AccountFacts = {
      currency: "EUR",
      invoices: [
        {
          id: "a",
          number: "INV-1",
          issueDate: "2026-09-01",
          dueDate: "2026-10-01",
          amount: 500,
          open: 500,
          disputed: true,
        },
      ],
      letters: [],
      promises: [],
      payments: [],
      lastAnsweredOn: null,
      handoff: null,
    };
    expect(accountWork(state(facts), DEFAULT_POLICY, "2026-11-25")).toMatchObject({
      kind: "dispute",
      dueStage: null,
      overdueMinor: 500,
    });
  });

  it("never changes its verdict before the recheck day (500 random accounts, 150 days each, two policies)", () => {
    const slow: PolicySettings = {
      letter1AfterDueDays: 10,
      letter2AfterDays: 21,
      letter3AfterDays: 7,
      letter4AfterDeadlineDays: 3,
      deadlineDays: [14, 14, 14, 14],
    };
    let checked = 0;
    let recomputed = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const { facts, untracked } = randomAccount(seed);
      for (const policy of [DEFAULT_POLICY, slow]) {
        const { checkedDays, recomputations } = walk(state(facts, { registeredUntracked: untracked }), policy, 150);
        checked += checkedDays;
        recomputed += recomputations;
      }
    }
    // The cache is worth having: most days are answered from it.
    expect(checked).toBeGreaterThan(recomputed * 3);
    // 150,000 account-days of pure policy: ~20 s on a quiet 2-core machine; a limit, not a speed target.
  }, 300_000);
});
