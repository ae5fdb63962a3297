import type { LawProfile, TypeRules } from "../profile-types";

// Italy. Sources: D.Lgs. 9 ottobre 2002 n. 231 (as amended by D.Lgs. 192/2012)
// arts. 2, 4, 5, 6; codice civile arts. 1219 (messa in mora), 1454 (diffida ad adempiere).

const b2b = {
  // No statutory term for a messa in mora (art. 1219 c.c.); seven days is the house floor.
  minDeadlineDays: { value: [7, 7, 7, 7], source: "art. 1219 c.c. sets no term; house floor of 7 days" },
  postalDays: { value: 3, source: "house rule: three days for raccomandata A/R inside Italy" },
  earliestDaysAfterDue: {
    value: [1, 1, 1, 1],
    source: "D.Lgs. 231/2002 art. 4: interest runs from the day after the due date, without notice",
  },
  formalNoticeEmail: {
    value: "never",
    source:
      "art. 1219 c.c. messa in mora must be provable: raccomandata A/R or PEC; plain e-mail is not sent for it (PEC is not modelled)",
  },
  statutoryInterest: true,
  statutoryCompensation: true,
  reminderFee: false,
} satisfies TypeRules;

export const IT: LawProfile = {
  id: "IT",
  name: "Italy",
  currency: "EUR",
  formalNoticeStage: 3,
  formalNoticeKind: "messa_in_mora",
  formalNoticeSource: "art. 1219 c.c.",
  formalNoticeRegisteredMail: true,
  creditorMaySendFormalNotice: { value: true, source: "art. 1219 c.c.: the creditor's own written demand" },
  diffidaMinDays: {
    value: 15,
    source: "art. 1454 c.c.: a diffida ad adempiere gives at least 15 days; only if the organization chooses it",
  },
  contactBeforeLetter1: { value: false, source: "no statutory requirement" },
  paymentAccountRequired: { value: false, source: "no statutory requirement" },
  byType: {
    business: b2b,
    sole_trader: b2b,
    // D.Lgs. 231/2002 covers commercial transactions only; consumers get no statutory charge here.
    consumer: { ...b2b, statutoryInterest: false, statutoryCompensation: false },
  },
  statutoryInterest: {
    series: "ECB_MRO",
    marginPercent: "8",
    mode: "half_year",
    source:
      "D.Lgs. 231/2002 art. 2(1)(e) and art. 5: ECB main refinancing rate in force on 1 January / 1 July, + 8 points, for each half-year",
  },
  compensation: {
    bands: [{ fromMinor: 0, amountMinor: 4_000 }],
    deductReminderFees: false,
    source:
      "D.Lgs. 231/2002 art. 6(2): EUR 40 fixed compensation, due without notice, per unpaid invoice (CJEU C-585/20, 2022, as LAW.md reads it; judgment not read)",
  },
  reminderFee: null,
  sources: ["D.Lgs. 231/2002 arts. 2, 4, 5, 6", "c.c. arts. 1219, 1454"],
};
