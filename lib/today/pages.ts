import { canWork } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";
import { loadToday, type TodaySectionKey } from "./today-sections";

// What the Today page reads for the signed-in user (pages never hold the database client).

/** Items per section on the overview; "show all" pages a section by this many. */
export const TODAY_OVERVIEW_LIMIT = 5;
export const TODAY_PAGE_SIZE = 50;

export async function getTodayPage(
  user: SessionUser,
  opts: { mine: boolean; section?: TodaySectionKey; page?: number },
) {
  const now = clockNow();
  const result = await loadToday(db(), {
    orgId: user.orgId,
    now,
    timeZone: user.timeZone,
    locale: user.locale,
    mine: opts.mine ? user.userId : null,
    section: opts.section,
    page: opts.page,
    limit: opts.section ? TODAY_PAGE_SIZE : TODAY_OVERVIEW_LIMIT,
  });
  return { ...result, now, canWork: canWork(user.role) };
}
