import { recordAudit } from "@/lib/audit/events";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { getUserOrThrow } from "./get-user-or-throw";
import { type Actor, auditContext } from "./user-fields";

/** Sets a new password chosen by an admin, lifts any sign-in lock and ends the user's existing sessions. */
export async function resetUserPassword(database: Db, opts: Actor & { userId: string; password: string }) {
  await getUserOrThrow(database, opts); // fail fast, before the slow hash
  const passwordHash = await hashPassword(opts.password);
  await database.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, opts);
    // Real time, like the session's signedInAt (not the business clock, which demos freeze).
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, failedSignIns: 0, lockedUntil: null, sessionsValidFrom: new Date() },
    });
    await recordAudit(tx, auditContext(opts), {
      kind: "user.password_reset",
      payload: { targetUserId: user.id, email: user.email },
    });
  });
}
