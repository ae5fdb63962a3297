import { defineRoute } from "@/lib/actions/define-route";
import { ANY_ROLE } from "@/lib/auth/roles";
import { getReplyAttachmentFor } from "@/lib/inbound/attachment-download";

/** An emailed reply's attachment, as received, always as a download (never shown inline: it is the sender's file). */
export const GET = defineRoute<{ messageId: string; attachmentId: string }>({
  roles: ANY_ROLE,
  run: async (ctx, _request, { messageId, attachmentId }) =>
    getReplyAttachmentFor(ctx.db, { orgId: ctx.orgId, messageId, attachmentId }),
});
