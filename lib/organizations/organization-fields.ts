import { z } from "zod";
import { textField } from "@/lib/actions/fields";
import { countryCodeField, currencyCodeField, localeField, timeZoneField } from "@/lib/iso/fields";

// What setup asks about the company, and what its settings page edits: one
// schema, so the web setup, `npm run setup`, `npm run org:create` and the
// settings page accept and refuse exactly the same things.

const optionalEmail = z
  .string({ message: "Enter an email address." })
  .trim()
  .toLowerCase()
  .max(254, "An email address has at most 254 characters.")
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like ar@example.com.");

export const organizationFieldsSchema = z.object({
  name: textField(200, { required: "Enter the company's legal name." }),
  registrationNumber: textField(50),
  vatNumber: textField(50),
  countryCode: countryCodeField,
  timeZone: timeZoneField,
  defaultCurrency: currencyCodeField,
  locale: localeField,
  addressLine1: textField(200),
  addressLine2: textField(200),
  postalCode: textField(20),
  city: textField(200),
  region: textField(50),
  contactPerson: textField(200),
  email: optionalEmail,
  phone: textField(50),
});

export type OrganizationFields = z.infer<typeof organizationFieldsSchema>;
export const ORGANIZATION_FIELD_NAMES = Object.keys(organizationFieldsSchema.shape) as (keyof OrganizationFields)[];

/** The fields as stored on an organization row, for before/after audit records and forms. */
export function organizationFieldsOf(org: Record<keyof OrganizationFields, string>): OrganizationFields {
  return Object.fromEntries(ORGANIZATION_FIELD_NAMES.map((k) => [k, org[k].trim()])) as OrganizationFields;
}

const LABEL: Record<string, string> = {
  name: "legal name",
  registrationNumber: "registration number",
  vatNumber: "VAT number",
  countryCode: "country",
  timeZone: "time zone",
  defaultCurrency: "base currency",
  addressLine1: "address",
  addressLine2: "address",
  postalCode: "postal code",
  region: "state or province",
  contactPerson: "contact person",
};
export const describeOrganizationChanges = (changed: string[]) =>
  changed.length ? `Saved: ${[...new Set(changed.map((k) => LABEL[k] ?? k))].join(", ")}.` : "Nothing changed.";
