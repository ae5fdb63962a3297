import { setTimeout as sleep } from "node:timers/promises";
import { addMinutes } from "date-fns";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { transientDbError } from "@/lib/db/errors";
import { clockNow } from "@/lib/time/dates";
import { DUMMY_HASH, verifyPassword } from "./password";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "locked" | "unavailable" };

/**
 * What the sign-in page says. A locked account gets the same words as a wrong
 * password (and an unknown email after as many tries), so the answer never
 * tells a stranger that an email has an account; the lock is in the audit log.
 */
export function signInRefusalMessage(reason: string | undefined): string {
  if (reason === "unavailable") return "The service is unavailable right now. Try again in a minute.";
  return `Wrong email or password. After ${MAX_FAILED_SIGN_INS} failed attempts an account is locked for ${LOCK_MINUTES} minutes.`;
}

/**
 * How long a refusal is held back after the nth failure in a row: 0.25 s,
 * 0.5 s, 1 s, 2 s, then the lock. Slows guessing without letting a stranger
 * make a real user wait long.
 */
export function failureDelayMs(failures: number): number {
  return failures <= 0 ? 0 : Math.min(250 * 2 ** (failures - 1), 4000);
}

/**
 * Checks an email and password. Each failure in a row is answered more slowly;
 * after MAX_FAILED_SIGN_INS the account is locked for LOCK_MINUTES and the lock
 * is audited. Every outcome is audited with the address it came from.
 */
export async function authenticate(
  database: Db,
  input: { email: string; password: string; ip: string },
  opts: { delay?: (ms: number) => Promise<unknown> } = {},
): Promise<AuthenticateResult> {
  try {
    return await checkCredentials(database, input, opts);
  } catch (error) {
    // A database outage is not a wrong password.
    if (transientDbError(error)) return { ok: false, reason: "unavailable" };
    throw error;
  }
}

async function checkCredentials(
  database: Db,
  input: { email: string; password: string; ip: string },
  opts: { delay?: (ms: number) => Promise<unknown> },
): Promise<AuthenticateResult> {
  const delay = opts.delay ?? sleep;
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password || input.password.length > 1024) return { ok: false, reason: "invalid" };
  // PostgreSQL text cannot hold NUL (the query failed and the callback answered 500, issue 22);
  // no address has control characters or runs past 320 characters: refused before the database sees it.
  if (email.length > 320 || /[\u0000-\u001f\u007f]/.test(email)) {
    await delay(failureDelayMs(1));
    return { ok: false, reason: "invalid" };
  }
  // An API token's actor row is never a person who signs in.
  const user = await database.user.findUnique({ where: { email, kind: "PERSON" } });
  const now = clockNow();
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    await delay(failureDelayMs(1));
    return { ok: false, reason: "invalid" };
  }
  const ctx = { orgId: user.orgId, userId: user.id, ip: input.ip };
  const attempt = await countAttempt(database, user.id, now);
  if (attempt.lockedUntil && attempt.lockedUntil > now) {
    await recordAudit(database, ctx, { kind: "user.sign_in_failed", payload: { email, reason: "locked" } });
    await verifyPassword(input.password, DUMMY_HASH); // a locked account answers as slowly as any other
    await delay(failureDelayMs(MAX_FAILED_SIGN_INS - 1));
    return { ok: false, reason: "locked" };
  }
  if (attempt.n > MAX_FAILED_SIGN_INS) {
    // Sent in parallel with the guesses that are earning the lock: not checked at all.
    await recordAudit(database, ctx, { kind: "user.sign_in_failed", payload: { email, reason: "locked" } });
    await delay(failureDelayMs(MAX_FAILED_SIGN_INS - 1));
    return { ok: false, reason: "locked" };
  }
  const valid = user.active && (await verifyPassword(input.password, user.passwordHash));
  if (!valid) {
    const lockedNow = await database.$transaction(async (tx) => {
      const lock = attempt.n >= MAX_FAILED_SIGN_INS;
      await recordAudit(tx, ctx, {
        kind: "user.sign_in_failed",
        payload: {
          email,
          reason: !user.active ? "deactivated" : lock ? "locked after repeated failures" : "wrong password",
        },
      });
      if (!lock) return false;
      const lockedUntil = addMinutes(now, LOCK_MINUTES);
      // Only the failure that sets the lock audits it; a later one finds it set.
      const set = await tx.user.updateMany({
        where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
        data: { lockedUntil },
      });
      if (set.count) {
        await recordAudit(tx, ctx, {
          kind: "user.locked",
          payload: { email, failures: attempt.n, lockedUntil: lockedUntil.toISOString() },
        });
      }
      return true;
    });
    if (lockedNow) return { ok: false, reason: "locked" };
    await delay(failureDelayMs(attempt.n));
    return { ok: false, reason: "invalid" };
  }
  const cleared = await database.$transaction(async (tx) => {
    // A success clears the count only while no lock is set: a lock that failures
    // racing with it earned stays.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failedSignIns: 0, lockedUntil: null },
    });
    if (count) await recordAudit(tx, ctx, { kind: "user.signed_in", payload: { email } });
    return count > 0;
  });
  if (!cleared) return { ok: false, reason: "locked" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * Counts this attempt before its password is checked, in one statement that
 * increments and returns (parallel guesses each get their own number, and only
 * the first MAX_FAILED_SIGN_INS are ever checked), restarting the count after
 * an expired lock. The lock is read from the same statement, after the count.
 */
async function countAttempt(database: Db, userId: string, now: Date): Promise<{ n: number; lockedUntil: Date | null }> {
  const [row] = await database.$queryRaw<{ n: number; locked_until: Date | null }[]>`
    UPDATE users SET
      failed_sign_ins = CASE WHEN locked_until <= ${now} THEN 1 ELSE failed_sign_ins + 1 END,
      locked_until = CASE WHEN locked_until <= ${now} THEN NULL ELSE locked_until END
    WHERE id = ${userId}::uuid
    RETURNING failed_sign_ins AS n, locked_until`;
  return { n: Number(row.n), lockedUntil: row.locked_until };
}
