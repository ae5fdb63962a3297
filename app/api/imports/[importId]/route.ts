import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { getImportOrThrow } from "@/lib/imports/get-import";

/** An import's status and progress, polled by the import page. */
export const GET = defineRoute<{ importId: string }>({
  roles: ANY_ROLE,
  run: async (ctx, _request, { importId }) => {
    const imp = await getImportOrThrow(ctx.db, { orgId: ctx.orgId, importId });
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
