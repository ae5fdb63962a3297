import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { clearOldPrintPdfs } from "@/lib/documents/print-run";
import { clearUnimportedFiles } from "@/lib/imports/import-file";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { deleteOldRateWindows } from "@/lib/portal/rate-limit";

// Daily clean-up of bulky bytes nobody will read again: print PDFs a day after
// their run (the letters themselves are the record), and uploaded files never
// imported after a week. The rows stay; only their bytes go. And the customer page's
// rate-limit counters older than a day, which count for nothing.

export const HOUSEKEEPING_TASK = "housekeeping";
export const HOUSEKEEPING_CRONTAB = `17 3 * * * ${HOUSEKEEPING_TASK}`;

export async function runHousekeeping(
  db: Db,
  now: Date,
): Promise<{ printPdfs: number; importFiles: number; rateWindows: number }> {
  return {
    printPdfs: await clearOldPrintPdfs(db, now),
    importFiles: await clearUnimportedFiles(db, now),
    rateWindows: await deleteOldRateWindows(db, now),
  };
}

/** Run by the crontab only; its payload is empty. */
export const HOUSEKEEPING_JOB = jobType(HOUSEKEEPING_TASK, z.object({}));

export function housekeepingTasks(db: Db) {
  return defineTask({
    ...HOUSEKEEPING_JOB,
    run: async (_payload, helpers) => {
      const done = await runHousekeeping(db, new Date());
      helpers.logger.info(
        `Housekeeping: ${done.printPdfs} print PDFs and ${done.importFiles} unimported files cleared, ${done.rateWindows} old rate-limit windows deleted.`,
      );
    },
  });
}
