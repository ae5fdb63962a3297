import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { getUserOrThrow } from "./get-user-or-throw";
import { assertAnotherActiveAdmin } from "./keep-an-admin";
import { type Actor, auditContext, publicUserSelect } from "./user-fields";

/**
 * Deactivates or reactivates a user. A deactivated user's session stops
 * working on their next request (loadSessionUser returns null), stays ended
 * after a reactivation, and they cannot sign in. Users are never deleted: the history points at them.
 */
export async function setUserActive(database: Db, opts: Actor & { userId: string; active: boolean }) {
  return database.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, opts);
    if (user.active === opts.active) return user;
    if (!opts.active && user.role === "ADMIN") await assertAnotherActiveAdmin(tx, opts);
    const updated = await tx.user.update({
      where: { id: user.id },
      // Reactivation starts from a clean slate of failed sign-ins; deactivation ends
      // every session for good, so reactivating does not revive an old cookie.
      data: opts.active
        ? { active: true, failedSignIns: 0, lockedUntil: null }
        : { active: false, sessionsValidFrom: new Date() },
      select: publicUserSelect,
    });
    await recordAudit(tx, auditContext(opts), {
      kind: opts.active ? "user.reactivated" : "user.deactivated",
      payload: { targetUserId: user.id, email: user.email },
    });
    return updated;
  });
}
