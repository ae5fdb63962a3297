import type { DbOrTx } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";

/** A running pass updates its import at least every few seconds; one silent this long died with its server. */
export const STALE_AFTER_MS = 2 * 60_000;

/**
 * The organization's import, or NOT_FOUND. A pass that stopped reporting (the
 * server restarted) is marked failed here: its transaction rolled back, so
 * nothing of it was imported and it can be run again.
 */
export async function getImportOrThrow(tx: DbOrTx, opts: { orgId: string; importId: string; now?: Date }) {
  const imp = await tx.import.findFirst({ where: { id: opts.importId, orgId: opts.orgId } });
  if (!imp) throw notFound("That import");
  const running = imp.status === "VALIDATING" || imp.status === "COMMITTING";
  if (running && (opts.now ?? new Date()).getTime() - imp.updatedAt.getTime() > STALE_AFTER_MS) {
    return tx.import.update({
      where: { id: imp.id },
      data: { status: "FAILED", error: "The import was interrupted (the server restarted). Nothing was imported; run it again." },
    });
  }
  return imp;
}
