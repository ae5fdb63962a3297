import { addDaysTo, type DateOnly } from "@/lib/time/dates";

// Calendar months of DateOnly values ("YYYY-MM-DD"): the dashboard's periods.
// Which day is today comes from lib/time (todayIn, the organization's zone).

/** The first day of the month `day` falls in. */
export function monthStart(day: DateOnly): DateOnly {
  return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `months` after (or before, negative) the month of `day`. */
export function addMonths(day: DateOnly, months: number): DateOnly {
  const [y, m] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The last day of the month `day` falls in. */
export function monthEnd(day: DateOnly): DateOnly {
  return addDaysTo(addMonths(day, 1), -1);
}

/** The first days of the `count` months ending with today's, oldest first. */
export function lastMonths(today: DateOnly, count: number): DateOnly[] {
  return Array.from({ length: count }, (_, i) => addMonths(today, i - count + 1));
}
