import type { LawProfile, TypeRules } from "../profile-types";

// Norway. Sources: inkassoloven (LOV-1988-05-13-26) § 9 and § 3a, inkassoforskriften
// §§ 1-1 to 1-3, forsinkelsesrenteloven (LOV-1976-12-17-100) §§ 2, 3, 3a.

const INKASSOVARSEL_14 = "inkassoloven § 9 second paragraph: at least 14 days counted from when the notice is sent";

const common = {
  // Conservative reading: every letter gives the inkassovarsel's 14 days, so a
  // purregebyr is never charged on a shorter deadline.
  minDeadlineDays: { value: [14, 14, 14, 14], source: INKASSOVARSEL_14 },
  postalDays: { value: 2, source: "house rule: two days' post inside Norway added when sent on paper" },
  earliestDaysAfterDue: {
    value: [1, 1, 1, 1],
    source: "inkassoloven § 9 first paragraph (a): the notice is sent after the claim fell due",
  },
  formalNoticeEmail: {
    value: "if_agreed",
    source:
      "inkassoloven § 3a (since 18 Apr 2017): electronic notices only 'på betryggende måte'; e-mail needs the debtor's prior consent",
  },
  statutoryInterest: true,
  reminderFee: true,
} satisfies Omit<TypeRules, "statutoryCompensation">;

export const NO: LawProfile = {
  id: "NO",
  name: "Norway",
  currency: "NOK",
  formalNoticeStage: 3,
  formalNoticeKind: "inkassovarsel",
  formalNoticeSource: "inkassoloven § 9",
  formalNoticeRegisteredMail: false,
  creditorMaySendFormalNotice: {
    value: true,
    source:
      "inkassoloven § 9 today lets 'fordringshaveren eller inkassatoren' send it; Prop. 3 L (2025-2026) (new inkassolov) is read by commentators (Amili) as reserving it to collection agencies: not passed when checked, so a switch",
  },
  diffidaMinDays: null,
  contactBeforeLetter1: {
    value: false,
    source: "no statutory requirement; the purring (letter 1) is itself the reminder in Norwegian practice",
  },
  paymentAccountRequired: { value: false, source: "no statutory requirement" },
  byType: {
    business: { ...common, statutoryCompensation: true },
    sole_trader: { ...common, statutoryCompensation: true },
    consumer: { ...common, statutoryCompensation: false },
  },
  statutoryInterest: {
    series: "NO_POLICY",
    marginPercent: "8",
    mode: "half_year",
    source:
      "forsinkelsesrenteloven § 3 first paragraph: Norges Bank's policy rate + 8 points, fixed by regulation for each half-year from 1 January and 1 July",
  },
  compensation: {
    bands: "no_standardkompensasjon",
    deductReminderFees: true,
    source:
      "forsinkelsesrenteloven § 3a: standardkompensasjon per claim between businesses, amount fixed by regulation; purregebyr already charged is deducted",
  },
  reminderFee: {
    maxPerClaim: 2,
    secondFeeAfterDeadlineOfDays: 14,
    minDaysAfterDue: 14,
    source:
      "inkassoforskriften § 1-2 (1/20 of the inkassosats for a purring or the creditor's own inkassovarsel, at the earliest 14 days after the due date; one fee per letter however many claims it covers, our conservative reading) and § 1-3 (at most two per claim; the second only after a deadline of at least 14 days set in the first has passed); never added to the principal",
  },
  sources: [
    "inkassoloven §§ 3a, 9",
    "inkassoforskriften §§ 1-1 to 1-3",
    "forsinkelsesrenteloven §§ 2, 3, 3a",
    "Prop. 3 L (2025-2026)",
  ],
};
