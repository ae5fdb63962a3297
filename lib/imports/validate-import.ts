import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Import } from "@/lib/generated/prisma/client";
import { getImportOrThrow } from "./get-import";
import { readImportFile } from "./import-file";
import { progressReporter, runImportPass } from "./run-import";

/** The preview: reads the whole file, names every row's problems, writes nothing. Runs in the caller's process (tests, scripts); the app queues it (import-jobs.ts). */
export async function validateImport(db: Db, opts: { orgId: string; importId: string }) {
  return runValidation(db, await startValidation(db, opts));
}

/** Marks the import as being checked (so the page shows progress at once), refusing one already running or done. */
export async function startValidation(tx: DbOrTx, opts: { orgId: string; importId: string }): Promise<Import> {
  const imp = await getImportOrThrow(tx, opts);
  if (imp.status !== "UPLOADED" && imp.status !== "VALIDATED" && imp.status !== "FAILED") {
    throw new AppError("CONFLICT", "This import is already running or done.");
  }
  const claimed = await tx.import.updateMany({
    where: { id: imp.id, status: imp.status },
    data: { status: "VALIDATING", bytesRead: 0, error: "" },
  });
  if (!claimed.count) throw new AppError("CONFLICT", "This import is already running.");
  return imp;
}

/**
 * The check pass of an import startValidation claimed. A failure is recorded on
 * the import and thrown as an AppError, except an unexpected one while the
 * queue will still retry (`retryable`): that is thrown as it is and the import
 * stays "checking".
 */
export async function runValidation(db: Db, imp: Import, opts: { retryable?: boolean } = {}) {
  try {
    const result = await runImportPass(db, imp, {
      file: readImportFile(db, imp.id),
      write: false,
      progress: progressReporter(db, imp.id),
    });
    return await db.import.update({
      where: { id: imp.id },
      data: {
        status: "VALIDATED",
        bytesRead: imp.byteSize,
        rowCount: result.rows,
        problemCount: result.problemCount,
        problems: result.problems as object[],
        changes: result.changes as object,
        notices: result.notices as object[],
        preview: result.preview as object[],
        changesConfirmed: false,
      },
    });
  } catch (error) {
    if (opts.retryable && !(error instanceof AppError)) throw error;
    const message = failureMessage(error);
    await db.import.update({ where: { id: imp.id }, data: { status: "FAILED", error: message } });
    throw error instanceof AppError ? error : new AppError("INTERNAL", message);
  }
}

export function failureMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  console.error("Import failed", error);
  return "The import failed on our side; nothing was imported. Try again.";
}
