import { documentKind } from "./document-type";
import type { CustomerMatch, ImportCustomer } from "./find-customers";
import { CURRENCY, type MappedRow, RowChecker } from "./import-kind";
import type { ImportOptions } from "./import-options";
import { invoiceKey, issueYear } from "./invoice-identity";
import { parseImportAmount, parseImportDate } from "./parse-values";

/** An invoice as one row (or, merged, several line rows) of the file says it is, before it meets the stored invoices. */
export interface InvoiceCandidate {
  check: RowChecker;
  line: number;
  lastLine: number;
  number: string;
  key: string;
  /** How the key reads in messages: "of 2025", "of customer ROSSI". */
  what: string;
  customer: ImportCustomer;
  issueDate: string;
  dueDate: string;
  currency: string;
  amount: number;
  /** The amount still owed per the file, when it says. */
  open?: number;
  /** The invoice total per the file (line-item files). */
  total?: number;
  /** Line-item files whose lines exclude VAT: the lines' tax added up so far (Xero's TaxAmount). */
  tax?: number;
  /** The invoice's tax total, repeated on each line (Xero's TaxTotal). */
  taxTotal?: number;
  /** When the file says the invoice was paid (with the amount still owed). */
  paidOn?: string;
  /** Set when the row is a credit note (why: its document type or a negative amount); `amount` is then what it credits. */
  creditNote?: string;
}

/** Reads one row; problems go on its checker, and a row with any is no candidate. */
export function readInvoiceRow(
  row: MappedRow,
  found: CustomerMatch,
  customerField: string,
  options: ImportOptions,
): { check: RowChecker; candidate: InvoiceCandidate | null } {
  const check = new RowChecker(row);
  const number = check.required("number", "The invoice number");
  if (!found) check.problem(customerField, "The customer is missing");
  else if ("problem" in found) check.problem(customerField, found.problem);
  const customer = found && "customer" in found ? found.customer : undefined;
  const issueDate = check.parsed("issueDate", parseImportDate(row.value("issueDate"), options.dateFormat));
  const dueDate = check.parsed("dueDate", parseImportDate(row.value("dueDate"), options.dateFormat));
  if (issueDate && dueDate && dueDate < issueDate)
    check.problem("dueDate", `the due date ${dueDate} is before the issue date ${issueDate}`);
  const currency = (row.value("currency") || customer?.currency || "").toUpperCase();
  if (row.value("currency") && !CURRENCY.test(currency))
    check.problem("currency", `"${row.value("currency")}" is not a currency code like EUR`);
  const money = (field: string) =>
    CURRENCY.test(currency) && row.value(field)
      ? check.parsed(field, parseImportAmount(row.value(field), currency, options.decimalSeparator))
      : undefined;
  const amount = CURRENCY.test(currency) ? money("amount") : undefined;
  if (CURRENCY.test(currency) && !row.value("amount")) check.required("amount", "The amount");
  const open = money("openAmount");
  const total = money("invoiceTotal");
  const paidOn = row.value("paidOn")
    ? check.parsed("paidOn", parseImportDate(row.value("paidOn"), options.dateFormat))
    : undefined;
  if (paidOn && issueDate && paidOn < issueDate)
    check.problem("paidOn", `the invoice is paid on ${paidOn}, before its issue date ${issueDate}`);
  const tax = money("lineTax");
  const taxTotal = money("taxTotal");
  const type = row.value("documentType");
  const kind = documentKind(type);
  let creditNote: string | undefined;
  if (kind === "other") {
    check.problem(
      "documentType",
      `"${type}" is neither an invoice nor a credit note; only invoices are imported here, so take this row out of the file`,
    );
  } else if (kind === "credit_note" && options.mergeLines) {
    check.problem(
      "documentType",
      `this row is a credit note (its document type is "${type}") in a file of invoice lines: take it out of this file and import it as a credit note`,
    );
  } else if (kind === "credit_note" || (amount !== undefined && amount < 0 && !options.mergeLines)) {
    // A credit note in an export of invoices: imported as a credit note through the ledger, not as a receivable.
    creditNote =
      kind === "credit_note" ? `its document type is "${type}"` : `its amount ${row.value("amount")} is negative`;
  } else if (amount === 0 && !options.mergeLines) check.problem("amount", "an invoice amount must be more than zero");
  if (open !== undefined && open < 0 && !creditNote)
    check.problem("openAmount", "the amount still owed is negative: that is a credit, not an open invoice");
  if (!(number && customer && issueDate && dueDate && amount !== undefined && check.ok))
    return { check, candidate: null };
  const key = invoiceKey(options.invoiceIdentity, { number, issueDate, customerId: customer.id });
  const what = options.invoiceIdentity === "year" ? `of ${issueYear(issueDate)}` : `of customer ${customer.reference}`;
  return {
    check,
    candidate: {
      check,
      line: row.line,
      lastLine: row.line,
      number,
      key,
      what,
      customer,
      issueDate,
      dueDate,
      currency,
      amount: creditNote && amount < 0 ? -amount : amount,
      open,
      total,
      tax,
      taxTotal,
      paidOn,
      creditNote,
    },
  };
}

/** Adds a line row to the invoice its earlier lines started, or names where they disagree. */
export function mergeLine(into: InvoiceCandidate, line: InvoiceCandidate): void {
  const differs = (
    [
      ["customer", into.customer.id !== line.customer.id],
      ["due date", into.dueDate !== line.dueDate],
      ["currency", into.currency !== line.currency],
      ["invoice total", into.total !== line.total],
      ["amount still owed", into.open !== line.open],
      ["tax total", into.taxTotal !== line.taxTotal],
      ["date paid", into.paidOn !== line.paidOn],
    ] as const
  ).filter(([, d]) => d);
  if (differs.length) {
    line.check.problem(
      "number",
      `a line of invoice ${line.number} ${line.what} whose ${differs.map(([what]) => what).join(" and ")} differ from its first line (row ${into.line})`,
    );
    return;
  }
  into.amount += line.amount;
  if (line.tax !== undefined) into.tax = (into.tax ?? 0) + line.tax;
  into.lastLine = line.line;
}

/**
 * What a line-item invoice amounts to, or why its lines and total disagree. The
 * total is the invoice as exported: lines that include VAT add up to it, lines
 * that exclude it (Xero's LineAmount) add up to it with their tax (the lines'
 * TaxAmount, else the invoice's TaxTotal). Without a total, the lines' sum.
 */
export function lineItemAmount(
  c: Pick<InvoiceCandidate, "amount" | "total" | "tax" | "taxTotal">,
): { amount: number } | { lines: number; tax?: number; total: number } {
  if (c.total === undefined) return { amount: c.amount };
  const tax = c.tax ?? c.taxTotal;
  if (c.total === c.amount || (tax !== undefined && c.total === c.amount + tax)) return { amount: c.total };
  return { lines: c.amount, tax, total: c.total };
}

/**
 * The day an invoice's "paid before the import" part is dated: the file's paid-on
 * date, else the due date, else today when the invoice is not due yet; never after
 * today, never before the issue date.
 */
export function settledBeforeImportOn(
  c: Pick<InvoiceCandidate, "issueDate" | "dueDate" | "paidOn">,
  today: string,
): string {
  const latest = [c.paidOn ?? c.dueDate, today].sort()[0];
  return latest < c.issueDate ? c.issueDate : latest;
}
