import { setTimeout as sleep } from "node:timers/promises";
import { addMinutes } from "date-fns";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";
import { DUMMY_HASH, verifyPassword } from "./password";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type AuthenticateResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "locked" };

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
  const delay = opts.delay ?? sleep;
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password || input.password.length > 1024) return { ok: false, reason: "invalid" };
  const user = await database.user.findUnique({ where: { email } });
  const now = clockNow();
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    await delay(failureDelayMs(1));
    return { ok: false, reason: "invalid" };
  }
  const ctx = { orgId: user.orgId, userId: user.id, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(database, ctx, { kind: "user.sign_in_failed", payload: { email, reason: "locked" } });
    return { ok: false, reason: "locked" };
  }
  const valid = user.active && (await verifyPassword(input.password, user.passwordHash));
  if (!valid) {
    const failures = await database.$transaction(async (tx) => {
      // Counted in the database, so parallel guesses cannot overwrite each other's count.
      const { failedSignIns } = await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: { increment: 1 } },
        select: { failedSignIns: true },
      });
      const lock = failedSignIns >= MAX_FAILED_SIGN_INS;
      await recordAudit(tx, ctx, {
        kind: "user.sign_in_failed",
        payload: {
          email,
          reason: !user.active ? "deactivated" : lock ? "locked after repeated failures" : "wrong password",
        },
      });
      if (lock) {
        const lockedUntil = addMinutes(now, LOCK_MINUTES);
        await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil } });
        await recordAudit(tx, ctx, {
          kind: "user.locked",
          payload: { email, failures: failedSignIns, lockedUntil: lockedUntil.toISOString() },
        });
      }
      return failedSignIns;
    });
    if (failures >= MAX_FAILED_SIGN_INS) return { ok: false, reason: "locked" };
    await delay(failureDelayMs(failures));
    return { ok: false, reason: "invalid" };
  }
  await database.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    await recordAudit(tx, ctx, { kind: "user.signed_in", payload: { email } });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
