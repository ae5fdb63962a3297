import type { DbOrTx } from "@/lib/db/client";
import { dateOnlyFromDb } from "@/lib/time/dates";
import type { RateSeriesId } from "./profile-types";
import { checkRateRows, type RateRow, REPO_RATES } from "./rate-table";

const SERIES: RateSeriesId[] = ["NO_POLICY", "ECB_MRO", "BOE_BANK"];

/** The repository's dated rows plus the organization's added ones, per series, checked for gaps and overlaps. */
export async function loadRates(tx: DbOrTx, opts: { orgId: string; series?: RateSeriesId }) {
  const rows = await tx.referenceRate.findMany({
    where: { orgId: opts.orgId, ...(opts.series ? { series: opts.series } : {}) },
    orderBy: { validFrom: "asc" },
  });
  const out = {} as Record<RateSeriesId, RateRow[]>;
  for (const series of SERIES) {
    const added: RateRow[] = rows
      .filter((r) => r.series === series)
      .map((r) => ({
        series,
        from: dateOnlyFromDb(r.validFrom),
        to: dateOnlyFromDb(r.validTo),
        referencePercent: r.referencePercent,
        source: `${r.source} (added on the settings page)`,
        needsCheck: false,
      }));
    out[series] = checkRateRows(series, [...REPO_RATES[series], ...added]);
  }
  return out;
}
