import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors/app-error";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { clockNow } from "@/lib/time/dates";

/** The agency hand-off pack of a customer as a ZIP. Any role may export it (a read); every pack is audited. */
export const GET = defineRoute<{ customerId: string }>({
  roles: ANY_ROLE,
  run: async (ctx, request, { customerId }) => {
    if (!z.uuid().safeParse(customerId).success) throw notFound("That customer");
    const pack = await buildHandoffPack(ctx.db, {
      orgId: ctx.orgId,
      customerId,
      actor: { userId: ctx.userId, role: ctx.role },
      now: clockNow(),
      ip: request.headers.get("x-forwarded-for") ?? "",
    });
    return new Response(Buffer.from(pack.bytes), {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${pack.fileName}"`,
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
        "x-pack-manifest-sha256": pack.manifestSha256,
      },
    });
  },
});
