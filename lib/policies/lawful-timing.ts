import { minDeadlineDays } from "@/lib/law/check-letter";
import type { LawSettings } from "@/lib/law/law-settings-types";
import { profileFor } from "@/lib/law/profile";
import type { LetterTiming } from "./policy-timeline";

/**
 * A policy's letter timing raised to the customer's law profile: letter 1 no earlier
 * than the profile's earliest day, and every letter's days to pay at least the profile's
 * minimum for this customer type. Never lowers anything: a policy is only ever stricter.
 */
export function lawfulTiming(
  timing: LetterTiming,
  customer: { countryCode: string | null; type: "business" | "consumer" | "sole_trader" },
  settings: LawSettings,
): LetterTiming {
  const profile = profileFor(customer.countryCode);
  const rules = profile.byType[customer.type];
  const stages = [1, 2, 3, 4] as const;
  return {
    ...timing,
    letter1AfterDueDays: Math.max(timing.letter1AfterDueDays, rules.earliestDaysAfterDue.value[0]),
    deadlineDays: stages.map((stage) =>
      Math.max(timing.deadlineDays[stage - 1], minDeadlineDays(profile, customer.type, stage, settings).days),
    ) as LetterTiming["deadlineDays"],
  };
}
