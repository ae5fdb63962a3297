import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { MAX_AMOUNT_MINOR, parseMoney } from "@/lib/money/money";
import { type DateOnly, isDateOnly } from "@/lib/time/dates";

// Field rules, defined once: server-action schemas use the zod fields, and lib/
// verbs check what they are handed with the same rules (checkField, parseDay,
// requireText, parsePositiveAmount), so a bad amount or date is refused with a
// message per field whoever calls. Form posts arrive as strings, JSON callers
// may send numbers: both are accepted when they mean the same thing, and
// everything else is refused with a message a person can act on.

export const idField = (what: string) => z.uuid({ message: `Choose ${what} from the list.` });

/**
 * A send form's idempotency key: a uuid the page puts in the form when it renders, so a
 * double submit sends once (lib/delivery/send-once.ts). Optional for scripts and tests.
 */
export const sendKeyField = z
  .uuid({ message: "The form is out of date: reload the page." })
  .optional()
  .or(z.literal("").transform(() => undefined));

/** Free text, stored and shown verbatim (React escapes it; SQL never sees it unparameterised). */
export const textField = (max: number, opts: { required?: string } = {}) => {
  const text = z.string({ message: "Enter text." }).trim().max(max, `At most ${max} characters.`);
  return opts.required ? text.min(1, opts.required) : text;
};

/**
 * A positive whole number of minor units (cents, øre): "1250" or 1250; never -1, 0.5, NaN,
 * 1e3 or more than MAX_AMOUNT_MINOR. The one schema for an amount in minor units: forms,
 * JSON callers and the API parse with it.
 */
export const minorUnitsField = z
  .union(
    [
      z
        .string()
        .trim()
        .regex(/^\d{1,16}$/, "Enter a whole number of cents."),
      z.number(),
    ],
    { message: "Enter an amount." },
  )
  .transform((v) => Number(v))
  .pipe(
    z
      .number()
      .int("Enter a whole number of cents.")
      .positive("Enter an amount above zero.")
      .max(MAX_AMOUNT_MINOR, `That amount is too large: at most ${MAX_AMOUNT_MINOR} minor units.`),
  );

export const EARLIEST_DATE = "2000-01-01";
export const LATEST_DATE = "2099-12-31";

/** A calendar date, YYYY-MM-DD, that exists and lies in a plausible range (no 0000-00-00, no 9999-12-31). */
export const dateOnlyField = z
  .string({ message: "Enter a date." })
  .trim()
  .refine(isDateOnly, "Enter a real date as YYYY-MM-DD.")
  .refine((d) => d >= EARLIEST_DATE && d <= LATEST_DATE, `Enter a date between ${EARLIEST_DATE} and ${LATEST_DATE}.`);

/** A whole number ("14" or 14) between min and max; never true, "", 1.5, "1e1" or NaN (z.coerce would take true as 1). */
export const wholeNumberField = (what: string, min: number, max: number, unit?: string) => {
  const count = (n: number) => (unit ? `${n} ${unit}${n === 1 ? "" : "s"}` : String(n));
  return z
    .union(
      [
        z
          .string()
          .trim()
          .regex(/^\d{1,9}$/, `Enter ${what} as a whole number.`),
        z.number(),
      ],
      { message: `Enter ${what}.` },
    )
    .transform((v) => Number(v))
    .pipe(
      z
        .number({ message: `Enter ${what}.` })
        .int(`Enter ${what} as a whole number.`)
        .min(min, `At least ${count(min)}.`)
        .max(max, `At most ${count(max)}.`),
    );
};

/**
 * An amount as a person types it ("1,250.50", "1 250,50"): lib/ parses it in the
 * account's currency (parseMoney), which knows how many decimals that currency has.
 */
export const typedAmountField = z
  .string({ message: "Enter an amount." })
  .trim()
  .min(1, "Enter an amount.")
  .max(40, "That is not an amount.");

/** An ISO 4217 code such as EUR. */
export const currencyField = z.string({ message: "Choose a currency." }).regex(/^[A-Z]{3}$/, "Choose a currency.");

/** `message` goes beside the field; `summary` (default: the same) is the result's sentence when the field's message is not one. */
export function invalid(field: string, message: string, summary = message): AppError {
  return new AppError("INVALID_INPUT", summary, { [field]: [message] });
}

/** A field rule applied inside a lib/ verb: the parsed value, or INVALID_INPUT on that field with the rule's message. */
export function checkField<S extends z.ZodType>(schema: S, value: unknown, field: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(field, parsed.error.issues[0].message);
  return parsed.data;
}

/** A calendar date (dateOnlyField's rule) checked inside a verb. */
export function parseDay(input: string, field: string): DateOnly {
  return checkField(dateOnlyField, input, field);
}

/** Text that must not be empty: "Write <what>." beside the field when it is. */
export const requiredTextField = (what: string, max = 2000) => textField(max, { required: `Write ${what}.` });

export function requireText(input: string | undefined | null, field: string, what: string, max = 2000): string {
  return checkField(requiredTextField(what, max), input ?? "", field);
}

/** A positive amount typed by a person (typedAmountField) in the account's currency, as minor units. */
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
