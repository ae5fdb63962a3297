import { z } from "zod";
import { jobType } from "@/lib/jobs/define-task";

// The task keeps its first name (jobs already queued carry it) though it now delivers any kind of document.
export const DELIVER_LETTER_TASK = "deliver_letter_email";
/** Emails one stored document (a letter, a statement): the delivery row says which and to whom. */
export const DELIVER_LETTER_JOB = jobType(DELIVER_LETTER_TASK, z.object({ deliveryId: z.uuid() }));
/** One try now and three retries with graphile-worker's exponential backoff (about 3 s, 7 s, 20 s). */
export const MAX_DELIVERY_ATTEMPTS = 4;
