import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { runKey } from "./due-steps";
import { type PolicyStep, placeSteps, STEP_KIND_LABELS } from "./policy-steps";

// An account's path through its policy, for the customer page: each step with the day
// it went (letters sent, runs done) or the day it is planned for. Planned days after the
// next letter depend on when that letter goes, so they are shown only once it has gone.

export interface PathStep {
  index: number;
  kind: PolicyStep["kind"];
  label: string;
  state: "done" | "due" | "planned" | "waiting" | "skipped";
  /** The day it was done, or is planned for; null while it waits for an earlier letter. */
  on: DateOnly | null;
}

export interface PathRun {
  stepKey: string;
  anchorOn: DateOnly;
  runOn: DateOnly;
  /** A task still waiting on Today (not completed or cancelled). */
  open: boolean;
}

export function stepPath(
  steps: PolicyStep[],
  account: {
    letters: { stage: number; sentOn: DateOnly; deadline: DateOnly }[];
    /** The oldest open invoice's due date (the first steps count from it). */
    oldestDue: DateOnly | null;
  },
  runs: PathRun[],
  today: DateOnly,
): PathStep[] {
  const lastStage = Math.max(0, ...account.letters.map((l) => l.stage));
  const done = new Map(runs.map((r) => [runKey(r.stepKey, r.anchorOn), r]));
  return placeSteps(steps).map((p): PathStep => {
    const label =
      p.step.kind === "letter"
        ? `Letter ${p.step.stage}`
        : `${STEP_KIND_LABELS[p.step.kind]}${p.step.note ? `: ${p.step.note}` : ""}`;
    const base = { index: p.index, kind: p.step.kind, label };
    if (p.step.kind === "letter") {
      const sent = account.letters.find((l) => l.stage === p.step.stage);
      if (sent) return { ...base, state: "done", on: sent.sentOn };
      const prev = account.letters.find((l) => l.stage === (p.step.stage ?? 1) - 1);
      const from =
        p.step.stage === 1 ? account.oldestDue : p.step.stage === 4 ? (prev?.deadline ?? null) : (prev?.sentOn ?? null);
      const on = from ? addDaysTo(from, p.days) : null;
      return { ...base, state: on === null ? "waiting" : on <= today ? "due" : "planned", on };
    }
    const anchor =
      p.fromLetter === 0 ? account.oldestDue : (account.letters.find((l) => l.stage === p.fromLetter)?.sentOn ?? null);
    // A reminder is anchored on each invoice's due date; the path shows the oldest open one's.
    const ran = anchor ? done.get(runKey(p.step.key, anchor)) : undefined;
    if (ran) return { ...base, state: ran.open ? "due" : "done", on: ran.runOn };
    if (!anchor) return { ...base, state: "waiting", on: null };
    const on = addDaysTo(anchor, p.days);
    if (p.fromLetter < lastStage || (p.step.kind === "reminder_email" && anchor < today))
      return { ...base, state: "skipped", on };
    return { ...base, state: on <= today ? "due" : "planned", on };
  });
}
