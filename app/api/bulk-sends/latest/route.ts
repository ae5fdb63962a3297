import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { getBulkSend } from "@/lib/letters/bulk-send";

/** The organization's latest "send all due letters" run with its results so far, polled by the worklist. */
export const GET = defineRoute({
  roles: WORKING_ROLES,
  run: async (ctx) => {
    const run = await getBulkSend(ctx.db, { orgId: ctx.orgId });
    return Response.json({ run }, { headers: { "cache-control": "no-store" } });
  },
});
