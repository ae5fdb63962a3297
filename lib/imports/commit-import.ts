import { rm } from "node:fs/promises";
import type { Db } from "@/lib/db/client";
import type { Import } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/events";
import { AppError } from "@/lib/errors/app-error";
import { getImportOrThrow } from "./get-import";
import { progressReporter, runImportPass, type PassResult } from "./run-import";
import { failureMessage } from "./validate-import";

export const COMMIT_TIMEOUT_MS = 10 * 60_000;

/**
 * Imports a validated file all-or-nothing: every batch is checked again and
 * upserted inside one transaction with its audit record; any problem (the
 * database changed since the preview) rolls everything back.
 */
export async function commitImport(db: Db, opts: { orgId: string; importId: string; userId: string }) {
  return runCommit(db, await startCommit(db, opts), opts);
}

/** Marks a checked, clean import as being imported (so the page shows progress at once). */
export async function startCommit(db: Db, opts: { orgId: string; importId: string }): Promise<Import> {
  const imp = await getImportOrThrow(db, opts);
  if (imp.status === "COMMITTED") throw new AppError("CONFLICT", "This file was imported already. Upload it again to import it again.");
  if (imp.status !== "VALIDATED" || imp.problemCount > 0) {
    throw new AppError("CONFLICT", "Check the file first: only a file without problems can be imported.");
  }
  const claimed = await db.import.updateMany({ where: { id: imp.id, status: "VALIDATED" }, data: { status: "COMMITTING", bytesRead: 0 } });
  if (!claimed.count) throw new AppError("CONFLICT", "This import is already running.");
  return imp;
}

/** The commit pass of an import startCommit claimed. */
export async function runCommit(db: Db, imp: Import, opts: { userId: string }) {
  let problems: PassResult["problems"] = [];
  try {
    const done = await db.$transaction(
      async (tx) => {
        const result = await runImportPass(tx, imp, { write: true, progress: progressReporter(db, imp.id) });
        if (result.problemCount) {
          problems = result.problems;
          throw new AppError("CONFLICT", `The data changed since the check: ${result.problemCount} rows have problems now. Nothing was imported.`);
        }
        const unchanged = result.rows - result.created - result.updated;
        await recordAudit(tx, { orgId: imp.orgId, userId: opts.userId }, {
          kind: "import.committed",
          payload: { importId: imp.id, importKind: imp.kind, fileName: imp.fileName, rows: result.rows, created: result.created, updated: result.updated, unchanged },
        });
        return tx.import.update({
          where: { id: imp.id },
          data: { status: "COMMITTED", bytesRead: imp.byteSize, rowCount: result.rows, createdCount: result.created, updatedCount: result.updated, unchangedCount: unchanged, finishedAt: new Date() },
        });
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );
    await rm(imp.filePath, { force: true });
    return done;
  } catch (error) {
    const message = isCheckViolation(error)
      ? "A payment or invoice changed while importing, so an amount no longer fits. Nothing was imported; check the file again."
      : failureMessage(error);
    await db.import.update({
      where: { id: imp.id },
      data: { status: "FAILED", error: message, ...(problems.length ? { problems: problems as object[], problemCount: problems.length } : {}) },
    });
    throw error instanceof AppError ? error : new AppError("CONFLICT", message);
  }
}

function isCheckViolation(error: unknown): boolean {
  return /23514|violates check constraint/.test(String((error as Error)?.message ?? ""));
}
