import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getPrintRunPdf } from "@/lib/documents/print-run";
import { pdfResponse } from "@/lib/http/route-auth";

/** A finished print run's PDF, from the database: any app server can serve it. */
export const GET = defineRoute<{ printRunId: string }>({
  roles: WORKING_ROLES,
  run: async (user, _request, { printRunId }) => {
    const { filename, pdf } = await getPrintRunPdf(db(), { orgId: user.orgId, printRunId });
    return pdfResponse(pdf, filename);
  },
});
