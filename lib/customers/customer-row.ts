import type { Prisma } from "@/lib/generated/prisma/client";
import { dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { type CustomerFields, customerColumns, customerValues } from "./customer-fields";

// Between the form's fields and the customers table, both ways.

/** What the form writes, as Prisma data. */
export function customerData(fields: CustomerFields) {
  const columns = customerColumns(fields);
  return {
    ...columns,
    dunningPausedUntil: columns.dunningPausedUntil ? dateOnlyToDb(columns.dunningPausedUntil) : null,
  } satisfies Prisma.CustomerUncheckedUpdateInput;
}

type Row = Parameters<typeof customerValues>[0] extends infer T
  ? Omit<T, "dunningPausedUntil"> & { dunningPausedUntil: Date | null }
  : never;

/** A stored row's values as text (dates as YYYY-MM-DD), for the audit record. */
export function rowValues(row: Row): Record<string, string | null> {
  return customerValues({
    ...row,
    dunningPausedUntil: row.dunningPausedUntil ? dateOnlyFromDb(row.dunningPausedUntil) : null,
  });
}

/** The form's values as text, the same shape as rowValues. */
export function fieldValues(fields: CustomerFields): Record<string, string | null> {
  return customerValues(customerColumns(fields));
}

export const DUPLICATE_REFERENCE = "Another customer already has this reference.";
