import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { verifyHistory } from "@/lib/history/verify-history";
import { getUserOrThrow } from "@/lib/users/get-user-or-throw";
import { listUsers } from "@/lib/users/list-users";
import { setUserActive } from "@/lib/users/set-user-active";
import { setUserRole } from "@/lib/users/set-user-role";
import { actionFixture } from "./action-table";
import { useTestDb } from "./db";
import { createContactAttempt } from "./factories";

const db = useTestDb();

describe("organizations are walled off in trust features", () => {
  it("users, the audit log and history verification only ever see the signed-in organization", async () => {
    const ours = await actionFixture(db);
    const theirs = await actionFixture(db);
    // The fixture gives each organization some history of its own already.
    const checkedBefore = {
      ours: await verifyHistory(db, { orgId: ours.org.id }),
      theirs: await verifyHistory(db, { orgId: theirs.org.id }),
    };
    await createContactAttempt(db, theirs.customer, { note: "their secret note" });

    const users = await listUsers(db, { orgId: ours.org.id });
    expect(users.map((u) => u.id).sort()).toEqual(
      [ours.users.ADMIN.id, ours.users.COLLECTOR.id, ours.users.VIEWER.id, ours.target.id].sort(),
    );
    expect(JSON.stringify(users)).not.toMatch(/scrypt|passwordHash/);
    await expect(getUserOrThrow(db, { orgId: ours.org.id, userId: theirs.users.ADMIN.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await setUserRole(db, {
      orgId: ours.org.id,
      actorId: ours.users.ADMIN.id,
      ip: "",
      userId: ours.target.id,
      role: "VIEWER",
    });
    await setUserActive(db, {
      orgId: theirs.org.id,
      actorId: theirs.users.ADMIN.id,
      ip: "",
      userId: theirs.target.id,
      active: false,
    });
    const userEvents = async (orgId: string) =>
      (await listAuditEvents(db, { orgId, page: 1 })).rows.map((r) => r.kind).filter((k) => k.startsWith("user."));
    expect(await userEvents(ours.org.id)).toEqual(["user.role_changed"]);
    expect(await userEvents(theirs.org.id)).toEqual(["user.deactivated"]);

    // Each organization's chain counts only its own entries.
    expect(checkedBefore.ours).toMatchObject({ ok: true });
    expect(await verifyHistory(db, { orgId: ours.org.id })).toEqual({
      ok: true,
      checked: (checkedBefore.ours as { checked: number }).checked + 1,
    });
    expect(await verifyHistory(db, { orgId: theirs.org.id })).toEqual({
      ok: true,
      checked: (checkedBefore.theirs as { checked: number }).checked + 2,
    });
  });
});
