import { AppError } from "@/lib/errors/app-error";
import type { Stage } from "@/lib/stages/stage";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { LetterCharge } from "./charges";
import type { EarlierCharge } from "./fees";
import type { LawSettings } from "./law-settings-types";
import type { CustomerType, LawProfile } from "./profile-types";

/** Refusals name the rule: "<profile>, <rule>: <what is wrong>". No override: these are legal rules. */
const refuse = (profile: LawProfile, rule: string, message: string) =>
  new AppError("CONFLICT", `${profile.name} - ${rule}: ${message}`);

export function customerTypeOrThrow(customer: { countryCode: string | null; type: string | null }): CustomerType {
  if (!customer.countryCode)
    throw new AppError(
      "CONFLICT",
      "The customer has no country code. The customer's country decides the legal profile of the letters (deadlines, formal notice, interest and fees): set it on the customer before sending.",
    );
  if (customer.type !== "business" && customer.type !== "consumer" && customer.type !== "sole_trader")
    throw new AppError(
      "CONFLICT",
      "The customer has no type (business, consumer or sole trader). The type decides which legal rules and charges apply: set it before sending.",
    );
  return customer.type;
}

/** Minimum days a stage must give, for this customer (the Italian diffida raises letter 3). */
export function minDeadlineDays(profile: LawProfile, type: CustomerType, stage: Stage, settings: LawSettings) {
  const rules = profile.byType[type];
  let days = rules.minDeadlineDays.value[stage - 1];
  let source = rules.minDeadlineDays.source;
  if (
    profile.diffidaMinDays &&
    settings.italyDiffida &&
    stage === profile.formalNoticeStage &&
    profile.diffidaMinDays.value > days
  ) {
    days = profile.diffidaMinDays.value;
    source = profile.diffidaMinDays.source;
  }
  return { days, source };
}

export interface LetterPlan {
  stage: Stage;
  letterDate: DateOnly;
  /** Days the policy gives before postal days are added. */
  deadlineDays: number;
  byEmail: boolean;
  oldestDueDate: DateOnly;
  customerType: CustomerType;
  agreedToElectronicNotices: boolean;
  /** A logged reminder or call (outbound, not a letter) exists since the oldest invoice's issue date. */
  contactLogged: boolean;
  /** The organization's bank account in the letter's currency, when one is recorded. */
  paymentAccount: { currency: string } | null;
  currency: string;
}

/** The profile's sending rules; throws the first one the letter would break. */
export function checkLetter(profile: LawProfile, settings: LawSettings, plan: LetterPlan): void {
  const rules = profile.byType[plan.customerType];
  const { stage } = plan;
  const formal = profile.formalNoticeStage === stage;

  const earliest = addDaysTo(plan.oldestDueDate, rules.earliestDaysAfterDue.value[stage - 1]);
  if (plan.letterDate < earliest)
    throw refuse(
      profile,
      "earliest day",
      `letter ${stage} may not go before ${earliest} (${rules.earliestDaysAfterDue.source}).`,
    );

  const min = minDeadlineDays(profile, plan.customerType, stage, settings);
  if (plan.deadlineDays < min.days)
    throw refuse(
      profile,
      "minimum deadline",
      `letter ${stage} gives ${plan.deadlineDays} days to pay; at least ${min.days} are required (${min.source}). An administrator raises the stage's deadline days in the collection policy.`,
    );

  if (stage === 1 && (settings.contactBeforeLetter1 ?? profile.contactBeforeLetter1.value) && !plan.contactLogged)
    throw refuse(
      profile,
      "contact before letter 1",
      "log a reminder or a call to the customer before the first letter.",
    );

  // Letter 4 sends the customer to the agency; letters 1-3 say where to pay.
  if (stage < 4 && profile.paymentAccountRequired.value && !plan.paymentAccount)
    throw refuse(
      profile,
      "payment details",
      `letter ${stage} must say where to pay, and no bank account in ${plan.currency} is recorded (${profile.paymentAccountRequired.source}). An administrator adds it under Settings, Letterhead, Bank accounts.`,
    );

  if (formal && !profile.creditorMaySendFormalNotice.value)
    throw refuse(
      profile,
      `${profile.formalNoticeKind}`,
      `only a collection agency may send it (${profile.creditorMaySendFormalNotice.source}). Hand the account to an agency instead.`,
    );

  if (formal && plan.byEmail) {
    const email = rules.formalNoticeEmail;
    if (email.value === "never" || (email.value === "if_agreed" && !plan.agreedToElectronicNotices))
      throw refuse(
        profile,
        `${profile.formalNoticeKind} by email`,
        email.value === "never"
          ? `it must go on paper (${email.source}). Send it without email and post it.`
          : `it goes on paper unless the customer agreed to electronic notices (${email.source}). Record the agreement on the customer, or send it without email.`,
      );
  }
}

/** Guards the charges a letter claims against the profile: a fee the profile or the customer type forbids, a third purregebyr. */
export function checkCharges(
  profile: LawProfile,
  type: CustomerType,
  charges: LetterCharge[],
  earlier: EarlierCharge[],
  dueDates: Map<string, DateOnly>,
  letterDate: DateOnly,
): void {
  const rules = profile.byType[type];
  for (const c of charges) {
    if (c.kind === "interest" && !(profile.statutoryInterest && rules.statutoryInterest))
      throw refuse(profile, "statutory interest", `not available for a ${type.replace("_", " ")} customer.`);
    if (c.kind === "compensation" && !(profile.compensation && rules.statutoryCompensation))
      throw refuse(profile, "statutory compensation", `not available for a ${type.replace("_", " ")} customer.`);
    if ((c.kind === "flat_fee" || c.kind === "contractual_interest") && profile.id !== "US")
      throw refuse(
        profile,
        "fees",
        `a ${c.kind.replace("_", " ")} is not a charge this profile allows; only its statutory charges are claimed.`,
      );
    if (c.kind === "reminder_fee") {
      if (charges.filter((x) => x.kind === "reminder_fee").length > 1)
        throw refuse(profile, "reminder fee", "one purregebyr per letter, however many invoices it covers.");
      const rule = profile.reminderFee;
      if (!rule || !rules.reminderFee) throw refuse(profile, "reminder fee", "this profile has no reminder fee.");
      const count =
        earlier.filter((e) => e.kind === "reminder_fee" && e.invoiceNumber === c.invoiceNumber).length +
        charges.filter((x) => x.kind === "reminder_fee" && x.invoiceNumber === c.invoiceNumber).length;
      if (count > rule.maxPerClaim)
        throw refuse(
          profile,
          "reminder fee",
          `a purregebyr number ${count} on ${c.invoiceNumber}; at most ${rule.maxPerClaim} per claim (${rule.source}).`,
        );
      const due = c.invoiceNumber ? dueDates.get(c.invoiceNumber) : undefined;
      if (due && letterDate < addDaysTo(due, rule.minDaysAfterDue))
        throw refuse(
          profile,
          "reminder fee",
          `no purregebyr before ${rule.minDaysAfterDue} days after the due date (${rule.source}).`,
        );
    }
  }
}
