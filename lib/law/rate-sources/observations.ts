import { parse } from "csv-parse/sync";
import { AppError } from "@/lib/errors/app-error";
import type { RateSeriesId } from "../profile-types";

/** One published value of a central bank's rate: in force from `date` (DateOnly), `percent` as a decimal string. */
export interface RateObservation {
  date: string;
  percent: string;
}

/** A parsed file: the series it holds and its observations, oldest first. */
export interface ParsedRateFile {
  series: RateSeriesId;
  observations: RateObservation[];
  /** Names the file's series as its owner does, for the rows' source. */
  seriesKey: string;
  /** true when the series has a value every business day, so "no value after X" means "not published yet". */
  daily: boolean;
}

export const badFile = (what: string, message: string) =>
  new AppError("INVALID_INPUT", `${what}: ${message}`, { file: [message] });

/** "4.25", "4.2500", "3" -> a canonical decimal string with two or more decimals; null when not a rate. */
export function percentText(value: string): string | null {
  const m = /^\s*(\d{1,2})(?:\.(\d{1,6}))?\s*$/.exec(value);
  if (!m) return null;
  const decimals = (m[2] ?? "").replace(/0+$/, "").padEnd(2, "0");
  return `${Number(m[1])}.${decimals}`;
}

/** The rows of a CSV file (quotes honoured: the ECB's TITLE column holds commas), blank lines and a BOM dropped. */
export function csvRows(text: string, delimiter: string): string[][] {
  try {
    return parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  } catch (error) {
    throw new AppError("INVALID_INPUT", `The file is not CSV: ${(error as Error).message}`, {
      file: ["Not a CSV file."],
    });
  }
}

export function sortObservations(rows: RateObservation[]): RateObservation[] {
  return [...rows].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
