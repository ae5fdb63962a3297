import { Prisma } from "@/lib/generated/prisma/client";
import type { DateOnly } from "@/lib/time/dates";
import type { BucketKey } from "./buckets";

/**
 * The aging buckets as SQL conditions on an invoice's due_date (the same edges
 * as AGING_BUCKETS). Comparing the date column with constants lets PostgreSQL
 * fold `today - 30` once per query instead of subtracting dates on every row.
 */
export function bucketConditions(today: DateOnly, dueDate = "due_date"): Record<BucketKey, Prisma.Sql> {
  const due = Prisma.raw(dueDate);
  const t = Prisma.sql`${today}::date`;
  return {
    current: Prisma.sql`${due} >= ${t}`,
    d1_30: Prisma.sql`${due} < ${t} AND ${due} >= ${t} - 30`,
    d31_60: Prisma.sql`${due} < ${t} - 30 AND ${due} >= ${t} - 60`,
    d61_90: Prisma.sql`${due} < ${t} - 60 AND ${due} >= ${t} - 90`,
    d90_plus: Prisma.sql`${due} < ${t} - 90`,
  };
}

/**
 * Aggregate columns over open invoices (alias `i`): open, each bucket and the
 * oldest days past due. Used per account by the accounts table.
 */
export function accountAggregates(today: DateOnly): Prisma.Sql {
  const b = bucketConditions(today, "i.due_date");
  const open = Prisma.sql`i.amount_minor - i.paid_minor`;
  return Prisma.sql`
    sum(${open}) AS open,
    COALESCE(sum(${open}) FILTER (WHERE ${b.current}), 0) AS current,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d1_30}), 0) AS d1_30,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d31_60}), 0) AS d31_60,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d61_90}), 0) AS d61_90,
    COALESCE(sum(${open}) FILTER (WHERE ${b.d90_plus}), 0) AS d90_plus,
    ${today}::date - min(i.due_date) AS oldest`;
}
