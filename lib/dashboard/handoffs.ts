import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";
import type { DateOnly } from "@/lib/time/dates";

export interface HandoffTotals {
  currency: string;
  /** Hand-offs (one per collection case, i.e. an account's overdue balance) since `from`. */
  inPeriod: number;
  inPeriodMinor: number;
  total: number;
  totalMinor: number;
}

/** Accounts handed to collection agencies per currency: since `from`, and ever (agency_handoffs_by_org_day). */
export async function getHandoffTotals(
  tx: DbOrTx,
  opts: { orgId: string; from: DateOnly; today: DateOnly },
): Promise<HandoffTotals[]> {
  const rows = await tx.$queryRaw<
    { currency: string; in_period: bigint; in_period_minor: bigint; total: bigint; total_minor: bigint }[]
  >`
    SELECT currency,
      count(*) FILTER (WHERE handed_over_on >= ${opts.from}::date) AS in_period,
      COALESCE(sum(amount_minor) FILTER (WHERE handed_over_on >= ${opts.from}::date), 0) AS in_period_minor,
      count(*) AS total, sum(amount_minor) AS total_minor
    FROM agency_handoffs
    WHERE org_id = ${opts.orgId}::uuid AND handed_over_on <= ${opts.today}::date
    GROUP BY currency ORDER BY currency`;
  return rows.map((r) => ({
    currency: r.currency,
    inPeriod: toMinor(r.in_period),
    inPeriodMinor: toMinor(r.in_period_minor),
    total: toMinor(r.total),
    totalMinor: toMinor(r.total_minor),
  }));
}
