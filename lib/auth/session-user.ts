import type { DbOrTx } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface SessionUser {
  userId: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  orgName: string;
  timeZone: string;
  locale: string;
}

/**
 * The user a session token names, as the database has them now: null when the
 * user is gone or deactivated, so deactivation ends their session at once, and
 * null when the session began (signedInAt, ms) before an admin reset the
 * password. Only non-secret fields leave here (never the password hash).
 */
export async function loadSessionUser(
  tx: DbOrTx,
  userId: string,
  session: { signedInAt?: number } = {},
): Promise<SessionUser | null> {
  const user = await tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      orgId: true,
      role: true,
      name: true,
      email: true,
      active: true,
      sessionsValidFrom: true,
      org: { select: { name: true, timeZone: true, locale: true } },
    },
  });
  if (!user?.active) return null;
  if (user.sessionsValidFrom && (session.signedInAt ?? 0) < user.sessionsValidFrom.getTime()) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    name: user.name,
    email: user.email,
    orgName: user.org.name,
    timeZone: user.org.timeZone,
    locale: user.org.locale,
  };
}
