export const DELIVER_LETTER_TASK = "deliver_letter_email";
/** One try now and three retries with graphile-worker's exponential backoff (about 3 s, 7 s, 20 s). */
export const MAX_DELIVERY_ATTEMPTS = 4;
