import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Refuses a change that would leave the organization without an active admin.
 * Locks the active admins' rows first, so two admins demoting each other at the
 * same moment cannot both succeed: the second waits and then counts again.
 */
export async function assertAnotherActiveAdmin(tx: DbOrTx, opts: { orgId: string; userId: string }): Promise<void> {
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM users WHERE org_id = ${opts.orgId}::uuid AND role = 'ADMIN' AND active ORDER BY id FOR UPDATE`;
  if (!admins.some((a) => a.id !== opts.userId)) {
    throw new AppError("CONFLICT", "This is the organization's last active admin. Make someone else an admin first.");
  }
}
