import type { Stage } from "@/lib/stages/stage";

export type CustomerType = "business" | "consumer" | "sole_trader";
export type ProfileId = "NO" | "IT" | "GB" | "US";
export type RateSeriesId = "NO_POLICY" | "ECB_MRO" | "BOE_BANK";

/** A rule with the source that backs it; every number in a profile carries one. */
export interface Sourced<T> {
  value: T;
  source: string;
}

/** Per stage (index = stage - 1). */
export type PerStage<T> = [T, T, T, T];

/** How the formal notice may travel by email: never, only where the debtor agreed to electronic notices, or freely. */
export type EmailRule = "never" | "if_agreed" | "allowed";

export interface TypeRules {
  /** Minimum days from the letter's date to its payment deadline, per stage (before postal days). */
  minDeadlineDays: Sourced<PerStage<number>>;
  /** Days added to the deadline when the letter goes by post (not email). */
  postalDays: Sourced<number>;
  /** Earliest day a stage may be sent, counted in days after the oldest covered invoice's due date. */
  earliestDaysAfterDue: Sourced<PerStage<number>>;
  /** May the formal notice go by email? */
  formalNoticeEmail: Sourced<EmailRule>;
  /** Statutory charges that apply to this customer type (the organization can still switch each off). */
  statutoryInterest: boolean;
  statutoryCompensation: boolean;
  reminderFee: boolean;
}

export interface StatutoryInterestRule {
  series: RateSeriesId;
  /** Points added to the reference rate, as a decimal string. */
  marginPercent: string;
  /**
   * "half_year": the rate of each half-year applies to the days in it (NO, IT);
   * "fixed_at_overdue": the rate of the half-year in which interest starts to run applies to the whole debt (UK).
   */
  mode: "half_year" | "fixed_at_overdue";
  source: string;
}

export interface LawProfile {
  id: ProfileId;
  name: string;
  currency: string;
  formalNoticeStage: Stage | null;
  formalNoticeKind: "inkassovarsel" | "messa_in_mora" | "letter_before_action" | null;
  formalNoticeSource: string | null;
  /** The formal notice goes by registered post (raccomandata A/R) when sent on paper. */
  formalNoticeRegisteredMail: boolean;
  /** Norway: may the creditor send its own inkassovarsel? (Prop. 3 L (2025-2026) would reserve it to agencies.) */
  creditorMaySendFormalNotice: Sourced<boolean>;
  /** Italy: a diffida ad adempiere (art. 1454 c.c.) as the formal notice needs at least this many days. */
  diffidaMinDays: Sourced<number> | null;
  /** Must a reminder or call be logged before letter 1 (default; the organization may override)? */
  contactBeforeLetter1: Sourced<boolean>;
  /** Must letters 1-3 name the account to pay into (an account in the letter's currency), never "contact us for our payment details"? */
  paymentAccountRequired: Sourced<boolean>;
  byType: Record<CustomerType, TypeRules>;
  statutoryInterest: StatutoryInterestRule | null;
  /** Fixed compensation per invoice: a single amount, or bands by the invoice's amount (UK). */
  compensation: {
    bands: { fromMinor: number; amountMinor: number }[] | "no_standardkompensasjon";
    /** A reminder fee already charged on the claim is deducted from it (NO § 3a). */
    deductReminderFees: boolean;
    source: string;
  } | null;
  reminderFee: {
    /** The fractions of the inkassosats are dated data (rates/no-fee-amounts.ts NO_FEE_FRACTIONS). */
    maxPerClaim: number;
    /** § 1-3: a second fee only after the debtor let a deadline of at least this many days, set in the first notice, pass. */
    secondFeeAfterDeadlineOfDays: number;
    minDaysAfterDue: number;
    source: string;
  } | null;
  sources: string[];
}
