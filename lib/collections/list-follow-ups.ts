import { type DbOrTx, readAll } from "@/lib/db/client";
import { type DateOnly, dateOnlyFromDb } from "@/lib/time/dates";

export interface FollowUpRow {
  id: string;
  dueOn: DateOnly;
  note: string;
  by: string;
  state: "open" | "done" | "cancelled";
  /** When it was done or cancelled, and by whom. */
  closedAt: Date | null;
  closedBy: string | null;
}

/** A customer's call-backs: the open ones by day, then the 20 most recently closed. */
export async function listCustomerFollowUps(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string },
): Promise<FollowUpRow[]> {
  const include = {
    createdBy: { select: { name: true } },
    doneBy: { select: { name: true } },
    cancelledBy: { select: { name: true } },
  } as const;
  const scope = { orgId: opts.orgId, customerId: opts.customerId };
  const [open, closed] = await readAll(tx, [
    () =>
      tx.followUp.findMany({
        where: { ...scope, doneAt: null, cancelledAt: null },
        orderBy: [{ dueOn: "asc" }, { createdAt: "asc" }],
        include,
      }),
    () =>
      tx.followUp.findMany({
        where: { ...scope, OR: [{ doneAt: { not: null } }, { cancelledAt: { not: null } }] },
        orderBy: { createdAt: "desc" },
        take: 20,
        include,
      }),
  ] as const);
  return [...open, ...closed].map((f) => ({
    id: f.id,
    dueOn: dateOnlyFromDb(f.dueOn),
    note: f.note,
    by: f.createdBy?.name ?? "the collection policy",
    state: f.doneAt ? "done" : f.cancelledAt ? "cancelled" : "open",
    closedAt: f.doneAt ?? f.cancelledAt,
    closedBy: f.doneBy?.name ?? f.cancelledBy?.name ?? null,
  }));
}
