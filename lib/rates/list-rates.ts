import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";
import { trimNumeric } from "./decimal";
import { loadRateTable } from "./load-rate-table";

export const RATES_PAGE_SIZE = 50;

export interface RateEntry {
  id: string;
  currency: string;
  baseCurrency: string;
  rate: string;
  validOn: DateOnly;
  source: string;
  enteredBy: string | null;
  createdAt: Date;
  /** A newer entry for the same currency, base and day replaced this one. */
  superseded: boolean;
}

/**
 * The settings page: the base currency, the rates in force today, and every
 * entry newest first (by day, then by entry), a page at a time, each marked
 * when a later correction for its day supersedes it.
 */
export async function getRatesPage(db: DbOrTx, opts: { orgId: string; today: DateOnly; page: number }) {
  const page = Math.max(1, opts.page);
  const [table, rows, total] = await Promise.all([
    loadRateTable(db, { orgId: opts.orgId, on: opts.today }),
    db.$queryRaw<
      {
        id: string;
        currency: string;
        base_currency: string;
        rate: string;
        valid_on: Date;
        source: string;
        entered_by: string | null;
        created_at: Date;
        superseded: boolean;
      }[]
    >`
      SELECT r.id, r.currency, r.base_currency, r.rate::text AS rate, r.valid_on, r.source, u.name AS entered_by, r.created_at,
        EXISTS (SELECT 1 FROM exchange_rates n WHERE n.org_id = r.org_id AND n.currency = r.currency AND n.base_currency = r.base_currency
          AND n.valid_on = r.valid_on AND (n.created_at, n.id) > (r.created_at, r.id)) AS superseded
      FROM exchange_rates r LEFT JOIN users u ON u.id = r.entered_by_id
      WHERE r.org_id = ${opts.orgId}::uuid
      ORDER BY r.valid_on DESC, r.created_at DESC, r.currency, r.id DESC
      OFFSET ${(page - 1) * RATES_PAGE_SIZE} LIMIT ${RATES_PAGE_SIZE}`,
    db.exchangeRate.count({ where: { orgId: opts.orgId } }),
  ]);
  return {
    base: table.base,
    today: opts.today,
    inForce: [...table.rates.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    entries: rows.map(
      (r): RateEntry => ({
        id: r.id,
        currency: r.currency.trim(),
        baseCurrency: r.base_currency.trim(),
        rate: trimNumeric(r.rate),
        validOn: dateOnlyFromDb(r.valid_on),
        source: r.source,
        enteredBy: r.entered_by,
        createdAt: r.created_at,
        superseded: r.superseded,
      }),
    ),
    total,
    page,
    pageSize: RATES_PAGE_SIZE,
  };
}
