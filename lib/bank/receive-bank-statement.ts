import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/events";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { addJob } from "@/lib/jobs/queue";
import { bankStatementJobKey, MAX_BANK_STATEMENT_ATTEMPTS, PROCESS_BANK_STATEMENT_JOB } from "./bank-statement-job";

/**
 * A week of a busy account as camt.053 is a few MB; 50,000 entries are about 40 MB.
 * Larger files are refused before anything is stored (the API answers 413 from this).
 */
export const MAX_BANK_STATEMENT_BYTES = 50 * 1024 * 1024;

export type BankStatementSource = "upload" | "import" | "api" | "folder";

/**
 * Stores a bank statement file as received (bytes and SHA-256), creates its row
 * "queued" and queues the parse/match job with the audit record, all in one
 * transaction: nothing is parsed on the web process. The same bytes received
 * before are stored and processed again (every line then counts as a duplicate),
 * and `duplicateOf` names the first.
 */
export async function receiveBankStatement(
  db: Db,
  opts: StatementFile & { source: Exclude<BankStatementSource, "import"> },
): Promise<{ id: string; duplicateOf?: string }> {
  return db.$transaction(async (tx) => {
    const stored = await storeBankStatement(tx, opts);
    await addJob(
      tx,
      PROCESS_BANK_STATEMENT_JOB,
      { orgId: opts.orgId, statementId: stored.id, userId: opts.actor.userId },
      { jobKey: bankStatementJobKey(stored.id), maxAttempts: MAX_BANK_STATEMENT_ATTEMPTS },
    );
    return stored;
  });
}

interface StatementFile {
  orgId: string;
  actor: { userId: string | null };
  bytes: Buffer;
  fileName?: string;
  contentType?: string;
  source: BankStatementSource;
  /** A CSV export: how its columns are read (lib/imports/read-bank-csv.ts), fixed now. */
  csvColumns?: object;
}

/**
 * The statement's row and its `bank_statement.received` audit record, in the
 * caller's transaction: receiveBankStatement queues it; the Import page's
 * "Bank statement" kind records its lines in its own commit.
 */
export async function storeBankStatement(
  tx: DbOrTx,
  opts: StatementFile,
): Promise<{ id: string; duplicateOf?: string }> {
  if (!opts.bytes.length) throw new AppError("INVALID_INPUT", "The bank statement file is empty.");
  if (opts.bytes.length > MAX_BANK_STATEMENT_BYTES)
    throw new AppError(
      "INVALID_INPUT",
      `The file is ${(opts.bytes.length / 1024 / 1024).toFixed(1)} MB; a bank statement may be at most ${MAX_BANK_STATEMENT_BYTES / 1024 / 1024} MB. Ask the bank for one file per day.`,
    );
  const sha256 = createHash("sha256").update(opts.bytes).digest("hex");
  const earlier = await tx.bankStatement.findFirst({
    where: { orgId: opts.orgId, sha256 },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const statement = await tx.bankStatement.create({
    data: {
      orgId: opts.orgId,
      source: opts.source,
      fileName: (opts.fileName ?? "").slice(0, 255),
      contentType: (opts.contentType ?? "").slice(0, 100),
      byteSize: opts.bytes.length,
      sha256,
      bytes: new Uint8Array(opts.bytes),
      csvColumns: opts.csvColumns ?? Prisma.DbNull,
      duplicateOfId: earlier?.id ?? null,
      createdById: opts.actor.userId,
    },
    select: { id: true },
  });
  await recordAudit(
    tx,
    { orgId: opts.orgId, userId: opts.actor.userId },
    {
      kind: "bank_statement.received",
      payload: {
        statementId: statement.id,
        source: opts.source,
        fileName: (opts.fileName ?? "").slice(0, 255),
        sha256,
        byteSize: opts.bytes.length,
        duplicateOf: earlier?.id ?? null,
      },
    },
  );
  return earlier ? { id: statement.id, duplicateOf: earlier.id } : { id: statement.id };
}
