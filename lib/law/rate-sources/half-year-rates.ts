import { addDaysTo, type DateOnly } from "@/lib/time/dates";
import type { RateSeriesId } from "../profile-types";
import { halfYearOf, type RateRow } from "../rate-table";
import type { ParsedRateFile, RateObservation } from "./observations";

/**
 * The day whose rate fixes a half-year, by statute:
 * - NO (forsinkelsesrenteloven § 3) and IT (D.Lgs. 231/2002 art. 5): the rate in force on 1 January / 1 July;
 * - UK (SI 2002/1675): the Bank Rate in force on 31 December / 30 June before the half-year.
 */
export function referenceDay(series: RateSeriesId, halfYearFrom: DateOnly): DateOnly {
  return series === "BOE_BANK" ? addDaysTo(halfYearFrom, -1) : halfYearFrom;
}

/** A daily series whose last value is more than this before the reference day does not reach it yet. */
const DAILY_REACH_DAYS = 7;

/** The value in force on `day` (the latest observation on or before it), or null when the file cannot tell. */
export function valueOn(file: ParsedRateFile, day: DateOnly): RateObservation | null {
  const last = file.observations.at(-1);
  if (!last) return null;
  if (file.daily && last.date < addDaysTo(day, -DAILY_REACH_DAYS)) return null;
  return file.observations.findLast((o) => o.date <= day) ?? null;
}

export interface HalfYearReading {
  row: RateRow;
  observedOn: string;
}

/**
 * The half-year rows a file establishes: every half-year from `firstFrom`
 * whose reference day has come (on or before `today`) and which the file
 * reaches. A rate is never read for a day still ahead.
 */
export function halfYearRates(
  file: ParsedRateFile,
  opts: { firstFrom: DateOnly; today: DateOnly; origin: string },
): HalfYearReading[] {
  const out: HalfYearReading[] = [];
  for (let from = opts.firstFrom; ; from = addDaysTo(halfYearOf(from).to, 1)) {
    const day = referenceDay(file.series, from);
    if (day > opts.today) break;
    const seen = valueOn(file, day);
    if (!seen) break;
    out.push({
      observedOn: seen.date,
      row: {
        series: file.series,
        from,
        to: halfYearOf(from).to,
        referencePercent: seen.percent,
        source: `${opts.origin}, series ${file.seriesKey}: ${seen.percent} % in force on ${day} (value of ${seen.date})`,
        needsCheck: false,
      },
    });
  }
  return out;
}

/** Recorded rows the file contradicts: a rate once used is never changed, but an admin must hear of it. */
export function disagreements(file: ParsedRateFile, recorded: RateRow[]): string[] {
  return recorded.flatMap((row) => {
    const seen = valueOn(file, referenceDay(file.series, row.from));
    if (!seen || Number(seen.percent) === Number(row.referencePercent)) return [];
    return [
      `${row.from} - ${row.to}: recorded ${row.referencePercent} %, the file gives ${seen.percent} % (value of ${seen.date})`,
    ];
  });
}
