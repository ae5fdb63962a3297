import { AppError } from "@/lib/errors/app-error";
import { parseMoney } from "@/lib/money/money";
import { isDateOnly, type DateOnly } from "@/lib/time/dates";

// Checks that lib/ verbs make on user input themselves, so a bad amount or
// date is refused with a message per field whoever calls.

export function invalid(field: string, message: string): AppError {
  return new AppError("INVALID_INPUT", message, { [field]: [message] });
}

/** A positive amount typed by a person ("1,250.50") in the account's currency, as minor units. */
export function parsePositiveAmount(input: string, currency: string, field = "amount"): number {
  const parsed = parseMoney(input, currency);
  if (!parsed.ok) throw invalid(field, parsed.error);
  if (parsed.minor <= 0) throw invalid(field, "Enter an amount above zero.");
  return parsed.minor;
}

export function parseDay(input: string, field: string): DateOnly {
  if (!isDateOnly(input)) throw invalid(field, `"${input}" is not a date; use YYYY-MM-DD.`);
  return input;
}

export function requireText(input: string | undefined | null, field: string, what: string, max = 2000): string {
  const text = (input ?? "").trim();
  if (!text) throw invalid(field, `Write ${what}.`);
  if (text.length > max) throw invalid(field, `Keep it under ${max} characters.`);
  return text;
}
