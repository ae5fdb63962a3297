import { Prisma } from "@/lib/generated/prisma/client";
import { type ConversionFactor, factorFor, type RateTable } from "./convert";

/**
 * The rate table as a few rows of SQL, `(currency, num, den)`, for a CTE:
 * `dd_convert_minor(amount, r.num, r.den)` is convertToBase in SQL. The base
 * currency is a row of its own (1/1); a currency without a rate has no row.
 */
export function ratesValuesSql(table: RateTable): Prisma.Sql {
  const rows: [string, ConversionFactor][] = [[table.base, { num: 1n, den: 1n }]];
  for (const currency of table.rates.keys()) rows.push([currency, factorFor(currency, table)!]);
  return Prisma.sql`SELECT * FROM unnest(
    ${rows.map(([c]) => c)}::text[]::char(3)[],
    ${rows.map(([, f]) => f.num.toString())}::text[]::numeric[],
    ${rows.map(([, f]) => f.den.toString())}::text[]::numeric[]
  ) AS r(currency, num, den)`;
}
