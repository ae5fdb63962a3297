import { recordAudits } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { canWork, WORKING_ROLES } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/** At most this many accounts in one assignment (a worklist page selection is far below it). */
export const MAX_ASSIGN = 500;

export interface AssignAccountsInput {
  orgId: string;
  actor: Actor;
  ip?: string;
  customerIds: string[];
  /** The collector (or admin) to work them; null takes them off anyone's accounts. */
  userId: string | null;
}

/**
 * Assigns customers (accounts) to a user who may work them: an active
 * collector or admin of the same organization. A viewer, a deactivated user or
 * a user of another organization is refused with the reason and nothing
 * changes; so is a list naming any customer not of this organization. One
 * audit event per customer whose assignee changes, in the same transaction.
 */
export async function assignAccounts(
  db: Db,
  input: AssignAccountsInput,
): Promise<{ changed: number; name: string | null }> {
  assertCanWork(input.actor, "customers");
  const ids = [...new Set(input.customerIds)];
  if (!ids.length) throw new AppError("INVALID_INPUT", "Choose at least one account to assign.");
  if (ids.length > MAX_ASSIGN) throw new AppError("INVALID_INPUT", `Assign at most ${MAX_ASSIGN} accounts at a time.`);
  return db.$transaction(async (tx) => {
    let name: string | null = null;
    if (input.userId) {
      const user = await tx.user.findFirst({
        where: { id: input.userId, orgId: input.orgId, kind: "PERSON" },
        select: { name: true, role: true, active: true },
      });
      // Another organization's user is as unknown here as a made-up id.
      if (!user)
        throw new AppError("NOT_FOUND", "That user is not in your organization; choose someone from the list.");
      if (!canWork(user.role))
        throw new AppError(
          "INVALID_INPUT",
          `${user.name} is a viewer and cannot work accounts; assign them to a collector or an administrator.`,
          { userId: ["Choose a collector or an administrator."] },
        );
      if (!user.active)
        throw new AppError("INVALID_INPUT", `${user.name} is deactivated; choose an active collector.`, {
          userId: ["Choose an active user."],
        });
      name = user.name;
    }
    // Locked, so two assigners in a race each see the other's result as "from".
    const current = await tx.$queryRaw<{ id: string; assigned_user_id: string | null }[]>`
      SELECT id, assigned_user_id FROM customers
       WHERE org_id = ${input.orgId}::uuid AND id = ANY(${ids}::uuid[]) ORDER BY id FOR UPDATE`;
    if (current.length !== ids.length)
      throw new AppError(
        "NOT_FOUND",
        ids.length === 1
          ? "That customer was not found."
          : "Some of those customers were not found; nothing was assigned.",
      );
    const moving = current.filter((c) => c.assigned_user_id !== input.userId);
    if (!moving.length) return { changed: 0, name };
    await tx.customer.updateMany({
      where: { orgId: input.orgId, id: { in: moving.map((c) => c.id) } },
      data: { assignedUserId: input.userId },
    });
    await recordAudits(
      tx,
      { orgId: input.orgId, userId: input.actor.userId },
      moving.map((c) => ({
        kind: "customer.assigned" as const,
        payload: { customerId: c.id, fromUserId: c.assigned_user_id, toUserId: input.userId, toName: name },
      })),
    );
    return { changed: moving.length, name };
  });
}

/** Who an account can be assigned to: the organization's active collectors and admins, by name. */
export function listAssignees(db: Db, orgId: string) {
  return db.user.findMany({
    where: { orgId, active: true, kind: "PERSON", role: { in: WORKING_ROLES } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" },
  });
}
