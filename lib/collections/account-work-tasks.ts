import type { TaskList } from "graphile-worker";
import type { Db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";
import { refreshAccountWork } from "./refresh-account-work";

// The worklist refreshes what it needs before every read; this task does the
// same work ahead of the reader, so the first view of a day (when that day's
// invoices fall due) or after a policy change does not wait for it.

export const REFRESH_ACCOUNT_WORK_TASK = "refresh_account_work";

/** Hourly, at five past: a day boundary in any time zone is caught within the hour. */
export const ACCOUNT_WORK_CRONTAB = `5 * * * * ${REFRESH_ACCOUNT_WORK_TASK}`;

export function accountWorkTasks(db: Db): TaskList {
  return {
    [REFRESH_ACCOUNT_WORK_TASK]: async (payload) => {
      const only = (payload as { orgId?: string } | null)?.orgId;
      const orgs = only ? [{ id: only }] : await db.organization.findMany({ select: { id: true } });
      for (const org of orgs) await refreshAccountWork(db, { orgId: org.id, now: clockNow() });
    },
  };
}
