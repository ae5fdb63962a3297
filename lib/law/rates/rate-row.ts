import type { RateSeriesId } from "../profile-types";

/**
 * One half-year's reference rate. `from`/`to` are inclusive DateOnly strings
 * covering exactly one half-year (1 Jan - 30 Jun or 1 Jul - 31 Dec).
 * `needsCheck` marks a row whose figure could not be confirmed against a
 * primary source when it was entered; it is used, and docs/law.md lists it.
 */
export interface RateRow {
  series: RateSeriesId;
  from: string;
  to: string;
  /** Annual percentage as a decimal string, e.g. "4.50". */
  referencePercent: string;
  source: string;
  needsCheck: boolean;
}
