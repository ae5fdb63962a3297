// Contract with the law work (issue 11, section 2): the legal profile follows the
// customer's country. Minimal version: the law branch replaces this file with the
// profiles as checked data (deadlines, postal days, channel rules).

export type ProfileId = "NO" | "IT" | "GB" | "US";

export interface LegalProfile {
  id: ProfileId;
  /** The stage that is the country's formal notice, or null where none is required. */
  formalNoticeStage: 1 | 2 | 3 | 4 | null;
  formalNoticeKind: "inkassovarsel" | "messa_in_mora" | "letter_before_action" | null;
}

const PROFILES: Record<ProfileId, LegalProfile> = {
  NO: { id: "NO", formalNoticeStage: 3, formalNoticeKind: "inkassovarsel" },
  IT: { id: "IT", formalNoticeStage: 3, formalNoticeKind: "messa_in_mora" },
  GB: { id: "GB", formalNoticeStage: 3, formalNoticeKind: "letter_before_action" },
  US: { id: "US", formalNoticeStage: null, formalNoticeKind: null },
};

export function profileFor(countryCode: string | null | undefined): LegalProfile {
  const code = (countryCode ?? "").toUpperCase();
  return code === "NO" || code === "IT" || code === "GB" ? PROFILES[code] : PROFILES.US;
}
