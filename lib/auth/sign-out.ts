import { signOut } from "@/lib/auth/auth";
import { endSessions } from "@/lib/auth/end-sessions";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

/** Signs out for good: clears this browser's cookie, and the server refuses every earlier token of the user (endSessions). */
export async function signOutEverywhere(): Promise<void> {
  const user = await getSessionUser();
  if (user) await endSessions(db(), user.userId);
  await signOut({ redirectTo: "/sign-in" });
}
