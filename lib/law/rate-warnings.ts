import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { FeeAmounts } from "./fees";
import type { LawSettings } from "./law-settings-types";
import type { RateSeriesId } from "./profile-types";
import { halfYearOf, type RateRow, SERIES_NAMES } from "./rate-table";
import { amountOn } from "./rates/no-fee-amounts";

/** Warn this many days before a half-year begins, and every day after until its rate is recorded. */
export const WARN_DAYS_BEFORE = 30;

export interface RateWarning {
  what: string;
  halfYear: { from: DateOnly; to: DateOnly };
  /** "upcoming": the half-year has not begun; "missing": it has, and letters are refused now. */
  state: "upcoming" | "missing";
  blocks: string;
  /** Does it block anything with the organization's charge settings? */
  blocking: boolean;
}

const BLOCKS: Record<RateSeriesId, (from: DateOnly) => string> = {
  NO_POLICY: (from) =>
    `Norwegian letters and previews with forsinkelsesrente (statutory interest) for any day from ${from}`,
  ECB_MRO: (from) => `Italian letters and previews with statutory interest (D.Lgs. 231/2002) for any day from ${from}`,
  BOE_BANK: (from) =>
    `UK letters and previews with statutory interest on debts falling overdue from ${from} (the rate of 31 December / 30 June before them)`,
};

/** The half-years to look at: the current one, and the next one from 30 days before it begins. */
export function halfYearsToCheck(today: DateOnly): { from: DateOnly; to: DateOnly }[] {
  const current = halfYearOf(today);
  const next = halfYearOf(addDaysTo(current.to, 1));
  return today >= addDaysTo(next.from, -WARN_DAYS_BEFORE) ? [current, next] : [current];
}

/** Which rates and amounts are missing for the current or coming half-year, and what each blocks. */
export function rateWarnings(opts: {
  rates: Record<RateSeriesId, RateRow[]>;
  amounts: FeeAmounts;
  settings: LawSettings;
  today: DateOnly;
}): RateWarning[] {
  const out: RateWarning[] = [];
  for (const half of halfYearsToCheck(opts.today)) {
    const state = half.from <= opts.today ? "missing" : "upcoming";
    for (const series of Object.keys(SERIES_NAMES) as RateSeriesId[]) {
      if (opts.rates[series].some((r) => r.from <= half.from && half.from <= r.to)) continue;
      out.push({
        what: SERIES_NAMES[series],
        halfYear: half,
        state,
        blocks: BLOCKS[series](half.from),
        blocking: opts.settings.statutoryInterest,
      });
    }
    if (!amountOn(opts.amounts.NO_STANDARDKOMPENSASJON, half.from))
      out.push({
        what: "Norwegian standardkompensasjon",
        halfYear: half,
        state,
        blocks: `Norwegian letters to businesses with standardkompensasjon on claims falling overdue from ${half.from}`,
        blocking: opts.settings.statutoryCompensation,
      });
    if (!amountOn(opts.amounts.NO_INKASSOSATS, half.from))
      out.push({
        what: "Norwegian inkassosats",
        halfYear: half,
        state,
        blocks: `Norwegian letters with a purregebyr or inkassovarsel fee from ${half.from}`,
        blocking: opts.settings.reminderFee,
      });
  }
  return out;
}
