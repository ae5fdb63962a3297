import { z } from "zod";
import { rollBucketDay } from "@/lib/aging/roll-bucket-day";
import type { Db } from "@/lib/db/client";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { clockNow, todayIn } from "@/lib/time/dates";
import { refreshAccountWork } from "./refresh-account-work";

// The worklist refreshes what it needs before every read; this task does the
// same work ahead of the reader, so the first view of a day (when that day's
// invoices fall due) or after a policy change does not wait for it. It also
// rolls the report's cached bucket amounts to the organization's new day.

export const REFRESH_ACCOUNT_WORK_TASK = "refresh_account_work";
/** One organization after its policy changed, or (from the crontab) every organization. */
export const REFRESH_ACCOUNT_WORK_JOB = jobType(REFRESH_ACCOUNT_WORK_TASK, z.object({ orgId: z.uuid().optional() }));

/** Hourly, at five past: a day boundary in any time zone is caught within the hour. */
export const ACCOUNT_WORK_CRONTAB = `5 * * * * ${REFRESH_ACCOUNT_WORK_TASK}`;

export function accountWorkTasks(db: Db) {
  return defineTask({
    ...REFRESH_ACCOUNT_WORK_JOB,
    run: async ({ orgId }) => {
      const orgs = await db.organization.findMany({
        where: orgId ? { id: orgId } : {},
        select: { id: true, timeZone: true },
      });
      for (const org of orgs) {
        const now = clockNow();
        await rollBucketDay(db, { orgId: org.id, today: todayIn(org.timeZone, now) });
        await refreshAccountWork(db, { orgId: org.id, now });
      }
    },
  });
}
