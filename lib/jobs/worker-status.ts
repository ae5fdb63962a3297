import { db } from "@/lib/db/client";
import { queueIsStalled } from "./worker-liveness";

/** How long one answer serves every page of this server process: a banner minutes late is fine, a query per page is not. */
const FRESH_MS = 5_000;
let last: { at: number; answer: Promise<boolean> } | undefined;

/**
 * For the app's layout: whether to say that queued work is waiting for a
 * worker that is not running. The same for every user and organization (it is
 * the server's queue), so one answer is shared for a few seconds.
 */
export function getQueueStalled(now = Date.now()): Promise<boolean> {
  if (!last || now - last.at > FRESH_MS) {
    // The banner never breaks a page.
    const ask = async () => queueIsStalled(db());
    last = { at: now, answer: ask().catch(() => false) };
  }
  return last.answer;
}
