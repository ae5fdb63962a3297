import type { DbOrTx } from "@/lib/db/client";
import { publicUserSelect } from "./user-fields";

export async function listUsers(tx: DbOrTx, opts: { orgId: string }) {
  return tx.user.findMany({
    where: { orgId: opts.orgId },
    select: publicUserSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}
