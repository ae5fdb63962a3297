import type { SessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db/client";
import {
  countUnassignedReplies,
  getReplyAttachmentOrThrow,
  getReplyOrThrow,
  listAssignCandidates,
  listUnassignedReplies,
} from "./list-replies";

// What the collector's pages read of inbound mail (pages never hold the database client).

export const UNASSIGNED_PAGE_SIZE = 50;
const CANDIDATES = 200;

export const getUnassignedReplies = (user: SessionUser) =>
  listUnassignedReplies(db(), { orgId: user.orgId, limit: UNASSIGNED_PAGE_SIZE });

export const getUnassignedReplyCount = (user: SessionUser) => countUnassignedReplies(db(), { orgId: user.orgId });

export async function getReplyPage(user: SessionUser, messageId: string) {
  const reply = await getReplyOrThrow(db(), { orgId: user.orgId, messageId });
  const candidates = reply.customer
    ? []
    : await listAssignCandidates(db(), {
        orgId: user.orgId,
        senderDomain: reply.fromAddress.split("@")[1] ?? "",
        limit: CANDIDATES,
      });
  return { reply, candidates };
}

export const getReplyAttachment = (user: SessionUser, messageId: string, attachmentId: string) =>
  getReplyAttachmentOrThrow(db(), { orgId: user.orgId, messageId, attachmentId });

export async function getReplyDomain(user: SessionUser) {
  const org = await db().organization.findUniqueOrThrow({ where: { id: user.orgId }, select: { replyDomain: true } });
  return org.replyDomain;
}
