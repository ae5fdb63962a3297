import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { listUsers } from "./list-users";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

export function getUsersPage(user: SessionUser) {
  return listUsers(db(), { orgId: user.orgId });
}
