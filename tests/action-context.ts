import type { ActionContext } from "@/lib/actions/run-action";
import { loadSessionUser } from "@/lib/auth/session-user";
import type { Db } from "@/lib/db/client";

/** What the server action entry (performAction) would hand an action for this signed-in user. */
export async function actionContextFor(db: Db, userId: string, ip = "203.0.113.7"): Promise<ActionContext> {
  const user = await loadSessionUser(db, userId);
  if (!user) throw new Error(`user ${userId} cannot have a session`);
  return { ...user, ip, db };
}
