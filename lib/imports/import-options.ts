import { z } from "zod";
import { INVOICE_IDENTITIES } from "./invoice-identity";
import { DATE_FORMATS, DECIMAL_SEPARATORS } from "./parse-values";
import { DELIMITERS } from "./read-csv";
import { SAME_NUMBER_CHOICES } from "./same-number";

/** How a file's cells are written: chosen by the user where the file cannot say. */
export const importOptionsSchema = z.object({
  delimiter: z.enum(DELIMITERS),
  dateFormat: z.enum(DATE_FORMATS),
  decimalSeparator: z.enum(DECIMAL_SEPARATORS),
  /** Invoices: what makes an invoice the same as a stored one (invoice-identity.ts). */
  invoiceIdentity: z.enum(INVOICE_IDENTITIES).default("year"),
  /** Invoices: rows of one invoice (line items) are added up into one invoice. */
  mergeLines: z.boolean().default(false),
  /** Customers: what a row does whose VAT or registration number is already another customer's (same-number.ts). */
  sameNumber: z.enum(SAME_NUMBER_CHOICES).default("flag"),
  /** The spreadsheet row of the header: exports put title lines above it. */
  headerLine: z.number().int().min(1).max(1000).default(1),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;
export type ChosenOptions = Omit<z.input<typeof importOptionsSchema>, "delimiter" | "headerLine">;

export function defaultOptions(): Omit<ImportOptions, "delimiter" | "headerLine"> {
  return { dateFormat: "iso", decimalSeparator: ".", invoiceIdentity: "year", mergeLines: false, sameNumber: "flag" };
}
