import { SEND_POLICY_REMINDER_JOB } from "@/lib/collections/run-policy-steps";
import type { Db } from "@/lib/db/client";
import { defineTask } from "@/lib/jobs/define-task";
import { DELIVER_LETTER_JOB } from "./constants";
import { deliverEmail } from "./deliver-email";
import type { MailTransport } from "./mail-transport";
import { sendPolicyReminder } from "./send-policy-reminder";

/** The queue's tasks: the worker in `npm start` and the tests run the same list. */
export function deliveryTasks(db: Db, transport: MailTransport) {
  return {
    ...defineTask({
      ...DELIVER_LETTER_JOB,
      run: ({ deliveryId }, helpers) => deliverEmail(db, { deliveryId, attempt: helpers.job.attempts, transport }),
    }),
    ...defineTask({ ...SEND_POLICY_REMINDER_JOB, run: ({ runId }) => sendPolicyReminder(db, { runId, transport }) }),
  };
}
