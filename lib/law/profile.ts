import type { LawProfile } from "./profile-types";
import { GB } from "./profiles/gb";
import { IT } from "./profiles/it";
import { NO } from "./profiles/no";
import { US } from "./profiles/us";

export type { CustomerType, LawProfile, ProfileId } from "./profile-types";

// A new country: a data file in profiles/, its entry here, its wording (lib/letters/templates) and its tests.
const PROFILES: Record<string, LawProfile> = { NO, IT, GB, US };

/** The legal profile of a letter follows the CUSTOMER's country; countries without a profile get the generic one. */
export function profileFor(countryCode: string | null): LawProfile {
  return (countryCode && PROFILES[countryCode.toUpperCase()]) || US;
}

export const ALL_PROFILES: LawProfile[] = [NO, IT, GB, US];
