import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyFromDb, dateOnlyToDb } from "@/lib/time/dates";
import { trimNumeric } from "./decimal";
import type { Rate, RateTable } from "./rate-types";

interface RateRow {
  base: string;
  currency: string | null;
  rate: string | null;
  valid_on: Date | null;
  source: string | null;
}

/**
 * The organization's base currency and, per currency, the newest rate valid on
 * or before `on`: the latest day, and on that day the latest entry (a
 * correction is a newer row). Rates entered against another base (before the
 * base currency changed) are history, not used. One index range per currency
 * (exchange_rates_latest).
 */
export async function loadRateTable(db: DbOrTx, opts: { orgId: string; on: DateOnly }): Promise<RateTable> {
  const rows = await db.$queryRaw<RateRow[]>`
    SELECT o.base_currency AS base, r.currency, r.rate::text AS rate, r.valid_on, r.source
    FROM organizations o
    LEFT JOIN LATERAL (
      SELECT DISTINCT ON (x.currency) x.currency, x.rate, x.valid_on, x.source FROM exchange_rates x
      WHERE x.org_id = o.id AND x.base_currency = o.base_currency AND x.valid_on <= ${dateOnlyToDb(opts.on)}::date
      ORDER BY x.currency, x.valid_on DESC, x.created_at DESC, x.id DESC
    ) r ON true
    WHERE o.id = ${opts.orgId}::uuid`;
  if (!rows.length) throw new Error(`Organization ${opts.orgId} not found`);
  const rates = new Map<string, Rate>();
  for (const r of rows) {
    if (!r.currency || !r.rate || !r.valid_on) continue;
    const currency = r.currency.trim();
    rates.set(currency, {
      currency,
      rate: trimNumeric(r.rate),
      validOn: dateOnlyFromDb(r.valid_on),
      source: r.source ?? "",
    });
  }
  return { base: rows[0].base.trim(), on: opts.on, rates };
}
