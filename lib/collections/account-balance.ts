import type { DbOrTx } from "@/lib/db/client";
import { toMinor } from "@/lib/money/money";

/** The open balance of an account (customer + currency), read inside the caller's transaction. */
export async function accountOpenMinor(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string },
): Promise<number> {
  const [row] = await tx.$queryRaw<{ open: bigint | null }[]>`
    SELECT sum(amount_minor - paid_minor) AS open FROM invoices
    WHERE org_id = ${opts.orgId}::uuid AND customer_id = ${opts.customerId}::uuid AND currency = ${opts.currency} AND paid_minor < amount_minor`;
  return toMinor(row?.open ?? 0n);
}
