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
  // One plain query: this runs on every request, and the ORM's query planning
  // cost more than the query itself (measured under the load test).
  const [user] = await tx.$queryRaw<
    {
      id: string;
      orgId: string;
      role: Role;
      name: string;
      email: string;
      active: boolean;
      sessionsValidFrom: Date | null;
      orgName: string;
      timeZone: string;
      locale: string;
    }[]
  >`
    SELECT u.id, u.org_id AS "orgId", u.role::text AS role, u.name, u.email, u.active,
      u.sessions_valid_from AS "sessionsValidFrom", o.name AS "orgName", o.time_zone AS "timeZone", o.locale
    FROM users u JOIN organizations o ON o.id = u.org_id
    WHERE u.id = ${userId}::uuid AND u.kind = 'PERSON'`;
  if (!user?.active) return null;
  if (user.sessionsValidFrom && (session.signedInAt ?? 0) < user.sessionsValidFrom.getTime()) return null;
  return {
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    name: user.name,
    email: user.email,
    orgName: user.orgName,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}
