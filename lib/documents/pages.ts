import { canWork } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { DateOnly } from "@/lib/time/dates";
import { getLetterPdf } from "./get-letter-pdf";
import { latestPrintRun } from "./print-run";
import { lettersToPost } from "./print-todays-letters";

// What these pages read, for the signed-in user: pages and components call these and
// never hold the database client (the layer rule "pages-read-through-lib").

/** The day's letters that go by post and, for those who may print, the latest print run. */
export async function getPrintPage(user: SessionUser, day: DateOnly) {
  const [letters, latest] = await Promise.all([
    lettersToPost(db(), { orgId: user.orgId, timeZone: user.timeZone, day }),
    canWork(user.role) ? latestPrintRun(db(), { orgId: user.orgId, day }) : null,
  ]);
  return { letters, latest };
}

/** The organization as the letterhead editor shows it. */
export function getLetterheadPage(user: SessionUser) {
  return db().organization.findUniqueOrThrow({ where: { id: user.orgId } });
}

/** A stored letterhead logo. Throws NOT_FOUND for another org's logo. */
export async function getLogo(user: SessionUser, sha256: string) {
  const logo = await db().orgLogo.findUnique({ where: { orgId_sha256: { orgId: user.orgId, sha256 } } });
  if (!logo) throw new AppError("NOT_FOUND", "No such logo.");
  return logo;
}

/** A stored letter as a PDF, rendered from the letter row as sent. */
export function getLetterPdfFor(user: SessionUser, letterId: string) {
  return getLetterPdf(db(), { orgId: user.orgId, letterId });
}
