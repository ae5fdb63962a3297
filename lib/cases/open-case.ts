import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import type { DbOrTx } from "@/lib/db/client";
import { type DateOnly, dateOnlyToDb } from "@/lib/time/dates";

/**
 * The open collection case of an account, created if there is none, and
 * locked (FOR UPDATE) until the transaction ends: every verb that changes a
 * case goes through here first, so two collectors acting on one account queue
 * up instead of racing. Creation is idempotent by the partial unique index
 * collection_cases_one_open_per_account.
 */
export async function lockOpenCase(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; userId: string | null; now: Date },
): Promise<{ id: string; openedAt: Date }> {
  const id = randomUUID();
  const inserted = await tx.$executeRaw`
    INSERT INTO collection_cases (id, org_id, customer_id, currency, opened_at)
    VALUES (${id}::uuid, ${opts.orgId}::uuid, ${opts.customerId}::uuid, ${opts.currency}, ${opts.now})
    ON CONFLICT (customer_id, currency) WHERE closed_at IS NULL DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string; opened_at: Date }[]>`
    SELECT id, opened_at FROM collection_cases
    WHERE org_id = ${opts.orgId}::uuid AND customer_id = ${opts.customerId}::uuid AND currency = ${opts.currency} AND closed_at IS NULL
    FOR UPDATE`;
  if (inserted) {
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.userId },
      { kind: "case.opened", payload: { caseId: row.id, customerId: opts.customerId, currency: opts.currency } },
    );
  }
  return { id: row.id, openedAt: row.opened_at };
}

/**
 * Closes the account's open case once nothing is overdue any more (disputed
 * invoices included): the case stays as history and a later overdue invoice
 * opens a new one at letter 1.
 */
export async function closeCaseIfSettled(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string; today: DateOnly; userId: string | null; now: Date },
): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ id: string; overdue: bigint }[]>`
    SELECT cc.id, COALESCE((
      SELECT sum(i.amount_minor - i.paid_minor) FROM invoices i
      WHERE i.org_id = cc.org_id AND i.customer_id = cc.customer_id AND i.currency = cc.currency
        AND i.paid_minor < i.amount_minor AND i.due_date < ${opts.today}::date), 0) AS overdue
    FROM collection_cases cc
    WHERE cc.org_id = ${opts.orgId}::uuid AND cc.customer_id = ${opts.customerId}::uuid AND cc.currency = ${opts.currency} AND cc.closed_at IS NULL
    FOR UPDATE OF cc`;
  if (!row || row.overdue > 0n) return false;
  await tx.collectionCase.update({ where: { id: row.id }, data: { closedAt: opts.now } });
  await tx.accountEvent.create({
    data: {
      orgId: opts.orgId,
      customerId: opts.customerId,
      caseId: row.id,
      kind: "CASE_CLOSED",
      occurredOn: dateOnlyToDb(opts.today),
      userId: opts.userId,
      note: "Overdue balance paid; case closed.",
    },
  });
  await recordAudit(
    tx,
    { orgId: opts.orgId, userId: opts.userId },
    { kind: "case.closed", payload: { caseId: row.id, customerId: opts.customerId, currency: opts.currency } },
  );
  return true;
}
