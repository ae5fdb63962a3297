import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { getPrintRunPdf } from "@/lib/documents/print-run";
import { pdfResponse } from "@/lib/http/route-auth";

/** A finished print run's PDF, from the database: any app server can serve it. */
export const GET = defineRoute<{ printRunId: string }>({
  roles: WORKING_ROLES,
  run: async (ctx, _request, { printRunId }) => {
    const { filename, pdf } = await getPrintRunPdf(ctx.db, { orgId: ctx.orgId, printRunId });
    return pdfResponse(pdf, filename);
  },
});
