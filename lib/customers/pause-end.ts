import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { clockNow, type DateOnly, todayIn } from "@/lib/time/dates";

/**
 * The one rule for a pause's last day, wherever a pause is set (the customer form and the
 * worklist's "Pause dunning"): today or later in the organization's time zone, or none.
 * The form accepted a past day the worklist refused (issue 22).
 */
export async function assertPauseEndNotPast(
  tx: DbOrTx,
  opts: { orgId: string; until: DateOnly | null | undefined; now?: Date },
): Promise<void> {
  if (!opts.until) return;
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { timeZone: true } });
  if (opts.until < todayIn(org.timeZone, opts.now ?? clockNow()))
    throw new AppError("INVALID_INPUT", "The pause's last day is in the past.", {
      pauseUntil: ["Choose today or a later day, or leave it empty."],
    });
}
