import { z } from "zod";
import { dateOnlyField } from "@/lib/actions/fields";
import { AppError } from "@/lib/errors/app-error";
import { isKnownCurrency, minorDigits, minorToPlain } from "@/lib/money/money";

// The API's field types, each declared once with the description the OpenAPI
// document shows. Amounts travel as decimal strings ("1250.50"): never floats,
// never thousands separators, a point as the decimal mark.

export const day = dateOnlyField.meta({ description: "A calendar date, YYYY-MM-DD.", example: "2026-11-30" });

export const currency = z
  .string({ message: "Give an ISO 4217 currency code such as EUR." })
  .regex(/^[A-Z]{3}$/, "Give an ISO 4217 currency code such as EUR, in capitals.")
  .refine(isKnownCurrency, "That is not a currency we know; use an ISO code like EUR.")
  .meta({ description: "ISO 4217 code.", example: "EUR" });

/** A positive amount as sent: digits, optionally a point and the currency's decimals. */
export const amountString = z
  .string({ message: 'Give the amount as a decimal string, like "1250.50".' })
  .regex(/^\d{1,15}(\.\d{1,4})?$/, 'Give the amount as a decimal string with a point, like "1250.50" (no separators).')
  .meta({ description: "Decimal string in the currency's unit, point as decimal mark.", example: "1250.50" });

/** An amount in a response (may be negative for a credit). */
export const amountOut = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .meta({ description: "Decimal string in the currency's unit.", example: "1250.50" });

export const reference = z
  .string()
  .trim()
  .min(1, "Give the customer's reference.")
  .max(64, "A customer reference has at most 64 characters.")
  .meta({ description: "The customer number in the accounting system.", example: "10042" });

/** Minor units from an amount string, refusing more decimals than the currency has. */
export function amountToMinor(amount: string, code: string, field = "amount"): number {
  const [whole, fraction = ""] = amount.split(".");
  const digits = minorDigits(code);
  if (fraction.length > digits) {
    const message = `${code} amounts have at most ${digits} decimal${digits === 1 ? "" : "s"}.`;
    throw new AppError("INVALID_INPUT", message, { [field]: [message] });
  }
  const minor = Number(whole + fraction.padEnd(digits, "0"));
  if (!Number.isSafeInteger(minor) || minor <= 0) {
    const message = minor <= 0 ? "Enter an amount above zero." : "That amount is too large.";
    throw new AppError("INVALID_INPUT", message, { [field]: [message] });
  }
  return minor;
}

export const plain = (minor: number, code: string) => minorToPlain(minor, code);

export const outcome = z
  .enum(["created", "updated", "unchanged"])
  .meta({ description: "What this request did: `unchanged` when the stored record already said the same." });
