import { describe, expect, it } from "vitest";
import { type AccountFacts, type LetterFacts, nextAction } from "./policy";
import { DEFAULT_POLICY } from "./policy-settings";
import type { PromiseFacts } from "./promise-status";

// Frozen dates throughout: "today" is always an explicit argument.
const inv = (dueDate: string, open = 50000, extra: Partial<AccountFacts["invoices"][0]> = {}) => ({
  id: `i-${dueDate}`,
  number: `INV-${dueDate.slice(5)}`,
  issueDate: "2026-09-01",
  dueDate,
  amount: open,
  open,
  disputed: false,
  ...extra,
});
const l = (stage: number, sentOn: string, deadline: string): LetterFacts => ({ stage, sentOn, deadline });
const promise = (
  id: string,
  amount: number,
  madeOn: string,
  promisedFor: string,
  planId: string | null = null,
): PromiseFacts => ({ id, amount, madeOn, promisedFor, planId });
const base: AccountFacts = {
  currency: "EUR",
  invoices: [inv("2026-11-01")],
  letters: [],
  promises: [],
  payments: [],
  lastAnsweredOn: null,
  handoff: null,
};
const handoff = { handedOverOn: "2026-12-20", agency: "Nordic Recovery AS" };
// Letters 1 and 2 gave 13 days, so the policy's 14-day wait decides the next letter's day;
// the rows "after letter N's deadline" below give longer deadlines.
const L1 = l(1, "2026-11-05", "2026-11-18");
const L2 = l(2, "2026-11-20", "2026-12-03");
const L1_LONG = l(1, "2026-11-05", "2026-11-21");
// A letter 1 whose deadline passed before the promises below fell due.
const L1_SHORT = l(1, "2026-11-05", "2026-11-10");
const L3 = l(3, "2026-12-05", "2026-12-19");

type Row = [name: string, facts: Partial<AccountFacts>, today: string, expected: Record<string, unknown>];
const rows: Row[] = [
  ["nothing open", { invoices: [] }, "2026-11-10", { kind: "none", reason: "Nothing is overdue." }],
  // One rule in every profile: the next letter only after the previous letter's deadline passed.
  [
    "letter 2 waits for letter 1's 16-day deadline, not the 14-day policy wait",
    { letters: [L1_LONG] },
    "2026-11-21",
    { kind: "letter", stage: 2, dueOn: "2026-11-22", due: false },
  ],
  [
    "letter 2 the day after letter 1's deadline",
    { letters: [L1_LONG] },
    "2026-11-22",
    { kind: "letter", stage: 2, dueOn: "2026-11-22", due: true, reason: expect.stringContaining("payment deadline") },
  ],
  [
    "a promise broken before letter 1's deadline still waits for it",
    { letters: [L1_LONG], promises: [promise("p-early", 50000, "2026-11-06", "2026-11-10")] },
    "2026-11-12",
    { kind: "letter", stage: 2, dueOn: "2026-11-22", due: false, brokenPromiseIds: ["p-early"] },
  ],
  ["not yet due on the due date", { invoices: [inv("2026-11-10")] }, "2026-11-10", { kind: "none" }],
  [
    "letter 1 the day after the due date",
    { invoices: [inv("2026-11-10")] },
    "2026-11-11",
    { kind: "letter", stage: 1, dueOn: "2026-11-11", due: true },
  ],
  [
    "letter 1 keyed to the oldest overdue invoice",
    { invoices: [inv("2026-11-08"), inv("2026-10-01")] },
    "2026-11-11",
    { stage: 1, dueOn: "2026-10-02" },
  ],
  [
    "credit on account covering the overdue amount: apply it, no letter",
    { invoices: [inv("2026-10-01", 500), inv("2026-12-01", 900)], creditMinor: 500 },
    "2026-11-11",
    { kind: "credit", reason: "Credit on account covers the overdue amount — apply it" },
  ],
  [
    "credit on account covering part of the overdue amount: the letter is still due",
    { invoices: [inv("2026-10-01", 500)], creditMinor: 499 },
    "2026-11-11",
    { kind: "letter", stage: 1, due: true },
  ],
  [
    "credit on account before anything is overdue: nothing to do",
    { invoices: [inv("2026-12-01", 500)], creditMinor: 500 },
    "2026-11-11",
    { kind: "none", reason: "Nothing is overdue." },
  ],
  [
    "only disputed invoices overdue",
    { invoices: [inv("2026-11-01", 500, { disputed: true })] },
    "2026-11-11",
    { kind: "none", reason: expect.stringContaining("disputed") },
  ],
  [
    "a disputed invoice does not count for letter 1 timing",
    { invoices: [inv("2026-10-01", 5, { disputed: true }), inv("2026-11-09")] },
    "2026-11-11",
    { stage: 1, dueOn: "2026-11-10" },
  ],
  ["letter 2 not before 14 days", { letters: [L1] }, "2026-11-18", { stage: 2, dueOn: "2026-11-19", due: false }],
  [
    "letter 2 due 14 days after letter 1",
    { letters: [L1] },
    "2026-11-19",
    { stage: 2, due: true, reason: "Letter 2 due since 19 Nov 2026: 14 days after letter 1 with no payment" },
  ],
  [
    "a partial payment does not stop letter 2",
    { letters: [L1], payments: [{ receivedOn: "2026-11-10", amount: 100 }] },
    "2026-11-19",
    { stage: 2, due: true, reason: expect.stringContaining("balance still overdue") },
  ],
  [
    "a customer answer restarts the wait",
    { letters: [L1], lastAnsweredOn: "2026-11-10" },
    "2026-11-19",
    { stage: 2, dueOn: "2026-11-24", due: false },
  ],
  [
    "a pending promise pauses escalation",
    { letters: [L1], promises: [promise("p1", 50000, "2026-11-10", "2026-11-30")] },
    "2026-11-25",
    { stage: 2, dueOn: "2026-12-01", due: false, reason: expect.stringContaining("paused") },
  ],
  [
    "a broken promise makes letter 2 due at once",
    { letters: [L1_SHORT], promises: [promise("p1", 50000, "2026-11-08", "2026-11-12")] },
    "2026-11-13",
    {
      stage: 2,
      dueOn: "2026-11-13",
      due: true,
      brokenPromiseIds: ["p1"],
      reason: "Promise of €500.00 due 12 Nov 2026 was broken: letter 2 is due at once",
    },
  ],
  [
    "a promise partly paid is still broken",
    {
      letters: [L1_SHORT],
      promises: [promise("p1", 50000, "2026-11-08", "2026-11-12")],
      payments: [{ receivedOn: "2026-11-12", amount: 49999 }],
    },
    "2026-11-13",
    { stage: 2, due: true, brokenPromiseIds: ["p1"] },
  ],
  [
    "a kept promise resumes normal timing",
    {
      letters: [L1],
      promises: [promise("p1", 20000, "2026-11-08", "2026-11-12")],
      payments: [{ receivedOn: "2026-11-12", amount: 20000 }],
    },
    "2026-11-13",
    { stage: 2, dueOn: "2026-11-19", due: false },
  ],
  [
    "a promise made before the last letter no longer counts",
    { letters: [L1, L2], promises: [promise("p1", 50000, "2026-11-08", "2026-11-12")] },
    "2026-11-25",
    { stage: 3, dueOn: "2026-12-04", due: false, brokenPromiseIds: [] },
  ],
  [
    "a plan with instalments met pauses",
    {
      letters: [L1],
      promises: [
        promise("a", 10000, "2026-11-06", "2026-11-15", "plan"),
        promise("b", 10000, "2026-11-06", "2026-12-15", "plan"),
      ],
      payments: [{ receivedOn: "2026-11-14", amount: 10000 }],
    },
    "2026-11-30",
    { stage: 2, dueOn: "2026-12-16", due: false },
  ],
  [
    "a missed instalment counts as a broken promise",
    {
      letters: [L1_SHORT],
      promises: [
        promise("a", 10000, "2026-11-06", "2026-11-15", "plan"),
        promise("b", 10000, "2026-11-06", "2026-12-15", "plan"),
      ],
      payments: [{ receivedOn: "2026-11-14", amount: 5000 }],
    },
    "2026-11-16",
    {
      stage: 2,
      dueOn: "2026-11-16",
      due: true,
      brokenPromiseIds: ["a"],
      reason: expect.stringContaining("Instalment of €100.00 due 15 Nov 2026"),
    },
  ],
  [
    "a new promise after a broken one supersedes it",
    {
      letters: [L1],
      promises: [promise("p1", 50000, "2026-11-08", "2026-11-12"), promise("p2", 50000, "2026-11-14", "2026-11-20")],
    },
    "2026-11-15",
    { stage: 2, dueOn: "2026-11-21", due: false, brokenPromiseIds: [] },
  ],
  [
    "the new promise broken in turn makes the letter due",
    {
      letters: [L1],
      promises: [promise("p1", 50000, "2026-11-08", "2026-11-12"), promise("p2", 50000, "2026-11-14", "2026-11-20")],
    },
    "2026-11-21",
    { stage: 2, dueOn: "2026-11-19", due: true, brokenPromiseIds: ["p2"] },
  ],
  [
    "letter 3 fourteen days after letter 2",
    { letters: [L1, L2] },
    "2026-12-04",
    { stage: 3, dueOn: "2026-12-04", due: true },
  ],
  [
    "letter 4 waits for letter 3's deadline",
    { letters: [L1, L2, L3] },
    "2026-12-19",
    { stage: 4, dueOn: "2026-12-20", due: false, blockedUntilHandoff: true },
  ],
  [
    "deadline passed without hand-off: review for hand-off",
    { letters: [L1, L2, L3] },
    "2026-12-20",
    { kind: "handoff", dueOn: "2026-12-20" },
  ],
  [
    "letter 4 after the hand-off",
    { letters: [L1, L2, L3], handoff },
    "2026-12-20",
    { kind: "letter", stage: 4, dueOn: "2026-12-20", due: true, blockedUntilHandoff: false },
  ],
  [
    "letter 4 not before letter 3's deadline even with a hand-off",
    { letters: [L1, L2, L3], handoff: { ...handoff, handedOverOn: "2026-12-10" } },
    "2026-12-15",
    { stage: 4, dueOn: "2026-12-20", due: false },
  ],
  [
    "nothing after letter 4",
    { letters: [L1, L2, L3, l(4, "2026-12-21", "2027-01-04")], handoff },
    "2027-02-01",
    { kind: "none" },
  ],
  ["a policy with longer waits", { letters: [L1] }, "2026-11-19", { stage: 2, dueOn: "2026-11-26", due: false }],
];

describe("stage policy", () => {
  it.each(rows)("%s", (name, facts, today, expected) => {
    const policy = name === "a policy with longer waits" ? { ...DEFAULT_POLICY, letter2AfterDays: 21 } : DEFAULT_POLICY;
    expect(nextAction({ ...base, ...facts }, policy, today)).toMatchObject(expected);
  });
});
