import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMinor } from "@/lib/money/money";
import { type Comparison, comparisonFor } from "@/lib/rates/comparison";
import type { RateTable } from "@/lib/rates/convert";
import { ratesValuesSql } from "@/lib/rates/rates-sql";
import type { DateOnly } from "@/lib/time/dates";
import { asOfArgs, asOfNeeded } from "./aging-as-of";
import { agingSums, type BucketAmounts } from "./aging-totals";

/** All currencies' open receivables as one figure in the base currency, and what it rests on. */
export interface BaseCurrencyTotals extends BucketAmounts {
  base: string;
  open: number;
  overdue: number;
  /** The rate days used (per currency) and the currencies left out for want of a rate. */
  comparison: Comparison;
}

const FIGURES = ["open", "overdue", "current", "d1_30", "d31_60", "d61_90", "d90_plus"] as const;

/**
 * The aging figures in the base currency, in one query: each currency's total
 * of a figure (the same sums as getAgingTotals) is converted with
 * dd_convert_minor at the rate of `rates` (rounded half to even, once per
 * currency and figure), then the converted totals are added up. A currency
 * without a rate adds nothing and is named in `comparison.missing`, never
 * dropped silently. Each figure is converted on its own, so the buckets may
 * differ from the open total by a minor unit per currency.
 */
export async function getBaseCurrencyTotals(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; rates: RateTable; invoices?: Prisma.Sql },
): Promise<BaseCurrencyTotals> {
  const source = opts.invoices
    ? Prisma.sql`SELECT currency, due_date, amount_minor - paid_minor AS open_minor FROM ${opts.invoices} i
        WHERE org_id = ${opts.orgId}::uuid AND paid_minor < amount_minor`
    : Prisma.sql`SELECT currency, due_date, open_minor FROM open_balances_by_due_date
        WHERE org_id = ${opts.orgId}::uuid AND open_invoices > 0`;
  const converted = Prisma.join(
    FIGURES.map((f) => Prisma.raw(`dd_convert_minor(p.${f}::bigint, r.num, r.den) AS ${f}`)),
    ", ",
  );
  const added = Prisma.join(
    FIGURES.map((f) => Prisma.raw(`COALESCE(sum(${f}), 0) AS ${f}`)),
    ", ",
  );
  const [row] = await tx.$queryRaw<(Record<string, bigint> & { currencies: string[] | null })[]>(Prisma.sql`
    WITH rates AS (${ratesValuesSql(opts.rates)}),
    per AS (SELECT currency, ${agingSums(opts.today, Prisma.sql`open_minor`)} FROM (${source}) s GROUP BY currency),
    conv AS (SELECT p.currency, ${converted} FROM per p LEFT JOIN rates r ON r.currency = p.currency)
    SELECT ${added}, array_agg(trim(currency) ORDER BY currency) AS currencies FROM conv`);
  const figures = Object.fromEntries(FIGURES.map((f) => [f, toMinor(row[f])])) as Record<
    (typeof FIGURES)[number],
    number
  >;
  return { base: opts.rates.base, ...figures, comparison: comparisonFor(opts.rates, row.currencies ?? []) };
}

/** The base-currency totals at the close of `day`, decided the way getAgingTotalsOn decides. */
export async function getBaseCurrencyTotalsOn(
  tx: DbOrTx,
  opts: { orgId: string; day: DateOnly; timeZone: string; rates: RateTable },
): Promise<BaseCurrencyTotals> {
  const asOf = await asOfNeeded(tx, { orgId: opts.orgId, today: opts.day });
  const past = asOf ? asOfArgs({ orgId: opts.orgId, asOf, timeZone: opts.timeZone }) : null;
  return getBaseCurrencyTotals(tx, { orgId: opts.orgId, today: opts.day, rates: opts.rates, ...past });
}
