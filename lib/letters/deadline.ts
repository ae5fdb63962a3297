import { getDay, parseISO } from "date-fns";
import { addDaysTo, type DateOnly } from "@/lib/time/dates";

/**
 * The payment deadline a letter states: at least `minDays` after the letter
 * date, moved off a weekend to the Monday, and never before an earlier
 * letter's deadline (a later letter must not shorten the time given).
 */
export function letterDeadline(letterDate: DateOnly, minDays: number, notBefore?: DateOnly | null): DateOnly {
  let date = addDaysTo(letterDate, minDays);
  if (notBefore && notBefore > date) date = notBefore;
  const weekday = getDay(parseISO(date));
  if (weekday === 6) return addDaysTo(date, 2);
  if (weekday === 0) return addDaysTo(date, 1);
  return date;
}
