import { z } from "zod";
import { defineRoute } from "@/lib/actions/define-route";
import { WORKING_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import { IMPORT_KINDS } from "@/lib/imports/fields";
import { MAX_IMPORT_BYTES, receiveImportFile } from "@/lib/imports/receive-import-file";

const querySchema = z.object({ kind: z.enum(IMPORT_KINDS), name: z.string().max(255).default("upload.csv") });

/**
 * Upload of a CSV file as the raw request body (`?kind=invoices&name=file.csv`),
 * streamed into the database: server actions cap bodies at 1 MB, imports go to 150 MB.
 */
export const POST = defineRoute({
  roles: WORKING_ROLES,
  run: async (ctx, request) => {
    const url = new URL(request.url);
    const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success)
      throw new AppError("INVALID_INPUT", "Choose what the file holds: customers, invoices or payments.");
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > MAX_IMPORT_BYTES) {
      throw new AppError(
        "TOO_LARGE",
        `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one after another.`,
      );
    }
    if (!request.body)
      throw new AppError("INVALID_INPUT", "The file is empty. Export the data again and upload the CSV file.");
    const imp = await receiveImportFile(ctx.db, {
      orgId: ctx.orgId,
      userId: ctx.userId,
      kind: query.data.kind,
      fileName: query.data.name,
      body: request.body as unknown as AsyncIterable<Uint8Array>,
    });
    return Response.json({ id: imp.id }, { status: 201 });
  },
});
