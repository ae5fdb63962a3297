import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { cache } from "react";
import { sessionCookie } from "@/lib/auth/cookies";
import { loadSessionUser, type SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export type { SessionUser } from "@/lib/auth/session-user";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SESSION_COOKIE = sessionCookie().name;

/**
 * The session token's claims, decrypted and checked (signature, expiry) with
 * the same secret and salt next-auth uses (lib/auth/auth.ts), or null. Not
 * next-auth's auth(): that runs its whole session endpoint per call (a Request,
 * its callbacks, a response) to end up at this same decode; measured at 1M
 * invoices it was the largest fixed cost of a request (see docs/performance.md).
 * A token too large for one cookie comes in numbered chunks (name.0, name.1, …).
 */
async function sessionClaims(): Promise<{ sub?: string; signedInAt?: unknown } | null> {
  const store = await cookies();
  let token = store.get(SESSION_COOKIE)?.value;
  if (!token) {
    const chunks = store
      .getAll()
      .filter((c) => c.name.startsWith(`${SESSION_COOKIE}.`))
      .sort((a, b) => Number(a.name.split(".").pop()) - Number(b.name.split(".").pop()));
    token = chunks.map((c) => c.value).join("") || undefined;
  }
  const secret = process.env.AUTH_SECRET;
  if (!token || !secret) return null;
  const known = verifiedTokens.get(token);
  if (known) return known.exp * 1000 > Date.now() ? known : null;
  try {
    const claims = await decode({ token, secret, salt: SESSION_COOKIE });
    if (claims && typeof claims.exp === "number") remember(token, { ...claims, exp: claims.exp });
    return claims;
  } catch {
    return null; // expired, forged or from another secret: signed out
  }
}

type Claims = { sub?: string; signedInAt?: unknown; exp: number };
/**
 * Tokens this process has already decrypted and verified, by their exact text,
 * until they expire: the same cookie on every request of a session would
 * otherwise cost a key derivation (HKDF) and an AES decryption each time,
 * measured as a tenth of a small route's server time. Only the verification
 * is remembered: who the user is, their role and whether they are still
 * active are read from the database on every request (loadSessionUser).
 * Insertion-ordered, so the oldest entry is dropped first.
 */
const verifiedTokens = new Map<string, Claims>();
const MAX_REMEMBERED_TOKENS = 2_000;
function remember(token: string, claims: Claims) {
  if (verifiedTokens.size >= MAX_REMEMBERED_TOKENS) verifiedTokens.delete(verifiedTokens.keys().next().value!);
  verifiedTokens.set(token, claims);
}

/**
 * The signed-in user, re-read from the database on every request so that a
 * deactivated user or a changed role takes effect at once, not at token expiry.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await sessionClaims();
  const userId = claims?.sub;
  if (!userId || !UUID.test(userId)) return null;
  const signedInAt = typeof claims.signedInAt === "number" ? claims.signedInAt : 0;
  return loadSessionUser(db(), userId, { signedInAt });
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
