import { z } from "zod";
import { canonicalLocale, isCountryCode, isCurrencyCode, isTimeZone } from "./codes";

// zod rules for the ISO codes, shared by setup, the organization's settings and customers.

export const countryCodeField = z
  .string({ message: "Choose a country." })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, "Choose a country from the list (an ISO 3166 code such as NO, IT or GB).");

export const currencyCodeField = z
  .string({ message: "Choose a currency." })
  .trim()
  .toUpperCase()
  .refine(isCurrencyCode, "Choose a currency from the list (an ISO 4217 code such as EUR, NOK or USD).");

export const timeZoneField = z
  .string({ message: "Choose a time zone." })
  .trim()
  .refine(isTimeZone, "Choose a time zone from the list (an IANA name such as Europe/Oslo).");

export const localeField = z
  .string({ message: "Enter a locale." })
  .trim()
  .max(35, "Enter a locale such as nb-NO or en-GB.")
  .transform((tag, ctx) => {
    const canonical = canonicalLocale(tag);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "Enter a locale such as nb-NO, it-IT or en-GB." });
      return z.NEVER;
    }
    return canonical;
  });
