import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { defineTask } from "@/lib/jobs/define-task";
import { isLastAttempt } from "@/lib/jobs/interrupted";
import { clockNow, todayIn } from "@/lib/time/dates";
import { PROCESS_BANK_STATEMENT_JOB } from "./bank-statement-job";
import { parseCamt } from "./parse-camt";
import { recordStatementLines, type StatementRecorded } from "./record-statement-lines";
import type { ParsedStatement } from "./statement-lines";

/**
 * Reads a CSV statement through the columns fixed when it was received. It
 * lives with the Import page's mapping (lib/imports/read-bank-csv.ts, a layer
 * above this one), so the worker hands it in.
 */
export type CsvStatementReader = (
  bytes: Uint8Array,
  columns: unknown,
  ctx: { defaultCurrency: string },
) => Promise<ParsedStatement>;

/** Reads a received camt XML file; a bank's CSV export is received with its columns (the Import page's mapping, or recognised headers). */
export function readStatementFile(bytes: Uint8Array) {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (!/^\s*</.test(text))
    throw new AppError(
      "INVALID_INPUT",
      "This is not a camt.053 or camt.054 XML file. A bank's CSV export is imported on the Import page (kind “Bank statement”), where its columns are mapped, or sent to the API as text/csv.",
    );
  return parseCamt(text);
}

async function readStatement(
  statement: { bytes: Uint8Array; csvColumns: unknown; org: { defaultCurrency: string } },
  readCsv: CsvStatementReader | undefined,
): Promise<ParsedStatement> {
  if (statement.csvColumns === null) return readStatementFile(statement.bytes);
  if (!readCsv) throw new AppError("INVALID_INPUT", "This worker was started without the CSV statement reader.");
  return readCsv(statement.bytes, statement.csvColumns, { defaultCurrency: statement.org.defaultCurrency });
}

/**
 * Processes one queued statement: claims it (queued → processing), reads the
 * file, then records every line and the statement's counts in one transaction.
 * A file that cannot be read marks the statement failed with the reason; an
 * unexpected error before the last attempt is thrown for the queue to retry.
 * Returns what was recorded, after commit (null when there was nothing to do).
 */
export async function processBankStatement(
  db: Db,
  job: { orgId: string; statementId: string; userId: string | null },
  opts: { retryable: boolean; now?: Date; readCsv?: CsvStatementReader },
): Promise<StatementRecorded | null> {
  const claimed = await db.bankStatement.updateMany({
    where: { id: job.statementId, orgId: job.orgId, status: { in: ["queued", "processing"] } },
    data: { status: "processing" },
  });
  if (!claimed.count) return null;
  const statement = await db.bankStatement.findUniqueOrThrow({
    where: { id: job.statementId },
    select: { bytes: true, csvColumns: true, org: { select: { timeZone: true, defaultCurrency: true } } },
  });
  const now = opts.now ?? clockNow();
  try {
    const parsed = await readStatement(statement, opts.readCsv);
    return await db.$transaction(
      (tx) => recordStatementLines(tx, { ...job, today: todayIn(statement.org.timeZone, now), now }, parsed),
      { timeout: 10 * 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    if (!(error instanceof AppError) && opts.retryable) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await db.bankStatement.update({
      where: { id: job.statementId },
      data: { status: "failed", error: message.slice(0, 1000), processedAt: now },
    });
    return null;
  }
}

/**
 * The queue's bank statement task (scripts/worker.ts and the tests run it).
 * `afterProcessed` runs after commit with what was recorded (the
 * `bank_statement.processed` event is already queued in the recording transaction).
 */
export function bankStatementTasks(
  db: Db,
  hooks: { afterProcessed?: (done: StatementRecorded) => Promise<void>; readCsv?: CsvStatementReader } = {},
) {
  return defineTask({
    ...PROCESS_BANK_STATEMENT_JOB,
    run: async (job, helpers) => {
      const done = await processBankStatement(db, job, {
        retryable: !isLastAttempt(helpers.job),
        readCsv: hooks.readCsv,
      });
      if (done && hooks.afterProcessed) await hooks.afterProcessed(done);
    },
  });
}
