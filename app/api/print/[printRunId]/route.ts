import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { getPrintRun } from "@/lib/documents/print-run";

/** A print run's progress, polled by the print page; another organization's run is not found. */
export const GET = defineRoute<{ printRunId: string }>({
  roles: WORKING_ROLES,
  run: async (ctx, _request, { printRunId }) => {
    const run = await getPrintRun(ctx.db, { orgId: ctx.orgId, printRunId });
    return Response.json(run, { headers: { "Cache-Control": "no-store" } });
  },
});
