import { AppError } from "@/lib/errors/app-error";
import { formatMoney } from "@/lib/money/money";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { LetterCharge } from "./charges";
import type { LawProfile } from "./profile-types";
import {
  amountOn,
  type DatedAmount,
  FEE_AMOUNT_NAMES,
  type FeeAmountKind,
  NO_FEE_FRACTIONS,
} from "./rates/no-fee-amounts";

/** A charge already recorded on the claim (charges table), as the fee rules need it. */
export interface EarlierCharge {
  kind: LetterCharge["kind"];
  invoiceNumber: string | null;
  amountMinor: number;
  toDate: string | null;
  /** The payment deadline of the letter that claimed it (§ 1-3 looks at it before a second fee). */
  letterDeadline?: string | null;
}

export type FeeDecision = { charge: LetterCharge } | { skipped: string };

/** The dated Norwegian amounts in force: the repository's rows and the organization's added ones. */
export type FeeAmounts = Record<FeeAmountKind, DatedAmount[]>;

/** Which notice a Norwegian letter is, for the fraction of the inkassosats it may claim. */
export type NoticeKind = "purring" | "inkassovarsel";

const money = (minor: number, currency: string) => formatMoney(minor, currency, "en-GB");

/** The row in force, or a refusal naming the missing row (as a missing interest rate refuses). */
export function feeAmountOrThrow(rows: DatedAmount[], kind: FeeAmountKind, date: DateOnly): DatedAmount {
  const row = amountOn(rows, date);
  if (!row)
    throw new AppError(
      "CONFLICT",
      `No ${FEE_AMOUNT_NAMES[kind]} is recorded for ${date}, so the charge cannot be priced. An administrator adds it under Settings - Law and rates.`,
    );
  return row;
}

/**
 * Norwegian purregebyr (or the fee for the creditor's own inkassovarsel) on
 * one claim: a fraction of the inkassosats in force on the letter's date
 * (1/20 since 1 October 2020), at the earliest 14 days after the due date, at
 * most twice per claim, the second only once the debtor let a deadline of at
 * least 14 days set in the first pass (§ 1-3), and none once a
 * standardkompensasjon covers the claim.
 */
export function reminderFee(
  profile: LawProfile,
  invoice: { number: string; dueDate: DateOnly },
  opts: { letterDate: DateOnly; currency: string; earlier: EarlierCharge[]; notice: NoticeKind; amounts: FeeAmounts },
): FeeDecision {
  const rule = profile.reminderFee;
  if (!rule) return { skipped: `${profile.name} has no statutory reminder fee.` };
  if (opts.currency !== profile.currency)
    return { skipped: `The purregebyr is a NOK amount; the invoice is in ${opts.currency}.` };
  const earliest = addDaysTo(invoice.dueDate, rule.minDaysAfterDue);
  if (opts.letterDate < earliest)
    return {
      skipped: `No purregebyr before ${earliest}, ${rule.minDaysAfterDue} days after the due date (${rule.source}).`,
    };
  const onClaim = opts.earlier.filter((c) => c.invoiceNumber === invoice.number);
  const fees = onClaim.filter((c) => c.kind === "reminder_fee");
  if (fees.length >= rule.maxPerClaim)
    return { skipped: `Already ${fees.length} fees on ${invoice.number}; at most ${rule.maxPerClaim} per claim.` };
  if (onClaim.some((c) => c.kind === "compensation"))
    return { skipped: `The standardkompensasjon charged on ${invoice.number} already covers reminder costs.` };
  const first = fees[0];
  if (first) {
    const sentOn = first.toDate;
    const deadline = first.letterDeadline ?? null;
    const longEnough = sentOn && deadline && deadline >= addDaysTo(sentOn, rule.secondFeeAfterDeadlineOfDays);
    if (!longEnough || opts.letterDate <= deadline)
      return {
        skipped: `No second fee on ${invoice.number}: the first notice (${sentOn}) must have set a deadline of at least ${rule.secondFeeAfterDeadlineOfDays} days${deadline ? ` (it gave ${deadline})` : ""} and that deadline must have passed (inkassoforskriften § 1-3).`,
      };
  }
  const fractions = amountOn(NO_FEE_FRACTIONS, opts.letterDate);
  if (!fractions)
    throw new AppError("CONFLICT", `No fee fraction of the inkassosats is recorded for ${opts.letterDate}.`);
  const sats = feeAmountOrThrow(opts.amounts.NO_INKASSOSATS, "NO_INKASSOSATS", opts.letterDate);
  const [num, den] = fractions[opts.notice];
  // Whole øre, rounded down: never more than the regulation allows (700 kr / 20 = 35 kr exactly).
  const amount = Math.floor((sats.amountMinor * num) / den);
  const what = opts.notice === "inkassovarsel" ? "Fee for the creditor's own inkassovarsel" : "Purregebyr";
  return {
    charge: {
      kind: "reminder_fee",
      invoiceNumber: invoice.number,
      amountMinor: amount,
      currency: opts.currency,
      ratePercent: null,
      fromDate: null,
      toDate: opts.letterDate,
      notice: opts.notice,
      basis: `${what}, fee ${fees.length + 1} of at most ${rule.maxPerClaim} on invoice ${invoice.number}: ${num}/${den} of the inkassosats ${money(sats.amountMinor, opts.currency)} (${sats.source}); ${fractions.source}; ${rule.source}.`,
    },
  };
}

/** Fixed compensation on one invoice: once per invoice; NO net of the purregebyr actually charged on the claim. */
export function compensation(
  profile: LawProfile,
  invoice: { number: string; dueDate: DateOnly; amountMinor: number },
  opts: {
    letterDate: DateOnly;
    currency: string;
    earlier: EarlierCharge[];
    thisLetter: LetterCharge[];
    amounts: FeeAmounts;
  },
): FeeDecision {
  const rule = profile.compensation;
  if (!rule) return { skipped: `${profile.name} has no statutory compensation.` };
  if (opts.currency !== profile.currency)
    return {
      skipped: `The statutory compensation is a ${profile.currency} amount; the invoice is in ${opts.currency}.`,
    };
  const onClaim = [...opts.earlier, ...opts.thisLetter].filter((c) => c.invoiceNumber === invoice.number);
  if (onClaim.some((c) => c.kind === "compensation"))
    return { skipped: `Compensation already charged on ${invoice.number}.` };
  let gross: number;
  let what: string;
  if (rule.bands === "no_standardkompensasjon") {
    // The amount in force when the claim fell overdue.
    const overdueFrom = addDaysTo(invoice.dueDate, 1);
    const row = feeAmountOrThrow(opts.amounts.NO_STANDARDKOMPENSASJON, "NO_STANDARDKOMPENSASJON", overdueFrom);
    gross = row.amountMinor;
    what = `standardkompensasjon ${money(gross, opts.currency)} (${row.source})`;
  } else {
    const band = [...rule.bands].reverse().find((b) => invoice.amountMinor >= b.fromMinor)!;
    gross = band.amountMinor;
    what = `${money(gross, opts.currency)} for an invoice of ${money(invoice.amountMinor, opts.currency)}`;
  }
  const fees = rule.deductReminderFees
    ? onClaim.filter((c) => c.kind === "reminder_fee").reduce((s, c) => s + c.amountMinor, 0)
    : 0;
  const net = Math.max(0, gross - fees);
  if (net === 0)
    return { skipped: `The purregebyr charged on ${invoice.number} already equal the standardkompensasjon.` };
  return {
    charge: {
      kind: "compensation",
      invoiceNumber: invoice.number,
      amountMinor: net,
      currency: opts.currency,
      ratePercent: null,
      fromDate: null,
      toDate: opts.letterDate,
      basis: `Fixed compensation on invoice ${invoice.number}: ${what}${fees ? `, less purregebyr ${money(fees, opts.currency)} actually charged on the claim` : ""}; ${rule.source}.`,
    },
  };
}
