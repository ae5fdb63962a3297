import type { Db, DbOrTx } from "@/lib/db/client";

// A double submit of a send form (ten parallel clicks stored ten statements and queued
// twelve emails, issue 22) sends once: the form carries a key, the delivery row stores it
// under a unique index (letter_deliveries_idempotency), and the second request finds the
// first delivery instead of making its own. Idempotency by constraint: two requests racing
// both try, one commits, the other's unique violation rolls its whole transaction back.

export interface KeyedDelivery {
  id: string;
  recipient: string;
  letterId: string | null;
  statementId: string | null;
}

function findKeyed(db: DbOrTx, orgId: string, key: string): Promise<KeyedDelivery | null> {
  return db.letterDelivery.findFirst({
    where: { orgId, idempotencyKey: key },
    select: { id: true, recipient: true, letterId: true, statementId: true },
  });
}

/** Runs `send` once per key: a key already used (or winning a race) gives `replay` of its delivery. */
export async function sendOnce<T>(
  db: Db,
  opts: { orgId: string; key?: string | null },
  send: () => Promise<T>,
  replay: (delivery: KeyedDelivery) => T,
): Promise<T> {
  const { key } = opts;
  if (!key) return send();
  const earlier = await findKeyed(db, opts.orgId, key);
  if (earlier) return replay(earlier);
  try {
    return await send();
  } catch (error) {
    if ((error as { code?: string })?.code !== "P2002") throw error;
    const winner = await findKeyed(db, opts.orgId, key);
    if (!winner) throw error;
    return replay(winner);
  }
}
