import { AppError } from "@/lib/errors/app-error";
import { parseMoney } from "@/lib/money/money";
import { type DateOnly, isDateOnly } from "@/lib/time/dates";

// Checks that lib/ verbs make on user input themselves, so a bad amount or
// date is refused with a message per field whoever calls.

/** `message` goes beside the field; `summary` (default: the same) is the result's sentence when the field's message is not one. */
export function invalid(field: string, message: string, summary = message): AppError {
  return new AppError("INVALID_INPUT", summary, { [field]: [message] });
}

/** A positive amount typed by a person ("1,250.50") in the account's currency, as minor units. */
export function parsePositiveAmount(input: string, currency: string, field = "amount"): number {
  const parsed = parseMoney(input, currency);
  // parseMoney may quote what was typed ('"12,3,4" is not an amount.'): right beside the field, but not as the sentence.
  if (!parsed.ok)
    throw invalid(
      field,
      parsed.error,
      parsed.error.startsWith('"') ? "Enter the amount as digits, like 1250.50 or 1 250,50." : parsed.error,
    );
  if (parsed.minor <= 0) throw invalid(field, "Enter an amount above zero.");
  return parsed.minor;
}

export function parseDay(input: string, field: string): DateOnly {
  if (!isDateOnly(input))
    throw invalid(
      field,
      `"${String(input).slice(0, 40)}" is not a date; use YYYY-MM-DD.`,
      "Enter dates as YYYY-MM-DD.",
    );
  return input;
}

export function requireText(input: string | undefined | null, field: string, what: string, max = 2000): string {
  const text = (input ?? "").trim();
  if (!text) throw invalid(field, `Write ${what}.`);
  if (text.length > max) throw invalid(field, `Keep it under ${max} characters.`);
  return text;
}
