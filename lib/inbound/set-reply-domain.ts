import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// The organization's reply domain: outgoing emails carry reply+<token>@ this domain, and
// mail to it is taken as the organization's (lib/inbound/find-account.ts). Its MX (or the
// provider's inbound route, or the mailbox) must deliver to this app: docs/inbound-email.md.

export const REPLY_DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export async function setReplyDomain(db: Db, opts: { orgId: string; actor: Actor; replyDomain: string | null }) {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator sets the reply domain.");
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId }, select: { replyDomain: true } });
    if (org.replyDomain === opts.replyDomain) return { changed: false };
    if (opts.replyDomain) {
      const taken = await tx.organization.count({ where: { replyDomain: opts.replyDomain, id: { not: opts.orgId } } });
      if (taken)
        throw new AppError("CONFLICT", "Another organization on this server takes replies at that domain.", {
          replyDomain: ["Choose a domain of your own."],
        });
    }
    await tx.organization.update({ where: { id: opts.orgId }, data: { replyDomain: opts.replyDomain } });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "organization.updated",
        payload: { before: { replyDomain: org.replyDomain }, after: { replyDomain: opts.replyDomain } },
      },
    );
    return { changed: true };
  });
}
