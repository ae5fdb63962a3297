import type { DbOrTx } from "@/lib/db/client";

/** The organization's latest imports, newest first (index imports(org_id, created_at)). */
export function listRecentImports(tx: DbOrTx, opts: { orgId: string; limit?: number }) {
  return tx.import.findMany({
    where: { orgId: opts.orgId },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 10,
    select: {
      id: true,
      kind: true,
      status: true,
      fileName: true,
      rowCount: true,
      createdCount: true,
      updatedCount: true,
      unchangedCount: true,
      createdAt: true,
      user: { select: { name: true } },
    },
  });
}
