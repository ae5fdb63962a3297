import { z } from "zod";

// A collection policy is an ordered list of steps. Each step counts its day from the
// invoice's due date (negative: before it) or from the step before it. Letters keep
// their own rules (lib/collections/policy.ts): a policy only says how long each wait is.

export const STEP_KINDS = ["reminder_email", "letter", "call_task", "review_task"] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_ANCHORS = ["due_date", "previous_step"] as const;
export type StepAnchor = (typeof STEP_ANCHORS)[number];

export const STEP_KIND_LABELS: Record<StepKind, string> = {
  reminder_email: "Courtesy reminder email",
  letter: "Collection letter",
  call_task: "Phone call (task on Today)",
  review_task: "Internal review (task on Today)",
};

const stepSchema = z.object({
  /** Stable across edits: what the worker already did for a step is remembered by this key. */
  key: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(STEP_KINDS),
  anchor: z.enum(STEP_ANCHORS),
  offsetDays: z.number().int().min(-60).max(365),
  /** Letters only: 1 to 4. */
  stage: z.number().int().min(1).max(4).nullable(),
  /** Letters only: days the customer gets to pay (the law's minimum still applies). */
  deadlineDays: z.number().int().min(1).max(90).nullable(),
  /** Tasks only: what the collector is asked to do. */
  note: z.string().trim().max(300),
});
export type PolicyStep = z.infer<typeof stepSchema>;

export class PolicyStepsError extends Error {
  constructor(
    message: string,
    readonly stepIndex: number | null,
  ) {
    super(message);
  }
}

/**
 * The shape rules a policy's steps must meet, with the step each refusal is about:
 * the four letters once each and in order; a reminder email only before the first
 * letter and on or before the due date (a courtesy reminder, never after); a due-date
 * anchor only before the first letter (after it, steps count from the letter that went).
 */
export function checkSteps(raw: unknown): PolicyStep[] {
  const parsed = z.array(stepSchema).min(4).max(20).safeParse(raw);
  if (!parsed.success) throw new PolicyStepsError(`The steps do not fit: ${z.prettifyError(parsed.error)}`, null);
  const steps = parsed.data;
  const keys = new Set<string>();
  let stage = 0;
  let fromDue: number | null = 0;
  steps.forEach((s, i) => {
    const n = `Step ${i + 1}`;
    if (keys.has(s.key)) throw new PolicyStepsError(`${n} repeats the key of another step.`, i);
    keys.add(s.key);
    if (s.kind === "letter") {
      if (s.stage !== stage + 1) throw new PolicyStepsError(`${n}: letter ${stage + 1} must come next.`, i);
      if (s.deadlineDays === null) throw new PolicyStepsError(`${n}: give the letter's days to pay.`, i);
      stage = s.stage;
    } else if (s.stage !== null || s.deadlineDays !== null)
      throw new PolicyStepsError(`${n}: only a letter has a stage and days to pay.`, i);
    if (s.kind !== "letter" && s.kind !== "reminder_email" && !s.note)
      throw new PolicyStepsError(`${n}: say what the collector should do.`, i);
    if (s.anchor === "due_date" && stage > (s.kind === "letter" ? 1 : 0))
      throw new PolicyStepsError(`${n}: after the first letter, steps count from the step before.`, i);
    if (s.offsetDays < 0 && s.anchor === "previous_step")
      throw new PolicyStepsError(`${n}: a step cannot come before the step it follows.`, i);
    // Days from the due date while no letter has gone yet.
    const position: number | null =
      stage === 0 || (s.kind === "letter" && s.stage === 1)
        ? s.anchor === "due_date"
          ? s.offsetDays
          : (fromDue ?? 0) + s.offsetDays
        : null;
    if (s.kind === "reminder_email" && (stage > 0 || position === null || position > 0))
      throw new PolicyStepsError(`${n}: a courtesy reminder goes before or on the due date, before any letter.`, i);
    if (s.kind === "letter" && s.stage === 1 && (position ?? 0) < 1)
      throw new PolicyStepsError(
        `${n}: letter 1 goes once the invoice is overdue (1 day after the due date or later).`,
        i,
      );
    if (s.kind === "letter" && s.stage === 4 && s.anchor !== "previous_step")
      throw new PolicyStepsError(`${n}: letter 4 counts from letter 3's deadline.`, i);
    fromDue = position;
  });
  if (stage !== 4) throw new PolicyStepsError("A policy has the four letters, in order.", null);
  for (const p of placeSteps(steps))
    if (p.step.kind === "letter" && p.step.stage !== 1 && p.days < 1)
      throw new PolicyStepsError(
        p.step.stage === 4
          ? `Step ${p.index + 1}: letter 4 goes at least 1 day after letter 3's deadline.`
          : `Step ${p.index + 1}: letter ${p.step.stage} goes at least 1 day after letter ${(p.step.stage ?? 2) - 1}.`,
        p.index,
      );
  return steps;
}

// Where each step of a policy falls: so many days from the invoice's due date (steps
// before the first letter), or from the day letter k went (steps after it). Offsets
// chain on the planned days, not on when a task was done: a call logged late does not
// push the next letter (the letter's own rules, promises and answers, still can).
export interface PlacedStep {
  step: PolicyStep;
  index: number;
  /** 0: counted from the due date; k: counted from the day letter k was sent. */
  fromLetter: 0 | 1 | 2 | 3 | 4;
  days: number;
}

export function placeSteps(steps: PolicyStep[]): PlacedStep[] {
  const placed: PlacedStep[] = [];
  let fromLetter: PlacedStep["fromLetter"] = 0;
  let days = 0;
  steps.forEach((step, index) => {
    if (step.kind === "letter" && step.stage === 1) {
      days = step.anchor === "due_date" ? step.offsetDays : days + step.offsetDays;
      placed.push({ step, index, fromLetter: 0, days });
    } else if (step.kind === "letter") {
      // Letter 4 counts from letter 3's deadline: its days are that wait.
      days = step.stage === 4 ? step.offsetDays : days + step.offsetDays;
      placed.push({ step, index, fromLetter, days });
    } else {
      days = step.anchor === "due_date" ? step.offsetDays : days + step.offsetDays;
      placed.push({ step, index, fromLetter, days });
    }
    if (step.kind === "letter") {
      fromLetter = step.stage as PlacedStep["fromLetter"];
      days = 0;
    }
  });
  return placed;
}

/** The steps as stored: checked again on read, so a hand-edited row fails loudly instead of running on a cast. */
export function readSteps(json: unknown): PolicyStep[] {
  return checkSteps(json);
}
