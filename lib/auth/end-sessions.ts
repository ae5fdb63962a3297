import type { DbOrTx } from "@/lib/db/client";

/**
 * Ends every session of a user on the server: a session token is stateless
 * (a signed cookie), so a copy of it would outlive a sign-out; loadSessionUser
 * refuses tokens issued before users.sessions_valid_from. The real clock, not
 * the frozen "now": it is compared with the token's real sign-in time.
 */
export async function endSessions(tx: DbOrTx, userId: string): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionsValidFrom: new Date() } });
}
