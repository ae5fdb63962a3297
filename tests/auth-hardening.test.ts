import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { authenticate, MAX_FAILED_SIGN_INS, signInRefusalMessage } from "@/lib/auth/authenticate";
import { endSessions } from "@/lib/auth/end-sessions";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createDb } from "@/lib/db/client";
import { setUserActiveAction } from "@/lib/users/actions";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createOrg, createUser, TEST_PASSWORD } from "./factories";

// Issue 14, items 6, 9, 13 (sign-in during an outage) and 14 (locked accounts).
const db = useTestDb();
const noDelay = { delay: async () => {} };
afterEach(() => {
  delete process.env.DUNNING_FROZEN_NOW;
});

describe("sign-in lockout under parallel guesses", () => {
  it("checks at most five of 40 parallel guesses, and the right password sent with them neither signs in nor clears the lock", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const guess = (password: string) => authenticate(db, { email: user.email, password, ip: "" }, noDelay);
    const results = await Promise.all([
      ...Array.from({ length: 40 }, () => guess("wrong password!")),
      guess(TEST_PASSWORD),
    ]);
    expect(results.at(-1)).toEqual({ ok: false, reason: "locked" });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    const checked = await db.auditEvent.count({
      where: { orgId: org.id, kind: "user.sign_in_failed", NOT: { payload: { path: ["reason"], equals: "locked" } } },
    });
    expect(checked).toBe(MAX_FAILED_SIGN_INS);
    expect(await db.auditEvent.count({ where: { orgId: org.id, kind: "user.locked" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { orgId: org.id, kind: "user.signed_in" } })).toBe(0);
  });
});

describe("what a refused sign-in says", () => {
  it("says the same for a locked account as for a wrong password or an unknown email", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
      await authenticate(db, { email: user.email, password: "wrong password!", ip: "" }, noDelay);
    const locked = await authenticate(db, { email: user.email, password: TEST_PASSWORD, ip: "" }, noDelay);
    const unknown = await authenticate(db, { email: "nobody@example.test", password: "x", ip: "" }, noDelay);
    expect(locked.ok || unknown.ok).toBe(false);
    const say = (r: typeof locked) => signInRefusalMessage(r.ok ? undefined : r.reason);
    expect(say(locked)).toBe(say(unknown));
  });

  it("says the service is unavailable when the database cannot be reached, not 'wrong password'", async () => {
    const down = createDb("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      const result = await authenticate(down, { email: "a@b.test", password: "whatever", ip: "" }, noDelay);
      expect(result).toEqual({ ok: false, reason: "unavailable" });
      expect(signInRefusalMessage("unavailable")).toMatch(/unavailable/);
    } finally {
      await down.$disconnect();
    }
  });
});

describe("email the database cannot hold (issue 22, 12)", () => {
  it("refuses an email with a NUL byte or a control character as a wrong password, before the database", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    for (const email of [`${user.email}\u0000`, `\u0000${user.email}`, `a\u0001@b.test`, `${"a".repeat(400)}@b.test`])
      expect(await authenticate(db, { email, password: TEST_PASSWORD, ip: "" }, noDelay)).toEqual({
        ok: false,
        reason: "invalid",
      });
    // Nothing was counted against the real account.
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(0);
  });
});

describe("sessions end on the server", () => {
  it("sign-out refuses the token it ended, wherever a copy of it is", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const signedInAt = Date.now() - 1000;
    expect(await loadSessionUser(db, user.id, { signedInAt })).not.toBeNull();
    await endSessions(db, user.id);
    expect(await loadSessionUser(db, user.id, { signedInAt })).toBeNull();
    expect(await loadSessionUser(db, user.id, { signedInAt: Date.now() + 1000 })).not.toBeNull();
  });

  it("reactivating a user does not revive the session cookie they had before deactivation", async () => {
    const org = await createOrg(db);
    const admin = await createUser(db, org.id, "ADMIN");
    const user = await createUser(db, org.id, "COLLECTOR");
    const signedInAt = Date.now() - 1000;
    const ctx = await actionContextFor(db, admin.id);
    expect(await runAction(setUserActiveAction, ctx, { userId: user.id, active: "false" })).toMatchObject({ ok: true });
    expect(await runAction(setUserActiveAction, ctx, { userId: user.id, active: "true" })).toMatchObject({ ok: true });
    expect(await loadSessionUser(db, user.id, { signedInAt })).toBeNull();
  });
});
