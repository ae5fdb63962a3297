import { afterEach, describe, expect, it } from "vitest";
import { type AnyActionDefinition, runAction } from "@/lib/actions/run-action";
import { authenticate, failureDelayMs, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from "@/lib/auth/authenticate";
import { verifyPassword } from "@/lib/auth/password";
import { loadSessionUser } from "@/lib/auth/session-user";
import { createUserAction, resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/users/actions";
import { createUser as addUser } from "@/lib/users/create-user";
import { setUserRole } from "@/lib/users/set-user-role";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createOrg, createUser, TEST_PASSWORD } from "./factories";

const db = useTestDb();
const NEW_PASSWORD = "a much longer passphrase";

async function orgWithAdmin() {
  const org = await createOrg(db);
  const admin = await createUser(db, org.id, "ADMIN");
  return { org, admin, ctx: await actionContextFor(db, admin.id) };
}

const events = (orgId: string, kind: string) =>
  db.auditEvent.findMany({ where: { orgId, kind }, orderBy: { seq: "asc" } });

afterEach(() => {
  delete process.env.DUNNING_FROZEN_NOW;
});

describe("user management", () => {
  it("an admin creates a user with a hashed password, audited with who and from where", async () => {
    const { org, admin, ctx } = await orgWithAdmin();
    const email = `New.Person.${Date.now()}@Example.com`;
    const result = await runAction(createUserAction, ctx, {
      email,
      name: "New Person",
      role: "COLLECTOR",
      password: NEW_PASSWORD,
    });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("can now sign in") });
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user).toMatchObject({ orgId: org.id, role: "COLLECTOR", active: true });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword(NEW_PASSWORD, user.passwordHash)).toBe(true);
    const [event] = await events(org.id, "user.created");
    expect(event).toMatchObject({
      userId: admin.id,
      ip: "203.0.113.7",
      payload: { targetUserId: user.id, role: "COLLECTOR" },
    });
    expect(JSON.stringify(result)).not.toContain("scrypt");
  });

  it("refuses short passwords and duplicate emails, changing nothing", async () => {
    const { org, admin, ctx } = await orgWithAdmin();
    const short = await runAction(createUserAction, ctx, {
      email: `s${Date.now()}@example.com`,
      name: "S",
      role: "VIEWER",
      password: "elevenchars",
    });
    expect(short).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { password: [expect.stringMatching(/at least 12/)] },
    });
    const dup = await runAction(createUserAction, ctx, {
      email: admin.email,
      name: "Dup",
      role: "VIEWER",
      password: NEW_PASSWORD,
    });
    expect(dup).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db.user.count({ where: { orgId: org.id } })).toBe(1);
    expect(await events(org.id, "user.created")).toEqual([]);
  });

  it("two admins adding the same email at once: one user, and a clear conflict for the other", async () => {
    const { org, admin } = await orgWithAdmin();
    const email = `race-${Date.now()}@example.com`;
    const add = () =>
      addUser(db, {
        orgId: org.id,
        actorId: admin.id,
        ip: "",
        email,
        name: "Race",
        role: "VIEWER",
        password: NEW_PASSWORD,
      });
    const results = await Promise.allSettled([add(), add(), add()]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    expect(await events(org.id, "user.created")).toHaveLength(1);
  });

  it("changes a role, which the next request sees", async () => {
    const { org, ctx } = await orgWithAdmin();
    const viewer = await createUser(db, org.id, "VIEWER");
    expect(await runAction(setUserRoleAction, ctx, { userId: viewer.id, role: "COLLECTOR" })).toMatchObject({
      ok: true,
    });
    expect((await loadSessionUser(db, viewer.id))?.role).toBe("COLLECTOR");
    expect((await events(org.id, "user.role_changed"))[0].payload).toEqual({
      targetUserId: viewer.id,
      email: viewer.email,
      from: "VIEWER",
      to: "COLLECTOR",
    });
  });

  it("deactivation ends the user's session at once; after reactivation they sign in again", async () => {
    const { org, ctx } = await orgWithAdmin();
    const collector = await createUser(db, org.id, "COLLECTOR");
    expect(await loadSessionUser(db, collector.id)).toMatchObject({ userId: collector.id, orgId: org.id });
    expect(await runAction(setUserActiveAction, ctx, { userId: collector.id, active: "false" })).toMatchObject({
      ok: true,
    });
    expect(await loadSessionUser(db, collector.id)).toBeNull();
    expect(
      await authenticate(db, { email: collector.email, password: TEST_PASSWORD, ip: "" }, { delay: async () => {} }),
    ).toEqual({ ok: false, reason: "invalid" });
    expect(await runAction(setUserActiveAction, ctx, { userId: collector.id, active: "true" })).toMatchObject({
      ok: true,
    });
    expect(await loadSessionUser(db, collector.id)).toBeNull();
    expect(await loadSessionUser(db, collector.id, { signedInAt: Date.now() + 1 })).not.toBeNull();
    expect(
      (
        await db.auditEvent.findMany({
          where: { orgId: org.id, kind: { in: ["user.deactivated", "user.reactivated"] } },
          orderBy: { seq: "asc" },
        })
      ).map((e) => e.kind),
    ).toEqual(["user.deactivated", "user.reactivated"]);
  });

  it("never leaves an organization without an active admin", async () => {
    const { org, admin, ctx } = await orgWithAdmin();
    expect(await runAction(setUserRoleAction, ctx, { userId: admin.id, role: "VIEWER" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
      message: expect.stringMatching(/last active admin/),
    });
    expect(await runAction(setUserActiveAction, ctx, { userId: admin.id, active: "false" })).toMatchObject({
      ok: false,
      code: "CONFLICT",
    });
    expect(await loadSessionUser(db, admin.id)).toMatchObject({ role: "ADMIN" });
    // With a second admin, one may step down.
    const second = await createUser(db, org.id, "ADMIN");
    expect(await runAction(setUserRoleAction, ctx, { userId: admin.id, role: "COLLECTOR" })).toMatchObject({
      ok: true,
    });
    expect(await db.user.count({ where: { orgId: org.id, role: "ADMIN", active: true } })).toBe(1);
    expect(second.role).toBe("ADMIN");
  });

  it("two admins demoting each other at the same moment cannot both succeed", async () => {
    const { org, admin } = await orgWithAdmin();
    const other = await createUser(db, org.id, "ADMIN");
    const results = await Promise.allSettled([
      setUserRole(db, { orgId: org.id, actorId: admin.id, ip: "", userId: other.id, role: "VIEWER" }),
      setUserRole(db, { orgId: org.id, actorId: other.id, ip: "", userId: admin.id, role: "VIEWER" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { orgId: org.id, role: "ADMIN", active: true } })).toBe(1);
  });

  it("resets a password, lifts a lock and ends sessions begun before", async () => {
    const { org, ctx } = await orgWithAdmin();
    const user = await createUser(db, org.id, "COLLECTOR");
    const before = Date.now() - 1;
    expect(await loadSessionUser(db, user.id, { signedInAt: before })).not.toBeNull();
    await db.user.update({
      where: { id: user.id },
      data: { lockedUntil: new Date(Date.now() + 60_000), failedSignIns: 3 },
    });
    expect(await runAction(resetUserPasswordAction, ctx, { userId: user.id, password: NEW_PASSWORD })).toMatchObject({
      ok: true,
    });
    expect(await authenticate(db, { email: user.email, password: NEW_PASSWORD, ip: "" })).toMatchObject({ ok: true });
    expect(await events(org.id, "user.password_reset")).toHaveLength(1);
    expect(await loadSessionUser(db, user.id, { signedInAt: before })).toBeNull();
    expect(await loadSessionUser(db, user.id, {})).toBeNull(); // a token from before signedInAt existed
    expect(await loadSessionUser(db, user.id, { signedInAt: Date.now() })).not.toBeNull();
  });

  it("cannot touch another organization's users: not found, nothing changes", async () => {
    const { ctx } = await orgWithAdmin();
    const elsewhere = await createOrg(db);
    const victim = await createUser(db, elsewhere.id, "ADMIN");
    for (const [def, input] of [
      [setUserRoleAction, { userId: victim.id, role: "VIEWER" }],
      [setUserActiveAction, { userId: victim.id, active: "false" }],
      [resetUserPasswordAction, { userId: victim.id, password: NEW_PASSWORD }],
    ] as [AnyActionDefinition, object][]) {
      expect(await runAction(def, ctx, input)).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
        message: "That user was not found.",
      });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      role: "ADMIN",
      active: true,
      passwordHash: victim.passwordHash,
    });
    expect(await db.auditEvent.count({ where: { orgId: elsewhere.id } })).toBe(0);
  });
});

describe("sign-in throttling", () => {
  it("slows repeated failures, then locks the account for a while and audits the lock", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const delays: number[] = [];
    const attempt = (password: string) =>
      authenticate(db, { email: user.email, password, ip: "198.51.100.9" }, { delay: async (ms) => delays.push(ms) });
    process.env.DUNNING_FROZEN_NOW = "2026-06-01T10:00:00.000Z";
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      expect(await attempt("wrong password!")).toEqual({ ok: false, reason: "invalid" });
    expect(delays).toEqual([250, 500, 1000, 2000]);
    expect(await attempt("wrong password!")).toEqual({ ok: false, reason: "locked" });
    // Locked: even the right password is refused until the lock ends.
    expect(await attempt(TEST_PASSWORD)).toEqual({ ok: false, reason: "locked" });
    const [lock] = await events(org.id, "user.locked");
    expect(lock).toMatchObject({
      userId: user.id,
      ip: "198.51.100.9",
      payload: { email: user.email, failures: 5, lockedUntil: "2026-06-01T10:15:00.000Z" },
    });
    process.env.DUNNING_FROZEN_NOW = new Date(
      Date.parse("2026-06-01T10:00:00Z") + (LOCK_MINUTES * 60 + 1) * 1000,
    ).toISOString();
    expect(await attempt(TEST_PASSWORD)).toMatchObject({ ok: true });
    expect(await events(org.id, "user.signed_in")).toHaveLength(1);
  });

  it("counts parallel failures without losing any", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "VIEWER");
    await Promise.all(
      Array.from({ length: 4 }, () =>
        authenticate(db, { email: user.email, password: "wrong password!", ip: "" }, { delay: async () => {} }),
      ),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedSignIns).toBe(4);
  });

  it("delays grow and are capped", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(failureDelayMs)).toEqual([0, 250, 500, 1000, 2000, 4000, 4000]);
  });
});

describe("audit log listing", () => {
  it("pages the organization's events newest first, typed, with who and from where", async () => {
    const { org, admin, ctx } = await orgWithAdmin();
    const { listAuditEvents } = await import("@/lib/audit/list-audit-events");
    const { describeAuditEvent } = await import("@/lib/audit/describe-event");
    const viewer = await createUser(db, org.id, "VIEWER");
    await runAction(setUserRoleAction, ctx, { userId: viewer.id, role: "COLLECTOR" });
    await runAction(setUserActiveAction, ctx, { userId: viewer.id, active: "false" });
    const other = await createOrg(db);
    await createUser(db, other.id, "ADMIN");
    const first = await listAuditEvents(db, { orgId: org.id, page: 1, pageSize: 1 });
    expect(first.total).toBe(2);
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toMatchObject({ actor: admin.name, ip: "203.0.113.7", kind: "user.deactivated" });
    expect(describeAuditEvent(first.rows[0].event!)).toBe(`Deactivated ${viewer.email}`);
    const second = await listAuditEvents(db, { orgId: org.id, page: 2, pageSize: 1 });
    expect(describeAuditEvent(second.rows[0].event!)).toBe(`Changed ${viewer.email} from viewer to collector`);
  });
});
