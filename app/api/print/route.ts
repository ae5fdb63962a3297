import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { startPrintRun } from "@/lib/documents/print-run";
import { clockNow, isDateOnly, todayIn } from "@/lib/time/dates";

const querySchema = z.object({ day: z.string().refine(isDateOnly).optional().catch(undefined) });

// Starts "print today's letters" (or another day's) on the job queue; the page polls /api/print/{id} for progress.
export const POST = defineRoute({
  roles: WORKING_ROLES,
  run: async (ctx, request) => {
    const { day } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const run = await startPrintRun(ctx.db, {
      orgId: ctx.orgId,
      userId: ctx.userId,
      day: day ?? todayIn(ctx.timeZone, clockNow()),
    });
    return Response.json(run, { status: 202 });
  },
});
