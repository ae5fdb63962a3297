import type { DbOrTx } from "@/lib/db/client";
import type { DateOnly } from "@/lib/time/dates";
import { getLawSettings } from "./law-settings";
import { FEE_AMOUNT_KINDS, loadFeeAmounts } from "./load-fee-amounts";
import { loadRates } from "./load-rates";
import { ALL_PROFILES } from "./profile";
import type { RateSeriesId } from "./profile-types";
import { SERIES_NAMES } from "./rate-table";
import { rateWarnings } from "./rate-warnings";
import { FEE_AMOUNT_NAMES } from "./rates/no-fee-amounts";

/** The settings page: the charge switches, every rate series and fee amount with its sources, what is missing, the last fetches. */
export async function getLawPage(tx: DbOrTx, opts: { orgId: string; today: DateOnly }) {
  const [settings, rates, amounts, fetches] = await Promise.all([
    getLawSettings(tx, opts),
    loadRates(tx, opts),
    loadFeeAmounts(tx, opts),
    lastFetches(tx),
  ]);
  const series = (Object.keys(SERIES_NAMES) as RateSeriesId[]).map((id) => ({
    id,
    name: SERIES_NAMES[id],
    rows: rates[id],
    nextFrom: nextHalfYear(rates[id].at(-1)?.to),
    lastFetch: fetches.find((f) => f.series === id) ?? null,
  }));
  const feeAmounts = FEE_AMOUNT_KINDS.map((kind) => ({ kind, name: FEE_AMOUNT_NAMES[kind], rows: amounts[kind] }));
  const warnings = rateWarnings({ rates, amounts, settings, today: opts.today });
  return { settings, series, feeAmounts, warnings, profiles: ALL_PROFILES };
}

/** What the dashboard and Today show administrators: the warnings that block a charge the organization claims. */
export async function getBlockingRateWarnings(tx: DbOrTx, opts: { orgId: string; today: DateOnly }) {
  const settings = await getLawSettings(tx, opts);
  if (!settings.statutoryInterest && !settings.statutoryCompensation && !settings.reminderFee) return [];
  const [rates, amounts] = await Promise.all([loadRates(tx, opts), loadFeeAmounts(tx, opts)]);
  return rateWarnings({ rates, amounts, settings, today: opts.today }).filter((w) => w.blocking);
}

async function lastFetches(tx: DbOrTx) {
  const rows = await tx.rateFetch.findMany({
    where: { series: { in: Object.keys(SERIES_NAMES) } },
    orderBy: { attemptedAt: "desc" },
    take: 30,
  });
  return (Object.keys(SERIES_NAMES) as RateSeriesId[]).flatMap((series) => {
    const latest = rows.find((r) => r.series === series);
    return latest ? [{ series, attemptedAt: latest.attemptedAt, ok: latest.ok, message: latest.message }] : [];
  });
}

function nextHalfYear(lastTo: string | undefined): string | null {
  if (!lastTo) return null;
  const year = Number(lastTo.slice(0, 4));
  return lastTo.endsWith("06-30") ? `${year}-07-01` : `${year + 1}-01-01`;
}
