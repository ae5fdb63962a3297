import type { ApiContext } from "@/lib/api-runtime/define-operation";
import { type DateOnly, todayIn } from "@/lib/time/dates";

/** Today in the caller's organization's time zone: every "as of" and "days past due" counts from it. */
export async function orgToday(ctx: ApiContext): Promise<DateOnly> {
  const org = await ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { timeZone: true } });
  return todayIn(org.timeZone, ctx.now);
}
