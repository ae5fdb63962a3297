import { z } from "zod";
import { textField } from "@/lib/actions/fields";
import { organizationFieldsSchema } from "@/lib/organizations/organization-fields";
import { emailField, nameField, passwordField } from "@/lib/users/user-fields";

// What setup asks for: the company (organization-fields.ts), how customers pay
// it (until bank accounts per currency arrive, the letterhead's free text), and
// the first administrator.

export const paymentInstructionsField = textField(1000);

export const firstAdminSchema = z.object({ name: nameField, email: emailField, password: passwordField });

/** The web form's fields: the company's, then the admin's prefixed, then the one-time code. */
export const setupFormSchema = organizationFieldsSchema.extend({
  paymentInstructions: paymentInstructionsField,
  adminName: nameField,
  adminEmail: emailField,
  adminPassword: passwordField,
  code: z
    .string({ message: "Enter the setup code." })
    .trim()
    .min(1, "Enter the setup code.")
    .max(100, "Enter the setup code."),
});
export type SetupForm = z.infer<typeof setupFormSchema>;

/**
 * A setup file (`npm run setup -- --from setup.json`, `npm run org:create -- --from …`):
 * `{ "organization": { … }, "admin": { "name", "email", "password" } }`; optional
 * text fields may be left out. docs/setup.example.json shows every field.
 */
export const setupFileSchema = z.object({
  organization: z.preprocess(
    (value) =>
      value && typeof value === "object" && !Array.isArray(value)
        ? {
            registrationNumber: "",
            vatNumber: "",
            addressLine1: "",
            addressLine2: "",
            postalCode: "",
            city: "",
            region: "",
            contactPerson: "",
            email: "",
            phone: "",
            paymentInstructions: "",
            ...value,
          }
        : value,
    organizationFieldsSchema.extend({ paymentInstructions: paymentInstructionsField }).strict(),
  ),
  admin: firstAdminSchema.strict(),
});
export type SetupFile = z.infer<typeof setupFileSchema>;

/** A setup file's problems, one line each ("organization.countryCode: Choose a country …"). */
export function describeSetupFileIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
}
