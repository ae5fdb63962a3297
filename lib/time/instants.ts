import { TZDate } from "@date-fns/tz";
import type { DateOnly } from "./dates";

/** The instant of a wall-clock time on a calendar date in a time zone. */
export function instantAt(date: DateOnly, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, timeZone).getTime());
}

/** The wall-clock time ("14:05") of an instant in a time zone: what a time field defaults to. The inverse of instantAt's time. */
export function wallClockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(at);
}
