import type { DbOrTx } from "@/lib/db/client";
import { publicUserSelect } from "./user-fields";

export async function listUsers(tx: DbOrTx, opts: { orgId: string }) {
  return tx.user.findMany({
    // API tokens act through user rows of their own; they are listed on Settings → API tokens.
    where: { orgId: opts.orgId, kind: "PERSON" },
    select: publicUserSelect,
    orderBy: [{ active: "desc" }, { name: "asc" }],
  });
}
