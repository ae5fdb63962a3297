import type { DbOrTx } from "@/lib/db/client";
import { addDaysTo, clockNow, type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";

export interface PaymentsKnownUpTo {
  /** The last day the record of payments covers; null when no statement or payment import ever came in. */
  knownUpTo: DateOnly | null;
  /** Where the date comes from: the newest bank statement's to-date, else the newest payment import or API payment. */
  source: "statement" | "import" | "api" | null;
  /** Bank days (Monday to Friday) from that day to today. */
  bankDaysOld: number | null;
  /** Older than the organization's limit: sending asks for a confirmation naming the date. */
  stale: boolean;
  staleAfterDays: number;
}

/** Monday-to-Friday days after `from` up to and including `to` (public holidays are not known here). */
export function bankDaysBetween(from: DateOnly, to: DateOnly): number {
  let days = 0;
  for (let d = addDaysTo(from, 1); d <= to; d = addDaysTo(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days++;
    if (days > 366) break;
  }
  return days;
}

/**
 * The organization's "payments known up to" date (issue 23 §3): the last day an
 * imported bank statement covers (one with no entries still says nothing came in
 * until then), or, when no statement was ever imported, the day of the newest
 * payment import or API payment. Shown on the worklist, letter preview, bulk plan,
 * Today and the dashboard; stale beyond the organization's limit.
 */
export async function getPaymentsKnownUpTo(
  db: DbOrTx,
  opts: { orgId: string; now?: Date },
): Promise<PaymentsKnownUpTo> {
  const [row] = await db.$queryRaw<
    {
      time_zone: string;
      stale_after: number;
      statement_to: Date | null;
      import_day: Date | null;
      api_day: Date | null;
    }[]
  >`
    SELECT o.time_zone, o.payments_stale_after_days AS stale_after,
      (SELECT max(s.to_date) FROM bank_statements s WHERE s.org_id = o.id AND s.status = 'processed') AS statement_to,
      (SELECT max((i.finished_at AT TIME ZONE o.time_zone)::date) FROM imports i
        WHERE i.org_id = o.id AND i.kind = 'payments' AND i.status = 'COMMITTED') AS import_day,
      -- The newest instant, then its day (the same day: the conversion keeps order), so the partial index answers it.
      (SELECT (max(p.created_at) AT TIME ZONE o.time_zone)::date FROM payments p WHERE p.org_id = o.id AND p.source = 'api') AS api_day
    FROM organizations o WHERE o.id = ${opts.orgId}::uuid`;
  if (!row) return { knownUpTo: null, source: null, bankDaysOld: null, stale: false, staleAfterDays: 3 };
  const today = todayIn(row.time_zone, opts.now ?? clockNow());
  const fallback = [
    row.import_day && { day: dateOnlyFromDb(row.import_day), source: "import" as const },
    row.api_day && { day: dateOnlyFromDb(row.api_day), source: "api" as const },
  ]
    .filter((x) => !!x)
    .sort((a, b) => (a.day < b.day ? 1 : -1))[0];
  const known = row.statement_to
    ? { day: dateOnlyFromDb(row.statement_to), source: "statement" as const }
    : (fallback ?? null);
  if (!known)
    return { knownUpTo: null, source: null, bankDaysOld: null, stale: false, staleAfterDays: row.stale_after };
  const bankDaysOld = known.day >= today ? 0 : bankDaysBetween(known.day, today);
  return {
    knownUpTo: known.day,
    source: known.source,
    bankDaysOld,
    stale: bankDaysOld > row.stale_after,
    staleAfterDays: row.stale_after,
  };
}
