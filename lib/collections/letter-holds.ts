import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyFromDb, todayIn } from "@/lib/time/dates";

// What holds an account's next automatic letter, beside a collector's pause, promises and
// disputes: one list, read by the worklist, the bulk plan and the send check alike.
// - "paid_claim": the customer says it paid (the portal, a logged reply, a promise marked
//   paid, the API: all in paid_claims) and no payment of the account dated from the day
//   before has come since, and no collector has settled the claim.
// - "unread_reply": the customer answered by email (lib/inbound) and no collector has read
//   it yet. An automatic answer (out of office) never holds.

export type LetterHold = { kind: "paid_claim"; since: DateOnly } | { kind: "unread_reply"; since: DateOnly };

interface HoldRow {
  kind: LetterHold["kind"];
  customer_id: string;
  /** Null: the reply matched the customer but none of its accounts, so it holds all of them. */
  currency: string | null;
  since: Date;
}

/** The holds of some customers' accounts: look one up with holdsOf(customerId, currency). */
export async function loadLetterHolds(
  db: DbOrTx,
  opts: { orgId: string; customerIds: string[]; timeZone: string },
): Promise<(customerId: string, currency: string) => LetterHold[]> {
  const rows = opts.customerIds.length
    ? await db.$queryRaw<HoldRow[]>`
        SELECT 'paid_claim' AS kind, c.customer_id, c.currency, max(c.paid_on)::timestamptz AS since FROM paid_claims c
        WHERE c.org_id = ${opts.orgId}::uuid AND c.customer_id = ANY(${opts.customerIds}::uuid[]) AND c.settled_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = c.customer_id AND p.currency = c.currency
            AND p.amount_minor > 0 AND p.received_on >= c.paid_on - 1)
        GROUP BY c.customer_id, c.currency
        UNION ALL
        SELECT 'unread_reply', m.customer_id, m.currency, min(m.received_at) FROM inbound_messages m
        WHERE m.org_id = ${opts.orgId}::uuid AND m.customer_id = ANY(${opts.customerIds}::uuid[])
          AND m.read_at IS NULL AND NOT m.auto_reply
        GROUP BY m.customer_id, m.currency`
    : [];
  const holds = rows.map((r) => ({
    customerId: r.customer_id,
    currency: r.currency?.trim() ?? null,
    hold: {
      kind: r.kind,
      // A paid-on day is a date (midnight UTC); a reply's instant is read as its day in the organization's zone.
      since: r.kind === "paid_claim" ? dateOnlyFromDb(r.since) : todayIn(opts.timeZone, r.since),
    } as LetterHold,
  }));
  return (customerId, currency) =>
    holds
      .filter((h) => h.customerId === customerId && (h.currency === null || h.currency === currency))
      .map((h) => h.hold);
}
