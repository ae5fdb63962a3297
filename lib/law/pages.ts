import { db } from "@/lib/db/client";
import { getLawPage } from "./get-law-page";

// What the law settings page reads, for the signed-in user (the layer rule "pages-read-through-lib").

export function getLawSettingsPage(user: { orgId: string }) {
  return getLawPage(db(), { orgId: user.orgId });
}
