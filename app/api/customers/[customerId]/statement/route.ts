import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors/app-error";
import { downloadStatement } from "@/lib/statements/download-statement";
import { clockNow } from "@/lib/time/dates";

/** The customer's statement of account as of today, as a PDF. Any role may read it; every download is audited. */
export const GET = defineRoute<{ customerId: string }>({
  roles: ANY_ROLE,
  run: async (ctx, request, { customerId }) => {
    if (!z.uuid().safeParse(customerId).success) throw notFound("That customer");
    const { filename, pdf } = await downloadStatement(ctx.db, {
      orgId: ctx.orgId,
      customerId,
      userId: ctx.userId,
      ip: request.headers.get("x-forwarded-for") ?? "",
      now: clockNow(),
    });
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  },
});
