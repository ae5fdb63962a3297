import type { Db } from "@/lib/db/client";
import { defineTask } from "@/lib/jobs/define-task";
import { DELIVER_LETTER_JOB } from "./constants";
import { deliverEmail } from "./deliver-email";
import type { MailTransport } from "./mail-transport";

/** The queue's tasks: the worker in `npm start` and the tests run the same list. */
export function deliveryTasks(db: Db, transport: MailTransport) {
  return defineTask({
    ...DELIVER_LETTER_JOB,
    run: ({ deliveryId }, helpers) => deliverEmail(db, { deliveryId, attempt: helpers.job.attempts, transport }),
  });
}
