import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface PausedAccount {
  customerId: string;
  name: string;
  reason: string;
  until: DateOnly | null;
}

/**
 * Customers with something overdue whose dunning is paused today: the worklist
 * and "send all due letters" skip them, and the worklist says so with the reason.
 */
export async function listPausedAccounts(
  tx: DbOrTx,
  opts: { orgId: string; today: DateOnly; limit?: number },
): Promise<PausedAccount[]> {
  const rows = await tx.$queryRaw<{ id: string; name: string; reason: string; until: Date | null }[]>`
    SELECT c.id, c.name, c.dunning_paused_reason AS reason, c.dunning_paused_until AS until
    FROM customers c
    WHERE c.org_id = ${opts.orgId}::uuid AND c.dunning_paused_reason IS NOT NULL
      AND (c.dunning_paused_until IS NULL OR c.dunning_paused_until >= ${opts.today}::date)
      AND EXISTS (SELECT 1 FROM accounts a WHERE a.customer_id = c.id AND a.oldest_open_due < ${opts.today}::date)
    ORDER BY c.name LIMIT ${opts.limit ?? 100}`;
  return rows.map((r) => ({
    customerId: r.id,
    name: r.name,
    reason: r.reason,
    until: r.until ? dateOnlyFromDb(r.until) : null,
  }));
}
