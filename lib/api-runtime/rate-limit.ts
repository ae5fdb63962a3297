import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** Requests a token may make per minute; API_RATE_LIMIT_PER_MINUTE changes it for the whole installation. */
export function rateLimitPerMinute(): number {
  const configured = Number(process.env.API_RATE_LIMIT_PER_MINUTE);
  // 6,000 a minute (100 a second on average) lets a sync of thousands of invoices run at full speed.
  return Number.isInteger(configured) && configured > 0 ? configured : 6000;
}

/**
 * Counts the request in the token's current minute, in PostgreSQL so every app
 * server shares the count (a counter in memory would give each server its own
 * limit). One upsert per request; windows older than an hour are dropped when a
 * new window opens. Over the limit: 429 with the seconds until the next window.
 */
export async function countRequest(tx: DbOrTx, tokenId: string, limit = rateLimitPerMinute()): Promise<void> {
  const [row] = await tx.$queryRaw<{ count: number; retry_after: number }[]>`
    INSERT INTO api_rate_windows (token_id, window_start, count)
    VALUES (${tokenId}::uuid, date_trunc('minute', now()), 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_rate_windows.count + 1
    RETURNING count, ceil(extract(epoch FROM date_trunc('minute', now()) + interval '1 minute' - now()))::int AS retry_after`;
  if (row.count === 1)
    await tx.$executeRaw`DELETE FROM api_rate_windows WHERE token_id = ${tokenId}::uuid AND window_start < now() - interval '1 hour'`;
  if (row.count > limit) {
    const error = new AppError(
      "RATE_LIMITED",
      `This token made more than ${limit} requests this minute; wait ${row.retry_after} s (Retry-After) and continue.`,
    );
    throw Object.assign(error, { retryAfter: Math.max(1, row.retry_after) });
  }
}
