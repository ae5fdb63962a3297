import type { ImportKind } from "@/lib/generated/prisma/enums";

export const IMPORT_KINDS = [
  "customers",
  "invoices",
  "payments",
  "credit_notes",
] as const satisfies readonly ImportKind[];

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  /** Header names accounting systems use for it, lower case, to suggest a mapping. */
  aliases: string[];
}

const field = (key: string, label: string, required: boolean, aliases: string[] = []): ImportField => ({
  key,
  label,
  required,
  aliases,
});

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  customers: [
    field("reference", "Customer reference", true, ["customer number", "customer no", "customer id", "account", "ref"]),
    field("name", "Name", true, ["customer name", "company", "customer"]),
    field("currency", "Currency", true, ["ccy", "cur"]),
    field("email", "Email", false, ["e-mail", "email address"]),
    field("phone", "Phone", false, ["telephone", "tel"]),
    field("contactPerson", "Contact person", false, ["contact", "attention"]),
    field("addressLine1", "Address line 1", false, ["address", "street"]),
    field("addressLine2", "Address line 2", false, []),
    field("postalCode", "Postal code", false, ["zip", "postcode", "zip code"]),
    field("city", "City", false, ["town"]),
    field("country", "Country", false, []),
    field("language", "Language (en, it, nb)", false, ["lang"]),
  ],
  invoices: [
    field("number", "Invoice number", true, ["invoice", "invoice no", "invoice #", "number", "inv no"]),
    field("customerReference", "Customer reference", true, [
      "customer",
      "customer number",
      "customer no",
      "customer ref",
      "account",
    ]),
    field("issueDate", "Issue date", true, ["invoice date", "date", "issued"]),
    field("dueDate", "Due date", true, ["due", "payment due"]),
    field("amount", "Amount", true, ["total", "invoice amount", "amount due", "gross amount"]),
    field("currency", "Currency (default: the customer's)", false, ["ccy", "cur"]),
  ],
  payments: [
    field("invoiceNumber", "Invoice number (or a customer reference)", false, [
      "invoice",
      "invoice no",
      "invoice #",
      "number",
    ]),
    field("customerReference", "Customer reference (unapplied cash, no invoice)", false, [
      "customer",
      "customer no",
      "account",
    ]),
    field("amount", "Amount", true, ["paid", "amount paid", "payment amount"]),
    field("receivedOn", "Payment date", true, ["date", "received", "received on", "paid on", "payment date"]),
    field("reference", "Payment reference", false, ["ref", "transaction", "transaction id"]),
    field("method", "Method", false, ["payment method"]),
    field("currency", "Currency (must be the invoice's)", false, ["ccy", "cur"]),
  ],
  credit_notes: [
    field("number", "Credit note number", true, [
      "credit note",
      "credit note no",
      "credit note number",
      "number",
      "cn no",
    ]),
    field("invoiceNumber", "Invoice number (or a customer reference)", false, ["invoice", "invoice no", "invoice #"]),
    field("customerReference", "Customer reference (credit on the account)", false, [
      "customer",
      "customer no",
      "account",
    ]),
    field("amount", "Amount", true, ["total", "credit amount", "amount credited"]),
    field("issuedOn", "Credit note date", true, ["date", "issue date", "issued", "credit date"]),
    field("reason", "Reason", false, ["description", "text", "memo"]),
    field("currency", "Currency (must be the invoice's)", false, ["ccy", "cur"]),
  ],
};

export type ColumnMapping = Record<string, string>; // field key -> header in the file

const normalize = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, " ");

/**
 * The mapping to offer for a file: the organization's last mapping for this kind
 * where its headers are in the file, else headers that look like the field.
 */
export function suggestMapping(kind: ImportKind, headers: string[], remembered: ColumnMapping | null): ColumnMapping {
  const mapping: ColumnMapping = {};
  const byName = new Map(headers.map((h) => [normalize(h), h]));
  for (const f of IMPORT_FIELDS[kind]) {
    const previous = remembered?.[f.key];
    if (previous && headers.includes(previous)) {
      mapping[f.key] = previous;
      continue;
    }
    const names = [f.key.replace(/([A-Z])/g, " $1"), f.label, ...f.aliases].map(normalize);
    const hit = names.map((n) => byName.get(n)).find(Boolean);
    if (hit) mapping[f.key] = hit;
  }
  return mapping;
}

/** Required fields without a column, as messages keyed by field. */
export function missingFields(kind: ImportKind, mapping: ColumnMapping, headers: string[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const f of IMPORT_FIELDS[kind]) {
    const column = mapping[f.key];
    if (column && !headers.includes(column)) errors[f.key] = [`The file has no column "${column}".`];
    else if (f.required && !column) errors[f.key] = [`Choose the column that holds the ${f.label.toLowerCase()}.`];
  }
  return errors;
}
