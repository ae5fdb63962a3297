import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
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
 * The signed-in user, re-read from the database on every request so that a
 * deactivated user or a changed role takes effect at once, not at token expiry.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId }, include: { org: true } });
  if (!user || !user.active) return null;
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
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}
