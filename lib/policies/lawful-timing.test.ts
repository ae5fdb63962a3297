import { describe, expect, it } from "vitest";
import { type AccountFacts, nextAction } from "@/lib/collections/policy";
import { checkLetter } from "@/lib/law/check-letter";
import { DEFAULT_LAW_SETTINGS, type LawSettings } from "@/lib/law/law-settings-types";
import { profileFor } from "@/lib/law/profile";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { type CustomerPolicyFacts, type PolicyBook, resolvePolicy } from "./policy-book";
import { checkSteps, type PolicyStep, PolicyStepsError } from "./policy-steps";
import { letterSettings } from "./policy-timeline";

// Property: whatever policy an administrator writes, no account is ever offered a
// letter the law profile refuses on its timing or its days to pay. Random policies,
// customers (country, type), law settings and letter histories, from a seeded generator
// so a failure repeats; every case runs the real stage rules and the real law check.

/** A book with one named policy "p" and one customer, for pure tests (no database). */
function loadPolicyBookFrom(opts: {
  steps: PolicyStep[];
  customer: CustomerPolicyFacts;
  law: LawSettings;
}): PolicyBook {
  const timing = letterSettings(opts.steps);
  return {
    standard: { id: null, name: "Standard", isDefault: false, steps: [], timing },
    policies: [{ id: "p", name: "Consumers", isDefault: true, steps: opts.steps, timing }],
    rules: [],
    customers: new Map([[opts.customer.id, opts.customer]]),
    law: opts.law,
  };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPolicy(r: () => number): PolicyStep[] {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const steps: PolicyStep[] = [];
  let n = 0;
  const key = () => `step-${n++}`;
  const task = (): PolicyStep => ({
    key: key(),
    kind: r() < 0.5 ? "call_task" : "review_task",
    anchor: "previous_step",
    offsetDays: int(0, 10),
    stage: null,
    deadlineDays: null,
    note: "Call",
  });
  if (r() < 0.6)
    steps.push({
      key: key(),
      kind: "reminder_email",
      anchor: "due_date",
      offsetDays: int(-10, 0),
      stage: null,
      deadlineDays: null,
      note: "",
    });
  for (const stage of [1, 2, 3, 4]) {
    if (r() < 0.4) steps.push(task());
    steps.push({
      key: key(),
      kind: "letter",
      anchor: stage === 1 ? "due_date" : "previous_step",
      offsetDays: stage === 1 ? int(1, 20) : int(1, 30),
      stage,
      deadlineDays: int(1, 30),
      note: "",
    });
  }
  return steps;
}

describe("a policy can only be stricter than the law", () => {
  it("no account is offered a letter the law profile refuses (600 random cases)", () => {
    const r = rng(27);
    const countries = ["NO", "IT", "GB", "US", "DE"];
    const types = ["business", "consumer", "sole_trader"] as const;
    let checked = 0;
    for (let i = 0; i < 600; i++) {
      let steps: PolicyStep[];
      try {
        steps = checkSteps(randomPolicy(r));
      } catch (error) {
        if (error instanceof PolicyStepsError) continue; // an editor would refuse it too
        throw error;
      }
      const customer = {
        id: "c",
        countryCode: countries[Math.floor(r() * countries.length)],
        type: types[Math.floor(r() * types.length)],
        tags: [],
        workflowPolicyId: "p",
      };
      const law: LawSettings = { ...DEFAULT_LAW_SETTINGS, italyDiffida: r() < 0.5 };
      const book = loadPolicyBookFrom({ steps, customer, law });
      const policy = resolvePolicy(book, { customerId: "c", currency: "EUR", openMinor: 1000 });
      const due: DateOnly = "2026-03-10";
      const sentStages = Math.floor(r() * 4);
      const letters = [] as AccountFacts["letters"];
      let day = addDaysTo(due, policy.timing.letter1AfterDueDays);
      for (let s = 1; s <= sentStages; s++) {
        letters.push({ stage: s, sentOn: day, deadline: addDaysTo(day, policy.timing.deadlineDays[s - 1]) });
        day = addDaysTo(day, Math.floor(r() * 30) + 1);
      }
      const facts: AccountFacts = {
        currency: "EUR",
        invoices: [
          { id: "i", number: "1", issueDate: "2026-02-10", dueDate: due, amount: 1000, open: 1000, disputed: false },
        ],
        letters,
        promises: [],
        payments: [],
        lastAnsweredOn: null,
        handoff: sentStages === 3 ? { handedOverOn: addDaysTo(day, 20), agency: "Agency" } : null,
      };
      for (let offset = 0; offset < 120; offset += 1 + Math.floor(r() * 5)) {
        const today = addDaysTo(due, offset);
        const action = nextAction(facts, policy.timing, today);
        if (action.kind !== "letter" || !action.due || action.blockedUntilHandoff) continue;
        expect(() =>
          checkLetter(profileFor(customer.countryCode), law, {
            stage: action.stage,
            letterDate: today,
            deadlineDays: policy.timing.deadlineDays[action.stage - 1],
            byEmail: false,
            oldestDueDate: due,
            customerType: customer.type,
            agreedToElectronicNotices: false,
            contactLogged: true,
            // Timing is under test here; the GB payment-details rule has its own test (lib/law/profiles.test.ts).
            paymentAccount: { currency: "EUR" },
            currency: "EUR",
          }),
        ).not.toThrow();
        checked++;
      }
    }
    // The property was exercised, not skipped: many offered letters were checked.
    expect(checked).toBeGreaterThan(500);
  });

  it("the law raises a Norwegian policy's 3 days to pay to 14, and never lowers anything", () => {
    const steps = checkSteps(randomPolicy(rng(1)).map((s) => (s.kind === "letter" ? { ...s, deadlineDays: 3 } : s)));
    const book = loadPolicyBookFrom({
      steps,
      customer: { id: "c", countryCode: "NO", type: "business", tags: [], workflowPolicyId: "p" },
      law: DEFAULT_LAW_SETTINGS,
    });
    const policy = resolvePolicy(book, { customerId: "c", currency: "EUR", openMinor: 0 });
    expect(policy.timing.deadlineDays).toEqual([14, 14, 14, 14]);
    expect(book.policies[0].timing.deadlineDays).toEqual([3, 3, 3, 3]);
  });
});
