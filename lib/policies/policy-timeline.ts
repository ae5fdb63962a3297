import { type PolicyStep, placeSteps } from "./policy-steps";

/**
 * The letters' timing as the stage rules read it (lib/collections/policy.ts reads the
 * same shape as its PolicySettings; lib/policies sits below collections, so it names its own).
 */
export interface LetterTiming {
  letter1AfterDueDays: number;
  letter2AfterDays: number;
  letter3AfterDays: number;
  letter4AfterDeadlineDays: number;
  deadlineDays: [number, number, number, number];
}

/** The letters' timing in the shape the stage rules read (lib/collections/policy.ts). */
export function letterSettings(steps: PolicyStep[]): LetterTiming {
  const letters = placeSteps(steps).filter((p) => p.step.kind === "letter");
  const at = (stage: number) => letters.find((p) => p.step.stage === stage)!;
  return {
    letter1AfterDueDays: at(1).days,
    letter2AfterDays: at(2).days,
    letter3AfterDays: at(3).days,
    letter4AfterDeadlineDays: at(4).days,
    deadlineDays: [1, 2, 3, 4].map((s) => at(s).step.deadlineDays ?? 14) as LetterTiming["deadlineDays"],
  };
}

/** The built-in Standard policy's steps: today's single policy, four letters. */
export function standardSteps(settings: LetterTiming): PolicyStep[] {
  const letter = (stage: number, anchor: PolicyStep["anchor"], offsetDays: number): PolicyStep => ({
    key: `standard-letter-${stage}`,
    kind: "letter",
    anchor,
    offsetDays,
    stage,
    deadlineDays: settings.deadlineDays[stage - 1],
    note: "",
  });
  return [
    letter(1, "due_date", settings.letter1AfterDueDays),
    letter(2, "previous_step", settings.letter2AfterDays),
    letter(3, "previous_step", settings.letter3AfterDays),
    letter(4, "previous_step", settings.letter4AfterDeadlineDays),
  ];
}
