import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { getUserOrThrow } from "./get-user-or-throw";
import { assertAnotherActiveAdmin } from "./keep-an-admin";
import { type Actor, auditContext, publicUserSelect } from "./user-fields";

/** Takes effect on the user's next request: sessions re-read the role every time. */
export async function setUserRole(database: Db, opts: Actor & { userId: string; role: Role }) {
  return database.$transaction(async (tx) => {
    const user = await getUserOrThrow(tx, opts);
    if (user.role === opts.role) return user;
    if (user.role === "ADMIN" && user.active) await assertAnotherActiveAdmin(tx, opts);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { role: opts.role },
      select: publicUserSelect,
    });
    await recordAudit(tx, auditContext(opts), {
      kind: "user.role_changed",
      payload: { targetUserId: user.id, email: user.email, from: user.role, to: opts.role },
    });
    return updated;
  });
}
