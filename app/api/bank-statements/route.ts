import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { MAX_BANK_STATEMENT_BYTES, receiveBankStatement } from "@/lib/bank/receive-bank-statement";
import { AppError } from "@/lib/errors/app-error";

const querySchema = z.object({ name: z.string().max(255).default("statement.xml") });

/**
 * The Bank page's upload: a camt.053/camt.054 file as the raw request body
 * (`?name=file.xml`). Stored and queued; the job queue parses and matches it.
 * (The public API's POST /api/v1/bank-statements calls the same receiveBankStatement.)
 */
export const POST = defineRoute({
  roles: WORKING_ROLES,
  run: async (ctx, request) => {
    const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!query.success) throw new AppError("INVALID_INPUT", "The file name is too long.");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_BANK_STATEMENT_BYTES)
      throw new AppError("TOO_LARGE", `A bank statement may be at most ${MAX_BANK_STATEMENT_BYTES / 1024 / 1024} MB.`);
    const bytes = Buffer.from(await request.arrayBuffer());
    const received = await receiveBankStatement(ctx.db, {
      orgId: ctx.orgId,
      actor: { userId: ctx.userId },
      bytes,
      fileName: query.data.name,
      contentType: request.headers.get("content-type") ?? "",
      source: "upload",
    });
    return Response.json(received, { status: 201 });
  },
});
