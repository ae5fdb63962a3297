import { recordAudit } from "@/lib/audit/events";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Import } from "@/lib/generated/prisma/client";
import { getImportOrThrow } from "./get-import";
import { readImportFile } from "./import-file";
import { importOptionsSchema } from "./import-options";
import type { ImportChanges } from "./invoice-changes";
import { type PassResult, progressReporter, runImportPass } from "./run-import";
import { failureMessage } from "./validate-import";

export const COMMIT_TIMEOUT_MS = 10 * 60_000;

/**
 * Imports a validated file all-or-nothing: every batch is checked again and
 * upserted inside one transaction with its audit record; any problem (the
 * database changed since the preview) rolls everything back. Runs in the
 * caller's process (tests, scripts); the app queues it (import-jobs.ts).
 */
export async function commitImport(
  db: Db,
  opts: { orgId: string; importId: string; userId: string; confirmChanges?: boolean },
) {
  return runCommit(db, await startCommit(db, opts), opts);
}

/**
 * Marks a checked, clean import as being imported (so the page shows progress
 * at once). An import the check found changing stored invoices needs
 * `confirmChanges`: nothing that exists changes without the user saying so.
 */
export async function startCommit(
  tx: DbOrTx,
  opts: { orgId: string; importId: string; confirmChanges?: boolean },
): Promise<Import> {
  const imp = await getImportOrThrow(tx, opts);
  if (imp.status === "COMMITTED")
    throw new AppError("CONFLICT", "This file was imported already. Upload it again to import it again.");
  if (imp.status !== "VALIDATED" || imp.problemCount > 0) {
    throw new AppError("CONFLICT", "Check the file first: only a file without problems can be imported.");
  }
  const changes = changedInvoices(imp);
  if (changes && !opts.confirmChanges) {
    throw new AppError(
      "CONFLICT",
      `This file changes ${changes} stored invoice${changes === 1 ? "" : "s"}. Read the changes listed on this page and confirm them to import.`,
    );
  }
  const claimed = await tx.import.updateMany({
    where: { id: imp.id, status: "VALIDATED" },
    data: { status: "COMMITTING", bytesRead: 0, changesConfirmed: changes > 0 },
  });
  if (!claimed.count) throw new AppError("CONFLICT", "This import is already running.");
  return imp;
}

/**
 * The commit pass of an import startCommit claimed. Idempotent: the transaction
 * first takes the import's commit lock and goes on only while it is still
 * "importing", and marks it imported (and deletes its stored file) when it
 * commits; so a second try of the job (a retry, or a worker taken for dead
 * that was only slow) waits for the first and then finds it imported. A
 * failure is recorded on the import and thrown as an AppError, except an
 * unexpected one while the queue will still retry (`retryable`).
 */
export async function runCommit(db: Db, imp: Import, opts: { userId: string; retryable?: boolean }) {
  let problems: PassResult["problems"] = [];
  try {
    return await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import-commit:${imp.id}`}))`;
        // One import of a kind at a time per organization: two files creating the same invoice wait for each other.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import-kind:${imp.orgId}:${imp.kind}`}))`;
        const current = await tx.import.findUniqueOrThrow({ where: { id: imp.id } });
        if (current.status !== "COMMITTING") return current; // imported by an earlier try, or given up
        const result = await runImportPass(tx, imp, {
          file: readImportFile(db, imp.id),
          write: true,
          userId: opts.userId,
          progress: progressReporter(db, imp.id),
        });
        if (result.problemCount) {
          problems = result.problems;
          throw new AppError(
            "CONFLICT",
            `The data changed since the check: ${result.problemCount} rows have problems now. Nothing was imported.`,
          );
        }
        if (result.changes.invoices !== changedInvoices(current)) {
          throw new AppError(
            "CONFLICT",
            `The data changed since the check: the file now changes ${result.changes.invoices} stored invoices, not the ${changedInvoices(current)} you confirmed. Nothing was imported; check the file again.`,
          );
        }
        const unchanged = result.rows - result.created - result.updated;
        await recordAudit(
          tx,
          { orgId: imp.orgId, userId: opts.userId },
          {
            kind: "import.committed",
            payload: {
              importId: imp.id,
              importKind: imp.kind,
              fileName: imp.fileName,
              rows: result.rows,
              created: result.created,
              updated: result.updated,
              unchanged,
              ...(imp.kind === "invoices"
                ? {
                    corrected: result.changes.invoices,
                    invoiceIdentity: importOptionsSchema.parse(imp.options).invoiceIdentity,
                  }
                : {}),
            },
          },
        );
        await tx.importFileChunk.deleteMany({ where: { importId: imp.id } });
        return tx.import.update({
          where: { id: imp.id },
          data: {
            status: "COMMITTED",
            bytesRead: imp.byteSize,
            rowCount: result.rows,
            createdCount: result.created,
            updatedCount: result.updated,
            unchangedCount: unchanged,
            finishedAt: new Date(),
          },
        });
      },
      { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
    );
  } catch (error) {
    const expected = error instanceof AppError || isCheckViolation(error);
    if (opts.retryable && !expected) throw error;
    const message = isCheckViolation(error)
      ? "A payment or invoice changed while importing, so an amount no longer fits. Nothing was imported; check the file again."
      : failureMessage(error);
    await db.import.updateMany({
      where: { id: imp.id, status: "COMMITTING" },
      data: {
        status: "FAILED",
        error: message,
        ...(problems.length ? { problems: problems as object[], problemCount: problems.length } : {}),
      },
    });
    throw error instanceof AppError ? error : new AppError("CONFLICT", message);
  }
}

function isCheckViolation(error: unknown): boolean {
  return /23514|violates check constraint/.test(String((error as Error)?.message ?? ""));
}

/** How many stored invoices the check found the file changing. */
export function changedInvoices(imp: Import): number {
  return (imp.changes as Partial<ImportChanges>).invoices ?? 0;
}
