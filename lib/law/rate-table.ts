import { AppError } from "@/lib/errors/app-error";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { RateSeriesId } from "./profile-types";
import { BOE_BANK_RATE } from "./rates/boe-bank-rate";
import { ECB_MRO } from "./rates/ecb-mro";
import { NO_POLICY_RATE } from "./rates/no-policy-rate";
import type { RateRow } from "./rates/rate-row";

export type { RateRow } from "./rates/rate-row";

export const REPO_RATES: Record<RateSeriesId, RateRow[]> = {
  NO_POLICY: NO_POLICY_RATE,
  ECB_MRO: ECB_MRO,
  BOE_BANK: BOE_BANK_RATE,
};

export const SERIES_NAMES: Record<RateSeriesId, string> = {
  NO_POLICY: "Norges Bank policy rate",
  ECB_MRO: "ECB main refinancing rate",
  BOE_BANK: "Bank of England Bank Rate",
};

/** The half-year containing `date`: 1 Jan - 30 Jun or 1 Jul - 31 Dec. */
export function halfYearOf(date: DateOnly): { from: DateOnly; to: DateOnly } {
  const year = date.slice(0, 4);
  return date.slice(5) < "07-01"
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

/**
 * Checks that rows of one series are whole half-years, each once, with no gap
 * between the first and the last. Returns the rows sorted; throws INVALID_INPUT
 * naming the rule and the rows at fault.
 */
export function checkRateRows(series: RateSeriesId, rows: RateRow[]): RateRow[] {
  const sorted = [...rows].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const name = SERIES_NAMES[series];
  for (const row of sorted) {
    const half = halfYearOf(row.from);
    if (row.from !== half.from || row.to !== half.to)
      throw new AppError(
        "INVALID_INPUT",
        `A ${name} row must cover exactly one half-year (1 January - 30 June or 1 July - 31 December); ${row.from} - ${row.to} does not.`,
      );
    if (!/^\d{1,2}(\.\d{1,4})?$/.test(row.referencePercent))
      throw new AppError("INVALID_INPUT", `The ${name} for ${row.from} must be a percentage like 4.25.`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const row = sorted[i];
    if (row.from <= prev.to)
      throw new AppError(
        "INVALID_INPUT",
        `Overlap in the ${name}: the half-year from ${row.from} already has a rate (${prev.referencePercent} %). Rates are never changed once entered.`,
      );
    if (row.from !== addDaysTo(prev.to, 1))
      throw new AppError(
        "INVALID_INPUT",
        `Gap in the ${name}: nothing from ${addDaysTo(prev.to, 1)} to ${addDaysTo(row.from, -1)}. Add the half-years in order.`,
      );
  }
  return sorted;
}

/** The row covering `date`, or a clear error telling an admin which half-year to add. */
export function rateOn(series: RateSeriesId, rows: RateRow[], date: DateOnly): RateRow {
  const row = rows.find((r) => r.from <= date && date <= r.to);
  if (!row) {
    const half = halfYearOf(date);
    throw new AppError(
      "CONFLICT",
      `No ${SERIES_NAMES[series]} is recorded for ${half.from} - ${half.to}, so statutory interest cannot be priced. An administrator adds it under Settings - Law and rates.`,
    );
  }
  return row;
}
