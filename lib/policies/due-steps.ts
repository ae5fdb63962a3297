import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import { type PlacedStep, type PolicyStep, placeSteps } from "./policy-steps";

// The steps besides letters (courtesy reminders, calls, reviews) that are due on an
// account today. Pure: the worker runs what this returns, once per step and anchor
// (workflow_step_runs_once), so a missed day is caught up and a repeated run is harmless.

export interface StepInvoice {
  id: string;
  number: string;
  dueDate: DateOnly;
  open: number;
  disputed: boolean;
}

export interface StepAccount {
  invoices: StepInvoice[];
  /** Letters of the open case, any order. */
  letters: { stage: number; sentOn: DateOnly }[];
  paused: boolean;
}

export interface DueStep {
  step: PolicyStep;
  index: number;
  /** What the step counts from: an invoice's due date, or the day a letter went. */
  anchorOn: DateOnly;
  /** The day the step fell due (today, or earlier when catching up). */
  dueOn: DateOnly;
  /** A reminder's invoices (those falling due on anchorOn). */
  invoices: StepInvoice[];
}

export const runKey = (stepKey: string, anchorOn: DateOnly) => `${stepKey}:${anchorOn}`;

export function dueSideSteps(
  steps: PolicyStep[],
  account: StepAccount,
  today: DateOnly,
  done: ReadonlySet<string>,
): DueStep[] {
  if (account.paused) return [];
  const live = account.invoices.filter((i) => i.open > 0 && !i.disputed);
  const lastStage = Math.max(0, ...account.letters.map((l) => l.stage));
  const overdue = live.filter((i) => i.dueDate < today);
  const out: DueStep[] = [];
  const add = (p: PlacedStep, anchorOn: DateOnly, invoices: StepInvoice[]) => {
    const dueOn = addDaysTo(anchorOn, p.days);
    if (dueOn <= today && !done.has(runKey(p.step.key, anchorOn)))
      out.push({ step: p.step, index: p.index, anchorOn, dueOn, invoices });
  };
  for (const p of placeSteps(steps)) {
    if (p.step.kind === "letter") continue;
    if (p.step.kind === "reminder_email") {
      // A courtesy reminder is for an invoice not yet overdue: once the due date has passed it is not sent late.
      const byDueDate = new Map<DateOnly, StepInvoice[]>();
      for (const i of live.filter((x) => x.dueDate >= today))
        byDueDate.set(i.dueDate, [...(byDueDate.get(i.dueDate) ?? []), i]);
      for (const [dueDate, invoices] of byDueDate) add(p, dueDate, invoices);
      continue;
    }
    // A task belongs to the stretch between two letters: once the next letter went, it is no longer asked for.
    if (p.fromLetter !== lastStage) continue;
    if (p.fromLetter === 0) {
      const oldest = [...live].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0];
      if (oldest && (p.days <= 0 || overdue.length)) add(p, oldest.dueDate, []);
    } else if (overdue.length) {
      const letter = account.letters.find((l) => l.stage === p.fromLetter);
      if (letter) add(p, letter.sentOn, []);
    }
  }
  return out;
}
