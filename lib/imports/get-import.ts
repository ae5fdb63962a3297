import type { DbOrTx } from "@/lib/db/client";
import { isUuid } from "@/lib/db/uuid";
import { notFound } from "@/lib/errors/app-error";
import { wasInterrupted } from "@/lib/jobs/interrupted";

export { STALE_AFTER_MS } from "@/lib/jobs/interrupted";

/** The queue's key for an import's pass (check or commit: one runs at a time). */
export const importJobKey = (importId: string) => `import:${importId}`;

/**
 * The organization's import, or NOT_FOUND. A pass that stopped reporting while
 * its job is not waiting in the queue (the worker died) is marked failed here:
 * its transaction rolled back, so nothing of it was imported and it can be run
 * again.
 */
export async function getImportOrThrow(tx: DbOrTx, opts: { orgId: string; importId: string; now?: Date }) {
  if (!isUuid(opts.importId)) throw notFound("That import");
  const imp = await tx.import.findFirst({ where: { id: opts.importId, orgId: opts.orgId } });
  if (!imp) throw notFound("That import");
  const running = imp.status === "VALIDATING" || imp.status === "COMMITTING";
  if (
    running &&
    (await wasInterrupted(tx, { jobKey: importJobKey(imp.id), heartbeat: imp.updatedAt, now: opts.now }))
  ) {
    const failed = await tx.import.updateMany({
      where: { id: imp.id, status: imp.status, updatedAt: imp.updatedAt },
      data: {
        status: "FAILED",
        error: "The import was interrupted (the job worker stopped). Nothing was imported; run it again.",
      },
    });
    if (failed.count) return tx.import.findUniqueOrThrow({ where: { id: imp.id } });
  }
  return imp;
}
