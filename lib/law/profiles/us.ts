import type { LawProfile, TypeRules } from "../profile-types";

// Generic profile (United States and every country without its own profile):
// no statutory late charge; contractual interest and a flat fee are organization
// settings. The FDCPA binds third-party collectors of consumer debts, not a
// business collecting its own invoices.

const rules = {
  minDeadlineDays: { value: [7, 7, 7, 7], source: "house floor: a week to pay" },
  postalDays: {
    value: 0,
    source:
      "house rule: the generic deadline is counted from the letter date (its 7-day floor already allows for first-class mail)",
  },
  earliestDaysAfterDue: { value: [1, 1, 1, 1], source: "a letter goes once the invoice is overdue" },
  formalNoticeEmail: { value: "allowed", source: "no formal notice" },
  statutoryInterest: false,
  statutoryCompensation: false,
  reminderFee: false,
} satisfies TypeRules;

export const US: LawProfile = {
  id: "US",
  name: "Generic (United States)",
  currency: "USD",
  formalNoticeStage: null,
  formalNoticeKind: null,
  formalNoticeSource: null,
  formalNoticeRegisteredMail: false,
  creditorMaySendFormalNotice: { value: true, source: "no formal notice" },
  diffidaMinDays: null,
  contactBeforeLetter1: { value: false, source: "COLLECTIONS.md recommends a call first; not enforced by default" },
  paymentAccountRequired: { value: false, source: "no statutory requirement" },
  byType: { business: rules, sole_trader: rules, consumer: rules },
  statutoryInterest: null,
  compensation: null,
  reminderFee: null,
  sources: ["contract terms; state usury limits"],
};
