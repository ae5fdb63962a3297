import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { getReplyAttachmentOrThrow } from "./list-replies";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The attachment's bytes as a download: octet-stream, attachment disposition and nosniff,
 * so an HTML or SVG file a sender attached never runs in the app's origin.
 */
export async function getReplyAttachmentFor(
  db: DbOrTx,
  opts: { orgId: string; messageId: string; attachmentId: string },
): Promise<Response> {
  if (!UUID.test(opts.messageId) || !UUID.test(opts.attachmentId))
    throw new AppError("NOT_FOUND", "That attachment was not found.");
  const file = await getReplyAttachmentOrThrow(db, opts);
  const name = (file.filename || "attachment").replace(/[^\w.\- ]+/g, "_").slice(0, 120);
  return new Response(new Uint8Array(file.content), {
    headers: {
      "content-type": "application/octet-stream",
      "content-disposition": `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(file.filename || name)}`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
