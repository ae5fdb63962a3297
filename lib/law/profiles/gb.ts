import type { LawProfile, TypeRules } from "../profile-types";

// United Kingdom. Sources: Late Payment of Commercial Debts (Interest) Act 1998
// ss. 4, 5A, 6 and SI 2002/1675; Pre-Action Protocol for Debt Claims (2017);
// Practice Direction - Pre-Action Conduct and Protocols.

const business = {
  minDeadlineDays: {
    value: [7, 7, 14, 7],
    source:
      "Practice Direction - Pre-Action Conduct para 6(c): a reasonable period, commonly 14 days for a letter before action",
  },
  postalDays: { value: 2, source: "house rule: second-class post inside the UK" },
  earliestDaysAfterDue: { value: [1, 1, 1, 1], source: "1998 Act s. 4: interest runs from the day after the due date" },
  formalNoticeEmail: { value: "allowed", source: "no form prescribed between businesses" },
  statutoryInterest: true,
  statutoryCompensation: true,
  reminderFee: false,
} satisfies TypeRules;

const individual = {
  ...business,
  minDeadlineDays: {
    value: [7, 7, 30, 7],
    source:
      "Pre-Action Protocol for Debt Claims para 3.1 and 4: 30 days to reply to the letter of claim, with the information sheet and reply form, when the debtor is an individual or sole trader",
  },
  formalNoticeEmail: {
    value: "if_agreed",
    source: "Pre-Action Protocol for Debt Claims para 3.1(b): sent by post unless the debtor asked for another method",
  },
} satisfies TypeRules;

export const GB: LawProfile = {
  id: "GB",
  name: "United Kingdom",
  currency: "GBP",
  formalNoticeStage: 3,
  formalNoticeKind: "letter_before_action",
  formalNoticeSource: "Practice Direction - Pre-Action Conduct; Pre-Action Protocol for Debt Claims",
  formalNoticeRegisteredMail: false,
  creditorMaySendFormalNotice: { value: true, source: "the creditor sends its own letter before action" },
  diffidaMinDays: null,
  contactBeforeLetter1: { value: false, source: "no statutory requirement" },
  paymentAccountRequired: {
    value: true,
    source:
      "Practice Direction - Pre-Action Conduct para 6(c): the letter states what the claimant wants, so the debtor can pay without asking how",
  },
  byType: {
    business,
    // A sole trader acting in business is a qualifying debtor under the 1998 Act, and an individual under the Protocol.
    sole_trader: individual,
    consumer: { ...individual, statutoryInterest: false, statutoryCompensation: false },
  },
  statutoryInterest: {
    series: "BOE_BANK",
    marginPercent: "8",
    mode: "fixed_at_overdue",
    source:
      "Late Payment of Commercial Debts (Interest) Act 1998 s. 6 and SI 2002/1675: Bank of England rate on 30 June / 31 December before the day interest starts to run, + 8 %, simple, fixed for the debt",
  },
  compensation: {
    bands: [
      { fromMinor: 0, amountMinor: 4_000 },
      { fromMinor: 100_000, amountMinor: 7_000 },
      { fromMinor: 1_000_000, amountMinor: 10_000 },
    ],
    deductReminderFees: false,
    source: "1998 Act s. 5A(2): GBP 40 (debt under 1,000), 70 (under 10,000), 100 (10,000 or more), per debt",
  },
  reminderFee: null,
  sources: [
    "Late Payment of Commercial Debts (Interest) Act 1998",
    "SI 2002/1675",
    "Pre-Action Protocol for Debt Claims",
  ],
};
