import type { DbOrTx } from "@/lib/db/client";

// Fixed-window counters in PostgreSQL, so every web process (node:cluster, several
// machines) counts the same requests. One upsert per request: the row of the key's
// current window is locked only for that statement.

export interface RateRule {
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
}

/** The public page's limits: views per address, failed look-ups per address (enumeration), and actions per link. */
export const PORTAL_LIMITS = {
  view: { limit: 60, windowSeconds: 60 },
  badToken: { limit: 10, windowSeconds: 600 },
  action: { limit: 10, windowSeconds: 600 },
} satisfies Record<string, RateRule>;

/** Counts one request under `key`; false when the window's limit is already used up. */
export async function takeRateToken(db: DbOrTx, key: string, rule: RateRule, now: Date): Promise<boolean> {
  const hits = await countRequest(db, key, rule, now, 1);
  return hits <= rule.limit;
}

/** Whether `key` is over its limit now, without counting a request. */
export async function isRateLimited(db: DbOrTx, key: string, rule: RateRule, now: Date): Promise<boolean> {
  return (await countRequest(db, key, rule, now, 0)) >= rule.limit;
}

async function countRequest(db: DbOrTx, key: string, rule: RateRule, now: Date, add: number): Promise<number> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  if (add === 0) {
    const row = await db.portalRateWindow.findUnique({ where: { key_windowStart: { key, windowStart } } });
    return row?.hits ?? 0;
  }
  const [row] = await db.$queryRaw<{ hits: number }[]>`
    INSERT INTO portal_rate_windows (key, window_start, hits) VALUES (${key}, ${windowStart}, ${add})
    ON CONFLICT (key, window_start) DO UPDATE SET hits = portal_rate_windows.hits + ${add}
    RETURNING hits`;
  return row.hits;
}

/** Housekeeping: windows older than a day count for nothing. */
export async function deleteOldRateWindows(db: DbOrTx, now: Date): Promise<number> {
  const { count } = await db.portalRateWindow.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}
