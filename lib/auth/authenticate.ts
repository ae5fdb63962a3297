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
 * Checks an email and password. After MAX_FAILED_SIGN_INS failures in a row the
 * account is locked for LOCK_MINUTES; every outcome is audited.
 */
export async function authenticate(
  database: Db,
  input: { email: string; password: string; ip: string },
): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  if (!email || !input.password || input.password.length > 1024) return { ok: false, reason: "invalid" };
  const user = await database.user.findUnique({ where: { email } });
  const now = clockNow();
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH);
    return { ok: false, reason: "invalid" };
  }
  const ctx = { orgId: user.orgId, userId: user.id, ip: input.ip };
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(database, ctx, { kind: "user.sign_in_failed", payload: { email, reason: "locked" } });
    return { ok: false, reason: "locked" };
  }
  const valid = user.active && (await verifyPassword(input.password, user.passwordHash));
  if (!valid) {
    const failures = user.failedSignIns + 1;
    const lock = failures >= MAX_FAILED_SIGN_INS;
    await database.$transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { failedSignIns: lock ? 0 : failures, lockedUntil: lock ? addMinutes(now, LOCK_MINUTES) : user.lockedUntil },
      });
      await recordAudit(tx, ctx, {
        kind: "user.sign_in_failed",
        payload: { email, reason: !user.active ? "deactivated" : lock ? "locked after repeated failures" : "wrong password" },
      });
    });
    return { ok: false, reason: lock ? "locked" : "invalid" };
  }
  await database.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { failedSignIns: 0, lockedUntil: null } });
    await recordAudit(tx, ctx, { kind: "user.signed_in", payload: { email } });
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
