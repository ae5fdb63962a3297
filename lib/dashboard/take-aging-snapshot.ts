import { getAgingTotalsOn } from "@/lib/aging/aging-totals-on";
import type { DbOrTx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DateOnly } from "@/lib/time/dates";

export type SnapshotSource = "worker" | "demo";

/** One snapshot row as written (amounts in minor units of `currency`). */
export interface SnapshotRow {
  currency: string;
  current: number;
  d1_30: number;
  d31_60: number;
  d61_90: number;
  d90_plus: number;
  open: number;
  overdue: number;
  accounts: number;
  overdueAccounts: number;
}

/**
 * Records the organization's aging totals at the close of `day`, one row per
 * currency (the organization's own currency with zeros when nothing is open, so
 * the day is on record). The totals are aggregated in SQL by lib/aging; the
 * write is idempotent by the primary key (org, day, currency): a second worker,
 * or the same job retried, inserts nothing and changes nothing. Returns the rows
 * this call inserted.
 */
export async function takeAgingSnapshot(
  tx: DbOrTx,
  opts: { orgId: string; day: DateOnly; defaultCurrency: string },
): Promise<number> {
  const totals = await getAgingTotalsOn(tx, { orgId: opts.orgId, day: opts.day });
  const rows: SnapshotRow[] = totals.length ? totals : [emptyRow(opts.defaultCurrency)];
  return insertSnapshotRows(tx, { orgId: opts.orgId, day: opts.day, source: "worker", rows });
}

export function emptyRow(currency: string): SnapshotRow {
  return {
    currency,
    current: 0,
    d1_30: 0,
    d31_60: 0,
    d61_90: 0,
    d90_plus: 0,
    open: 0,
    overdue: 0,
    accounts: 0,
    overdueAccounts: 0,
  };
}

/** The one INSERT into aging_snapshots (the worker's and the demo seed's). */
export async function insertSnapshotRows(
  tx: DbOrTx,
  opts: { orgId: string; day: DateOnly; source: SnapshotSource; rows: SnapshotRow[] },
): Promise<number> {
  if (!opts.rows.length) return 0;
  const values = opts.rows.map(
    (r) => Prisma.sql`(${opts.orgId}::uuid, ${opts.day}::date, ${r.currency}, ${r.current}, ${r.d1_30}, ${r.d31_60},
      ${r.d61_90}, ${r.d90_plus}, ${r.open}, ${r.overdue}, ${r.accounts}, ${r.overdueAccounts}, ${opts.source})`,
  );
  return tx.$executeRaw`
    INSERT INTO aging_snapshots (org_id, day, currency, current_minor, d1_30_minor, d31_60_minor, d61_90_minor,
      d90_plus_minor, open_minor, overdue_minor, accounts, overdue_accounts, source)
    VALUES ${Prisma.join(values)}
    ON CONFLICT (org_id, day, currency) DO NOTHING`;
}
