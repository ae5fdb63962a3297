import { db } from "@/lib/db/client";
import { queueIsStalled } from "./worker-liveness";

/** For the app's layout: whether to say that queued work is waiting for a worker that is not running. */
export async function getQueueStalled(): Promise<boolean> {
  try {
    return await queueIsStalled(db());
  } catch {
    return false; // The banner never breaks a page.
  }
}
