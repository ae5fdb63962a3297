import type { DateOnly } from "@/lib/time/dates";

/**
 * How an import recognizes an invoice it has seen before. Numbers restart every
 * year in Italy (numerazione annuale: a number is unique within its year) and in
 * many Norwegian setups, so the bare number is never enough. "year" is the
 * default: it is right both for numbering that restarts each year and for
 * numbering that never restarts (then a number is unique anyway), and it does
 * not merge two years' invoice 1 of the same customer, as "customer" would.
 * "customer" is for systems that number per customer (a customer's invoice 1, 2…).
 */
export const INVOICE_IDENTITIES = ["year", "customer"] as const;
export type InvoiceIdentity = (typeof INVOICE_IDENTITIES)[number];
export const INVOICE_IDENTITY_LABEL: Record<InvoiceIdentity, string> = {
  year: "number and issue year match (numbering may restart every year)",
  customer: "number and customer match (each customer has its own numbering)",
};

export const issueYear = (date: DateOnly | string) => date.slice(0, 4);

/** The key an invoice is matched on: number and issue year, or number and customer. */
export function invoiceKey(
  identity: InvoiceIdentity,
  invoice: { number: string; issueDate: DateOnly | string; customerId: string },
): string {
  return `${invoice.number}\u0000${identity === "year" ? issueYear(invoice.issueDate) : invoice.customerId}`;
}
