import { formatMoney } from "@/lib/money/money";
import type { Stage } from "@/lib/stages/stage";
import type { DateOnly } from "@/lib/time/dates";
import type { LetterCharge } from "./charges";
import { compensation, type EarlierCharge, type FeeAmounts, reminderFee } from "./fees";
import { type InterestInvoice, invoiceInterest } from "./interest";
import type { LawSettings } from "./law-settings-types";
import type { CustomerType, LawProfile, RateSeriesId } from "./profile-types";
import type { RateRow } from "./rate-table";

export interface ChargeInputs {
  profile: LawProfile;
  customerType: CustomerType;
  settings: LawSettings;
  stage: Stage;
  letterDate: DateOnly;
  currency: string;
  /** The letter's invoices with their payments (all of them, for the balance history). */
  invoices: InterestInvoice[];
  /** Charges already recorded on these invoices. */
  earlier: EarlierCharge[];
  rates: Record<RateSeriesId, RateRow[]>;
  /** Norwegian inkassosats and standardkompensasjon rows in force (repository + organization). */
  amounts: FeeAmounts;
}

/**
 * The charges a letter adds to the claim, by the customer's profile and the
 * organization's settings. Interest is priced from the day after the last
 * interest already recorded on the invoice, so no day is claimed twice.
 * Fees are only proposed where the profile allows them; checkCharges (run on
 * send) refuses anything else.
 */
export function computeCharges(input: ChargeInputs): LetterCharge[] {
  const { profile, settings, letterDate, currency } = input;
  const rules = profile.byType[input.customerType];
  const out: LetterCharge[] = [];
  const lastInterestTo = (number: string, kind: LetterCharge["kind"]) =>
    input.earlier
      .filter((c) => c.invoiceNumber === number && c.kind === kind && c.toDate)
      .map((c) => c.toDate as string)
      .sort()
      .at(-1) ?? null;
  const nextDay = (d: string | null) => (d ? new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10) : null);

  // Conservative reading of inkassoforskriften § 1-2: one purregebyr per letter,
  // however many claims it reminds of (on the first eligible invoice).
  let reminderCharged = false;
  for (const invoice of input.invoices) {
    if (settings.statutoryInterest && rules.statutoryInterest && profile.statutoryInterest) {
      const s = profile.statutoryInterest;
      out.push(
        ...invoiceInterest(
          invoice,
          {
            kind: "statutory",
            series: s.series,
            rows: input.rates[s.series],
            marginPercent: s.marginPercent,
            mode: s.mode,
            label: `Statutory interest (${s.source})`,
          },
          { asOf: letterDate, since: nextDay(lastInterestTo(invoice.number, "interest")), currency, kind: "interest" },
        ),
      );
    }
    if (profile.id === "US" && settings.contractualInterestPercent) {
      out.push(
        ...invoiceInterest(
          invoice,
          {
            kind: "contractual",
            percent: settings.contractualInterestPercent,
            label: "Contractual interest (payment terms)",
          },
          {
            asOf: letterDate,
            since: nextDay(lastInterestTo(invoice.number, "contractual_interest")),
            currency,
            kind: "contractual_interest",
          },
        ),
      );
    }
    if (settings.reminderFee && rules.reminderFee && input.stage <= 3 && !reminderCharged) {
      const notice = input.stage === profile.formalNoticeStage ? "inkassovarsel" : "purring";
      const fee = reminderFee(profile, invoice, {
        letterDate,
        currency,
        earlier: input.earlier,
        notice,
        amounts: input.amounts,
      });
      if ("charge" in fee) {
        out.push(fee.charge);
        reminderCharged = true;
      }
    }
    if (settings.statutoryCompensation && rules.statutoryCompensation) {
      const fee = compensation(profile, invoice, {
        letterDate,
        currency,
        earlier: input.earlier,
        thisLetter: out,
        amounts: input.amounts,
      });
      if ("charge" in fee) out.push(fee.charge);
    }
    if (
      profile.id === "US" &&
      settings.flatFeeMinor &&
      settings.flatFeeCurrency === currency &&
      !input.earlier.some((c) => c.kind === "flat_fee" && c.invoiceNumber === invoice.number)
    ) {
      out.push({
        kind: "flat_fee",
        invoiceNumber: invoice.number,
        amountMinor: settings.flatFeeMinor,
        currency,
        ratePercent: null,
        fromDate: null,
        toDate: letterDate,
        basis: `Late fee of ${formatMoney(settings.flatFeeMinor, currency, "en-US")} on invoice ${invoice.number}, once per invoice, under the payment terms.`,
      });
    }
  }
  return out;
}
