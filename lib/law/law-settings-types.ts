/** An organization's choices about charges and the formal notice (law_settings row; defaults when absent). */
export interface LawSettings {
  /** Statutory late-payment interest (NO forsinkelsesrente, IT D.Lgs. 231/2002, UK 1998 Act). */
  statutoryInterest: boolean;
  /** Statutory fixed compensation (NO standardkompensasjon, IT EUR 40, UK GBP 40/70/100). */
  statutoryCompensation: boolean;
  /** Norwegian purregebyr. */
  reminderFee: boolean;
  /** Generic profile: contractual interest, a percentage a year, or null. */
  contractualInterestPercent: string | null;
  /** Generic profile: a flat late fee per invoice, in minor units of flatFeeCurrency, or null. */
  flatFeeMinor: number | null;
  flatFeeCurrency: string | null;
  /** null: the profile's default. */
  contactBeforeLetter1: boolean | null;
  /** Italy: letter 3 is a diffida ad adempiere (art. 1454 c.c., at least 15 days) instead of a messa in mora. */
  italyDiffida: boolean;
}

// Every charge starts OFF: many creditors waive them, and turning them on for
// existing organizations would change the figures their next letters claim.
export const DEFAULT_LAW_SETTINGS: LawSettings = {
  statutoryInterest: false,
  statutoryCompensation: false,
  reminderFee: false,
  contractualInterestPercent: null,
  flatFeeMinor: null,
  flatFeeCurrency: null,
  contactBeforeLetter1: null,
  italyDiffida: false,
};
