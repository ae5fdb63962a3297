import { z } from "zod";
import { dateOnlyField, textField } from "@/lib/actions/fields";
import { countryCodeField, currencyCodeField } from "@/lib/iso/fields";
import type { DateOnly } from "@/lib/time/dates";

// The customer form's fields, shared by create and edit. Every field is posted
// by the form (empty text where nothing is known), so none is optional here.

const optionalEmail = z
  .string({ message: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like ap@example.com.");

export const CUSTOMER_TYPES = ["business", "consumer", "sole_trader"] as const;
export const CUSTOMER_TYPE_LABEL = { business: "Business", consumer: "Consumer", sole_trader: "Sole trader" } as const;
export const LANGUAGES = ["en", "it", "nb"] as const;
export const LANGUAGE_LABEL = { en: "English", it: "Italian", nb: "Norwegian" } as const;

const customerFieldsObject = z.object({
  reference: textField(64, { required: "Enter the customer number used in your accounting system." }),
  name: textField(200, { required: "Enter the customer's name." }),
  registrationNumber: textField(50),
  vatNumber: textField(50),
  type: z.enum(CUSTOMER_TYPES, { message: "Choose business, consumer or sole trader." }),
  countryCode: countryCodeField,
  language: z.enum(LANGUAGES, { message: "Choose English, Italian or Norwegian." }),
  currency: currencyCodeField,
  contactPerson: textField(200),
  // Added after other callers (API, imports, saved forms) were written: absent means none recorded.
  salutation: textField(100).default(""),
  email: optionalEmail,
  phone: textField(50),
  addressLine1: textField(200),
  addressLine2: textField(200),
  postalCode: textField(20),
  city: textField(200),
  // State, province or county where the postal format needs it (US "TX"); absent: none recorded.
  region: textField(50).default(""),
  preferredChannel: z.enum(["post", "email"], { message: "Choose post or email." }),
  dunning: z.enum(["active", "paused"], { message: "Choose whether dunning is active or paused." }),
  pauseReason: textField(500),
  pauseUntil: z.union([z.literal(""), dateOnlyField], {
    message: "Enter a real date as YYYY-MM-DD, or leave it empty.",
  }),
});
export type CustomerFields = z.infer<typeof customerFieldsObject>;
/** A customer's values as the form shows them: the same fields, each as the text its input holds. */
export type CustomerFormValues = Record<keyof CustomerFields, string>;

function customerRules(c: CustomerFields, ctx: z.RefinementCtx) {
  if (c.preferredChannel === "email" && !c.email)
    ctx.addIssue({ code: "custom", path: ["email"], message: "Letters by email need an email address." });
  if (c.dunning === "paused" && !c.pauseReason)
    ctx.addIssue({ code: "custom", path: ["pauseReason"], message: "Say why dunning is paused." });
}

export const customerFieldsSchema = customerFieldsObject.superRefine(customerRules);
/** The edit form: the same fields and rules, and which customer. */
export const customerEditSchema = customerFieldsObject
  .extend({ customerId: z.uuid({ message: "Choose a customer from the list." }) })
  .superRefine(customerRules);

/** The columns a customer form writes (pause reason and end date only while paused). */
export function customerColumns(c: CustomerFields) {
  const { dunning, pauseReason, pauseUntil, ...rest } = c;
  const paused = dunning === "paused";
  return {
    ...rest,
    dunningPausedReason: paused ? pauseReason : null,
    dunningPausedUntil: paused && pauseUntil ? pauseUntil : null,
  };
}

/** A customer row's form-visible values as text, for audit records (before/after). */
export function customerValues(c: {
  reference: string;
  name: string;
  registrationNumber: string;
  vatNumber: string;
  type: string;
  countryCode: string | null;
  language: string;
  currency: string;
  contactPerson: string;
  salutation: string;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  region: string;
  preferredChannel: string;
  dunningPausedReason: string | null;
  dunningPausedUntil: DateOnly | null;
}): Record<string, string | null> {
  return { ...c, currency: c.currency.trim(), countryCode: c.countryCode?.trim() ?? null };
}

/** How a changed field is named in the "Saved: …" message. */
export const CUSTOMER_FIELD_LABEL: Record<string, string> = {
  reference: "reference",
  name: "name",
  registrationNumber: "registration number",
  vatNumber: "VAT number",
  type: "type",
  countryCode: "country",
  language: "language",
  currency: "currency",
  contactPerson: "contact person",
  salutation: "salutation",
  email: "email",
  phone: "phone",
  addressLine1: "address",
  addressLine2: "address",
  postalCode: "postal code",
  city: "city",
  region: "state or province",
  preferredChannel: "letters by",
  dunningPausedReason: "dunning pause",
  dunningPausedUntil: "pause end date",
};
export const describeCustomerChanges = (changed: string[]) =>
  changed.length
    ? `Saved: ${[...new Set(changed.map((k) => CUSTOMER_FIELD_LABEL[k] ?? k))].join(", ")}.`
    : "Nothing changed.";
