import type { DbOrTx } from "@/lib/db/client";
import { invoiceNumbering } from "@/lib/ledger/invoice-numbering";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { ImportOptions } from "./import-options";
import type { ImportChanges } from "./invoice-changes";
import type { InvoiceIdentity } from "./invoice-identity";
import { type DateFormat, parseImportDate } from "./parse-values";

/** A named problem with one cell: the row as a spreadsheet numbers it, the column header, what is wrong. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** A row skipped or read in a way the user should know of, said to the user: a title line, a totals line, a customer's number seen before. */
export interface RowNotice {
  line: number;
  message: string;
}

/** One data row of the file, read through the column mapping. */
export interface MappedRow {
  line: number;
  /** The trimmed cell of a field ("" when the field is not mapped or the cell is empty). */
  value(field: string): string;
  /** The header of the column a field is read from, to name it in problems. */
  column(field: string): string;
  has(field: string): boolean;
}

export interface BatchContext {
  orgId: string;
  options: ImportOptions;
  /** The organization's base currency: a customer file without currencies takes it. */
  defaultCurrency: string;
  /** Today in the organization's time zone: what an import records as paid before it is dated today. */
  today: string;
}

/** Who writes: corrections to stored rows are audited in their name, with the import. */
export interface WriteContext {
  orgId: string;
  importId: string;
  userId: string | null;
}

/**
 * What an import kind (customers, invoices, payments) knows: how to check a batch
 * of rows against the file so far and the database, and how to write valid rows.
 * `state` carries what must be remembered across batches (keys seen in the file).
 */
export interface ImportKindHandler<Row, State> {
  newState(): State;
  validate(
    tx: DbOrTx,
    ctx: BatchContext,
    rows: MappedRow[],
    state: State,
  ): Promise<{ valid: Row[]; problems: RowProblem[]; notices?: RowNotice[] }>;
  /** Upserts the rows; rows equal to what is stored are not touched. */
  write(tx: DbOrTx, ctx: WriteContext, rows: Row[]): Promise<{ created: number; updated: number }>;
  /** After the last batch: rows a kind held back (line items added up), checked and ready to write. */
  finish?(tx: DbOrTx, ctx: BatchContext, state: State): Promise<{ valid: Row[]; problems: RowProblem[] }>;
  /** What the rows so far change in stored rows, for kinds that must say so before importing. */
  changes?(state: State): ImportChanges;
}

/** Collects problems of one row; `ok` says whether the row had none. */
export class RowChecker {
  readonly problems: RowProblem[] = [];
  constructor(private readonly row: MappedRow) {}

  problem(field: string, message: string): void {
    this.problems.push({ line: this.row.line, column: this.row.column(field), message });
  }

  /** The cell of a required field, or a problem when it is empty. */
  required(field: string, label: string): string {
    const value = this.row.value(field);
    if (!value) this.problem(field, `${label} is missing`);
    return value;
  }

  /** A parse result's value, or a problem naming the cell. */
  parsed<T>(field: string, result: { ok: true; value: T } | { ok: false; error: string }): T | undefined {
    if (result.ok) return result.value;
    this.problem(field, result.error);
    return undefined;
  }

  /** Notes `key` as seen on this row, or names the row where the file had it first. */
  unique(field: string, seen: Map<string, number>, key: string, what: string): void {
    if (!key) return;
    const first = seen.get(key);
    if (first !== undefined) this.problem(field, `duplicate ${what} in the file (first on row ${first})`);
    else seen.set(key, this.row.line);
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }
}

/** Counts rows an upsert returned: `inserted` is PostgreSQL's (xmax = 0). */
export function countUpserts(returned: { inserted: boolean }[]): { created: number; updated: number } {
  const created = returned.filter((r) => r.inserted).length;
  return { created, updated: returned.length - created };
}

export const CURRENCY = /^[A-Z]{3}$/;

/** The organization's remembered rule for what makes an invoice number unique (its invoices import's choice). */
export const rememberedInvoiceIdentity: (tx: DbOrTx, orgId: string) => Promise<InvoiceIdentity> = invoiceNumbering;

/** The invoices a batch names (by number; several per number where numbering restarts), with what payment and credit rows check against. */
export async function invoicesNamed(tx: DbOrTx, orgId: string, numbers: string[]) {
  const invoices = await tx.invoice.findMany({
    where: { orgId, number: { in: numbers } },
    select: {
      id: true,
      number: true,
      customerId: true,
      currency: true,
      amountMinor: true,
      paidMinor: true,
      issueDate: true,
    },
  });
  const invoicesByNumber = new Map<string, typeof invoices>();
  for (const i of invoices) invoicesByNumber.set(i.number, [...(invoicesByNumber.get(i.number) ?? []), i]);
  return { invoicesByNumber, invoiceById: new Map(invoices.map((i) => [i.id, i])) };
}

/**
 * The one invoice a row names. A number names several invoices where numbering
 * restarts every year or per customer (the identity rule of the organization's
 * invoices import): the row's invoice date and customer, when it has them, tell
 * them apart; a bare number is enough only while it names one invoice.
 */
function pickInvoice<I extends { number: string; issueDate: Date; customerId: string }>(
  sameNumber: I[],
  row: { number: string; identity: InvoiceIdentity; invoiceDate?: string; customerId?: string },
): { invoice: I } | { problem: string } {
  const found = sameNumber.filter(
    (i) =>
      (!row.invoiceDate || dateOnlyFromDb(i.issueDate) === row.invoiceDate) &&
      (!row.customerId || i.customerId === row.customerId),
  );
  if (found.length === 1) return { invoice: found[0] };
  const of = [row.invoiceDate && `of ${row.invoiceDate}`, row.customerId && "of this customer"].filter(Boolean);
  if (!found.length)
    return { problem: `unknown invoice "${row.number}"${of.length ? ` ${of.join(" ")}` : ""}: import invoices first` };
  const or = row.identity === "customer" && !row.customerId ? ", or the customer reference column" : "";
  return {
    problem: `invoice number "${row.number}" names ${found.length} invoices (issued ${found
      .map((i) => dateOnlyFromDb(i.issueDate))
      .sort()
      .join(", ")}); choose the invoice date column on this page to tell them apart${or}`,
  };
}

/**
 * The invoice a payment or credit note row names in its invoiceNumber cell, by
 * the number and, when the row has them, the invoice date and the customer
 * (undefined, with the problem on the row, when it names none or several).
 */
export function namedInvoice<I extends { number: string; issueDate: Date; customerId: string }>(
  check: RowChecker,
  row: MappedRow,
  invoicesByNumber: Map<string, I[]>,
  opts: { identity: InvoiceIdentity; dateFormat: DateFormat; customer?: { id: string } },
): I | undefined {
  const number = row.value("invoiceNumber");
  // Numbers restart every year (or per customer): the invoice date or the customer tells two invoice 1s apart.
  const invoiceDate = row.value("invoiceDate")
    ? check.parsed("invoiceDate", parseImportDate(row.value("invoiceDate"), opts.dateFormat))
    : undefined;
  // A customer reference that names no customer is the row's problem already.
  if (!number || (row.value("customerReference") && !opts.customer)) return undefined;
  const named = pickInvoice(invoicesByNumber.get(number) ?? [], {
    number,
    identity: opts.identity,
    invoiceDate,
    customerId: opts.customer?.id,
  });
  if ("problem" in named) check.problem("invoiceNumber", named.problem);
  return "invoice" in named ? named.invoice : undefined;
}
