import { changedFacts, type InvoiceFacts } from "@/lib/ledger/invoice-change-rule";

export type { InvoiceFacts } from "@/lib/ledger/invoice-change-rule";

export interface InvoiceChange {
  line: number;
  number: string;
  before: InvoiceFacts;
  after: InvoiceFacts;
}

/** What an import would change in stored invoices: counts by what changes, and the first changes in full. */
export interface ImportChanges {
  invoices: number;
  amount: number;
  customer: number;
  dates: number;
  examples: InvoiceChange[];
}

export const CHANGE_EXAMPLES = 20;
export const noChanges = (): ImportChanges => ({ invoices: 0, amount: 0, customer: 0, dates: 0, examples: [] });

export function addChange(changes: ImportChanges, change: InvoiceChange): void {
  const what = changedFacts(change.before, change.after);
  changes.invoices++;
  if (what.amount) changes.amount++;
  if (what.customer) changes.customer++;
  if (what.dates) changes.dates++;
  if (changes.examples.length < CHANGE_EXAMPLES) changes.examples.push(change);
}
