import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import { publicUserSelect } from "./user-fields";

/** A user of the organization; another organization's user is "not found", exactly like a missing one. */
export async function getUserOrThrow(tx: DbOrTx, opts: { orgId: string; userId: string }) {
  const user = await tx.user.findFirst({
    where: { id: opts.userId, orgId: opts.orgId, kind: "PERSON" },
    select: publicUserSelect,
  });
  if (!user) throw notFound("That user");
  return user;
}
