import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { defineTask, jobType } from "@/lib/jobs/define-task";
import { clockNow } from "@/lib/time/dates";
import { runPolicySteps } from "./run-policy-steps";

// The policies' reminders and tasks fall due by the day; the worker looks every hour
// (a day boundary in any time zone is caught within the hour) and runs what has come
// due. A step runs once per anchor, so the hourly repeats do nothing new.

export const RUN_POLICY_STEPS_TASK = "run_policy_steps";
export const RUN_POLICY_STEPS_JOB = jobType(RUN_POLICY_STEPS_TASK, z.object({ orgId: z.uuid().optional() }));
export const POLICY_STEPS_CRONTAB = `7 * * * * ${RUN_POLICY_STEPS_TASK}`;

export function policyStepsTasks(db: Db) {
  return defineTask({
    ...RUN_POLICY_STEPS_JOB,
    run: async ({ orgId }, helpers) => {
      const orgs = await db.organization.findMany({ where: orgId ? { id: orgId } : {}, select: { id: true } });
      for (const org of orgs) {
        const done = await runPolicySteps(db, { orgId: org.id, now: clockNow() });
        if (done.reminders || done.tasks)
          helpers.logger.info(`Policy steps for ${org.id}: ${done.reminders} reminders, ${done.tasks} tasks.`);
      }
    },
  });
}
