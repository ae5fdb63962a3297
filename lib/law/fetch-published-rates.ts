import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { clockNow, todayIn } from "@/lib/time/dates";
import { recordRateFile } from "./import-rate-file";
import type { RateSeriesId } from "./profile-types";
import { BOE_BANK_RATE_URL } from "./rate-sources/boe-bank-rate";
import { ECB_MRO_URL } from "./rate-sources/ecb-mro";
import { NORGES_BANK_POLICY_URL } from "./rate-sources/norges-bank-policy";
import { RATE_FILE_PARSERS } from "./rate-sources/parse-rate-file";
import { SERIES_NAMES } from "./rate-table";

// Once a day the worker asks each central bank for its series and records any
// half-year it establishes, for every organization. Where the owner cannot be
// reached (these machines have no internet) each attempt is recorded as failed
// with the reason, the law page shows it, and an admin uploads the same file.

export const RATE_FETCH_TASK = "fetch_published_rates";
export const RATE_FETCH_JOB = jobType(RATE_FETCH_TASK, z.object({}));
/** Daily at 06:23 UTC: after the ECB's and Norges Bank's overnight publication. */
export const RATE_FETCH_CRONTAB = `23 6 * * * ${RATE_FETCH_TASK}`;

export const RATE_SOURCE_URLS: Record<RateSeriesId, string> = {
  ECB_MRO: ECB_MRO_URL,
  NO_POLICY: NORGES_BANK_POLICY_URL,
  BOE_BANK: BOE_BANK_RATE_URL,
};

const FETCH_TIMEOUT_MS = 20_000;

export type FetchText = (url: string) => Promise<string>;

async function fetchText(url: string): Promise<string> {
  // The Bank of England answers 500 to requests without a User-Agent.
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { "User-Agent": "DunningDesk rate fetch", Accept: "text/csv, application/json" },
  });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  return response.text();
}

const reason = (error: unknown) => {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code ?? e.cause?.message].filter(Boolean).join(": ") || String(error);
};

/** Fetches every series and records what it establishes; each attempt (and its failure) is kept in rate_fetches. */
export async function fetchPublishedRates(
  db: Db,
  opts: { now: Date; fetch?: FetchText; orgId?: string },
): Promise<{ series: RateSeriesId; ok: boolean; message: string }[]> {
  const get = opts.fetch ?? fetchText;
  const orgs = await db.organization.findMany({
    where: opts.orgId ? { id: opts.orgId } : {},
    select: { id: true, timeZone: true },
  });
  const out: { series: RateSeriesId; ok: boolean; message: string }[] = [];
  for (const series of Object.keys(RATE_SOURCE_URLS) as RateSeriesId[]) {
    const url = RATE_SOURCE_URLS[series];
    let ok = true;
    let message: string;
    try {
      const file = RATE_FILE_PARSERS[series](await get(url));
      let recorded = 0;
      for (const org of orgs) {
        const today = todayIn(org.timeZone, opts.now);
        const result = await db.$transaction((tx) =>
          recordRateFile(tx, { orgId: org.id, userId: null, file, today, origin: `fetched from ${url} on ${today}` }),
        );
        recorded += result.added.length;
      }
      message = `${SERIES_NAMES[series]}: read ${file.observations.length} values; ${recorded} half-year rows recorded across ${orgs.length} organizations.`;
    } catch (error) {
      ok = false;
      message = `${SERIES_NAMES[series]} could not be fetched from ${new URL(url).host} (${reason(error)}). An administrator uploads the file under Settings - Law and rates.`;
    }
    await db.rateFetch.create({ data: { series, ok, message, attemptedAt: opts.now } });
    out.push({ series, ok, message });
  }
  return out;
}

export function rateFetchTasks(db: Db) {
  return defineTask({
    ...RATE_FETCH_JOB,
    run: async (_payload, helpers) => {
      for (const r of await fetchPublishedRates(db, { now: clockNow() }))
        (r.ok ? helpers.logger.info : helpers.logger.warn)(r.message);
    },
  });
}
