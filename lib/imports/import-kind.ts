import type { DbOrTx } from "@/lib/db/client";
import type { ImportOptions } from "./import-options";
import type { ImportChanges } from "./invoice-changes";

/** A named problem with one cell: the row as a spreadsheet numbers it, the column header, what is wrong. */
export interface RowProblem {
  line: number;
  column: string;
  message: string;
}

/** A row skipped, said to the user: a title line, a totals line. */
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
  ): Promise<{ valid: Row[]; problems: RowProblem[] }>;
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
