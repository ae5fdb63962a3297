import type { TaskList } from "graphile-worker";
import type { Db } from "@/lib/db/client";
import { DELIVER_LETTER_TASK } from "./constants";
import { deliverLetterEmail } from "./deliver-letter-email";
import type { MailTransport } from "./mail-transport";

/** The queue's tasks: the worker in `npm start` and the tests run the same list. */
export function deliveryTasks(db: Db, transport: MailTransport): TaskList {
  return {
    [DELIVER_LETTER_TASK]: async (payload, helpers) => {
      const { deliveryId } = payload as { deliveryId: string };
      await deliverLetterEmail(db, { deliveryId, attempt: helpers.job.attempts, transport });
    },
  };
}
