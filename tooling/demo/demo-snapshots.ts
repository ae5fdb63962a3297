import { getAgingTotals } from "@/lib/aging/aging-totals";
import { addMonths, monthEnd } from "@/lib/dashboard/months";
import { insertSnapshotRows, type SnapshotRow } from "@/lib/dashboard/take-aging-snapshot";
import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { createRandom } from "./random";

// A fresh demo has no history: its invoices are made today, and the worker
// only ever records the day that just ended. So that the dashboard's 12-month
// chart is not empty, the demo writes month-end snapshots for the 11 months
// before this one, made up from today's totals (receivables a little higher
// and older in the past, with noise), and marks every row source = 'demo'; the
// dashboard labels them so. Production never gets these: only the demo seed
// calls this, and the worker records nothing but the day that just ended.

const MONTHS_BACK = 11;

export async function writeDemoSnapshots(tx: DbOrTx, opts: { orgId: string; today: DateOnly }): Promise<number> {
  const totals = await getAgingTotals(tx, { orgId: opts.orgId, today: opts.today });
  const rnd = createRandom(20261201);
  let written = 0;
  for (let back = MONTHS_BACK; back >= 1; back--) {
    const day = monthEnd(addMonths(opts.today, -back));
    const rows: SnapshotRow[] = totals.map((t) => {
      const level = 1 + 0.03 * back + (rnd.next() - 0.5) * 0.12;
      const older = 1 + 0.06 * back;
      const scaled = (minor: number, f: number) => Math.max(0, Math.round(minor * level * f));
      const buckets = {
        current: scaled(t.current, 1),
        d1_30: scaled(t.d1_30, 1 + (rnd.next() - 0.5) * 0.3),
        d31_60: scaled(t.d31_60, 1 + (rnd.next() - 0.5) * 0.3),
        d61_90: scaled(t.d61_90, older),
        d90_plus: scaled(t.d90_plus, older),
      };
      const overdue = buckets.d1_30 + buckets.d31_60 + buckets.d61_90 + buckets.d90_plus;
      return {
        currency: t.currency,
        ...buckets,
        open: buckets.current + overdue,
        overdue,
        accounts: Math.round(t.accounts * level),
        overdueAccounts: Math.min(Math.round(t.accounts * level), Math.round(t.overdueAccounts * level * older)),
      };
    });
    written += await insertSnapshotRows(tx, { orgId: opts.orgId, day, source: "demo", rows });
  }
  return written;
}
