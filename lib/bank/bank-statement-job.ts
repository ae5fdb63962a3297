import { z } from "zod";
import { jobType } from "@/lib/jobs/define-task";

/** The durable job that parses, matches and records one received statement (lib/bank/process-bank-statement.ts). */
export const PROCESS_BANK_STATEMENT_JOB = jobType(
  "process_bank_statement",
  z.object({ orgId: z.uuid(), statementId: z.uuid(), userId: z.uuid().nullable() }),
);
/** One try and two retries for an unexpected error; a file that cannot be read fails at once. */
export const MAX_BANK_STATEMENT_ATTEMPTS = 3;
export const bankStatementJobKey = (statementId: string) => `bank_statement:${statementId}`;
