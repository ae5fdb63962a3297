import { formatMoney } from "@/lib/money/money";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { LetterCharge } from "./charges";
import type { LawProfile } from "./profile-types";
import { amountOn, NO_INKASSOSATS, NO_STANDARDKOMPENSASJON } from "./rates/no-fee-amounts";

/** A charge already recorded on the claim (charges table), as the fee rules need it. */
export interface EarlierCharge {
  kind: LetterCharge["kind"];
  invoiceNumber: string | null;
  amountMinor: number;
  toDate: string | null;
}

export type FeeDecision = { charge: LetterCharge } | { skipped: string };

const money = (minor: number, currency: string) => formatMoney(minor, currency, "en-GB");

/** Norwegian purregebyr on one claim: 1/10 of the inkassosats, from 14 days after the due date, at most twice, not once a standardkompensasjon covers the claim. */
export function reminderFee(
  profile: LawProfile,
  invoice: { number: string; dueDate: DateOnly },
  opts: { letterDate: DateOnly; currency: string; earlier: EarlierCharge[] },
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
  const count = onClaim.filter((c) => c.kind === "reminder_fee").length;
  if (count >= rule.maxPerClaim)
    return { skipped: `Already ${count} purregebyr on ${invoice.number}; at most ${rule.maxPerClaim} per claim.` };
  if (onClaim.some((c) => c.kind === "compensation"))
    return { skipped: `The standardkompensasjon charged on ${invoice.number} already covers reminder costs.` };
  const sats = amountOn(NO_INKASSOSATS, opts.letterDate);
  if (!sats) return { skipped: `No inkassosats is recorded for ${opts.letterDate}; no purregebyr charged.` };
  const [num, den] = rule.fractionOfInkassosats;
  const amount = Math.floor((sats.amountMinor * num) / den);
  return {
    charge: {
      kind: "reminder_fee",
      invoiceNumber: invoice.number,
      amountMinor: amount,
      currency: opts.currency,
      ratePercent: null,
      fromDate: null,
      toDate: opts.letterDate,
      basis: `Purregebyr ${count + 1} of at most ${rule.maxPerClaim} on invoice ${invoice.number}: ${num}/${den} of the inkassosats ${money(sats.amountMinor, opts.currency)} (${sats.source}); ${rule.source}.`,
    },
  };
}

/** Fixed compensation on one invoice: once per invoice; NO net of purregebyr charged on the claim. */
export function compensation(
  profile: LawProfile,
  invoice: { number: string; dueDate: DateOnly; amountMinor: number },
  opts: { letterDate: DateOnly; currency: string; earlier: EarlierCharge[]; thisLetter: LetterCharge[] },
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
    const row = amountOn(NO_STANDARDKOMPENSASJON, addDaysTo(invoice.dueDate, 1));
    if (!row) return { skipped: `No standardkompensasjon is recorded for ${addDaysTo(invoice.dueDate, 1)}.` };
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
      basis: `Fixed compensation on invoice ${invoice.number}: ${what}${fees ? `, less purregebyr ${money(fees, opts.currency)} already charged` : ""}; ${rule.source}.`,
    },
  };
}
