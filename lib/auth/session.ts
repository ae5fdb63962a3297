import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type { SessionUser } from "@/lib/auth/session-user";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in user, re-read from the database on every request so that a
 * deactivated user or a changed role takes effect at once, not at token expiry.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId || !UUID.test(userId)) return null;
  return loadSessionUser(db(), userId, { signedInAt: (session as { signedInAt?: number }).signedInAt });
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages only some roles may see: anyone else gets a 403 page that says so (app/forbidden.tsx). */
export async function requireRole(roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
