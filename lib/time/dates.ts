import { TZDate } from "@date-fns/tz";
import { format, parseISO } from "date-fns";

/**
 * A calendar date with no time of day, as "YYYY-MM-DD". Due dates, payment
 * dates and deadlines are DateOnly; which DateOnly "today" is depends on the
 * organization's time zone and is decided only by todayIn().
 */
export type DateOnly = string;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(value: string): value is DateOnly {
  if (!DATE_ONLY.test(value)) return false;
  const d = parseISO(value);
  return !Number.isNaN(d.getTime()) && format(d, "yyyy-MM-dd") === value;
}

/** The one place a day boundary is decided: the calendar date at `now` in `timeZone`. */
export function todayIn(timeZone: string, now: Date = clockNow()): DateOnly {
  return format(new TZDate(now, timeZone), "yyyy-MM-dd");
}

/** "Now", frozen by DUNNING_FROZEN_NOW (ISO instant) for demos and end-to-end tests. */
export function clockNow(): Date {
  const frozen = process.env.DUNNING_FROZEN_NOW;
  return frozen ? new Date(frozen) : new Date();
}

// DateOnly arithmetic is calendar arithmetic on UTC midnights, where every day
// is 86,400 s and no DST applies. It is done on the epoch directly: the stage
// policy does it thousands of times per worklist refresh, and date-fns'
// parse/format round trip costs ~4 µs a call against ~0.7 µs.
const DAY_MS = 86_400_000;

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateOnly, to: DateOnly): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

export function addDaysTo(date: DateOnly, days: number): DateOnly {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Prisma returns DATE columns as a Date at UTC midnight. */
export function dateOnlyFromDb(value: Date): DateOnly {
  return value.toISOString().slice(0, 10);
}

/** A DateOnly as the Date Prisma expects for a DATE column. */
export function dateOnlyToDb(value: DateOnly): Date {
  return new Date(`${value}T00:00:00.000Z`);
}

// Building an Intl formatter costs ~60 µs, using one ~1 µs: the worklist words
// thousands of dates per page of policy reasons, so formatters are kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

export function formatDateOnly(value: DateOnly, locale = "en-US", style: "medium" | "long" = "medium"): string {
  return formatter(
    `d|${locale}|${style}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }),
  ).format(dateOnlyToDb(value));
}

export function formatInstant(value: Date, timeZone: string, locale = "en-US"): string {
  return formatter(
    `i|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }),
  ).format(value);
}
