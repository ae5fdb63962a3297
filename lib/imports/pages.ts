import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { firstRecords } from "./choose-header-row";
import { getImportOrThrow } from "./get-import";
import { readImportColumns } from "./import-columns";
import { listRecentImports } from "./list-imports";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

export function getImportsPage(user: SessionUser) {
  return listRecentImports(db(), { orgId: user.orgId });
}

/** One import and its progress, its JSON columns parsed. Throws NOT_FOUND for another org's import. */
export async function getImportPage(user: SessionUser, importId: string) {
  const imp = await getImportOrThrow(db(), { orgId: user.orgId, importId });
  return { ...imp, ...readImportColumns(imp) };
}

/** The file's first rows as they are, for choosing the header row. */
export function getImportFirstRows(user: SessionUser, importId: string) {
  return firstRecords(db(), { orgId: user.orgId, importId });
}
