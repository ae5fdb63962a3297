import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getImportOrThrow } from "@/lib/imports/get-import";

/** An import's status and progress, polled by the import page. */
export const GET = defineRoute<{ importId: string }>({
  roles: ANY_ROLE,
  run: async (user, _request, { importId }) => {
    const imp = await getImportOrThrow(db(), { orgId: user.orgId, importId });
    return Response.json(
      {
        status: imp.status,
        bytesRead: imp.bytesRead,
        byteSize: imp.byteSize,
        rowCount: imp.rowCount,
        error: imp.error,
      },
      { headers: { "cache-control": "no-store" } },
    );
  },
});
