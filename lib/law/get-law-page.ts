import type { DbOrTx } from "@/lib/db/client";
import { getLawSettings } from "./law-settings";
import { loadRates } from "./load-rates";
import { ALL_PROFILES } from "./profile";
import type { RateSeriesId } from "./profile-types";
import { SERIES_NAMES } from "./rate-table";

/** The settings page: the organization's charge switches, every rate series with its sources, the profiles' rules. */
export async function getLawPage(tx: DbOrTx, opts: { orgId: string }) {
  const [settings, rates] = await Promise.all([getLawSettings(tx, opts), loadRates(tx, opts)]);
  const series = (Object.keys(SERIES_NAMES) as RateSeriesId[]).map((id) => ({
    id,
    name: SERIES_NAMES[id],
    rows: rates[id],
    nextFrom: nextHalfYear(rates[id].at(-1)?.to),
  }));
  return { settings, series, profiles: ALL_PROFILES };
}

function nextHalfYear(lastTo: string | undefined): string | null {
  if (!lastTo) return null;
  const year = Number(lastTo.slice(0, 4));
  return lastTo.endsWith("06-30") ? `${year}-07-01` : `${year + 1}-01-01`;
}
