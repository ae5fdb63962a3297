import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

// What the collector's pages show of inbound mail: the unassigned queue, one reply with
// its attachments, and the customers a queued reply could belong to.

export interface ReplySummary {
  id: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  excerpt: string;
  receivedAt: Date;
  autoReply: boolean;
  attachments: number;
}

const summary = {
  id: true,
  fromAddress: true,
  fromName: true,
  subject: true,
  textBody: true,
  receivedAt: true,
  autoReply: true,
  _count: { select: { attachments: true } },
} as const;

type SummaryRow = {
  id: string;
  fromAddress: string;
  fromName: string;
  subject: string;
  textBody: string;
  receivedAt: Date;
  autoReply: boolean;
  _count: { attachments: number };
};

const toSummary = (m: SummaryRow): ReplySummary => ({
  id: m.id,
  fromAddress: m.fromAddress,
  fromName: m.fromName,
  subject: m.subject,
  excerpt: m.textBody.replace(/\s+/g, " ").trim().slice(0, 200),
  receivedAt: m.receivedAt,
  autoReply: m.autoReply,
  attachments: m._count.attachments,
});

/** The organization's replies that found no account, newest first (at most `limit`), and how many there are. */
export async function listUnassignedReplies(db: DbOrTx, opts: { orgId: string; limit: number }) {
  const where = { orgId: opts.orgId, customerId: null };
  const [rows, count] = await Promise.all([
    db.inboundMessage.findMany({
      where,
      select: summary,
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: opts.limit,
    }),
    db.inboundMessage.count({ where }),
  ]);
  return { count, replies: rows.map(toSummary) };
}

export async function countUnassignedReplies(db: DbOrTx, opts: { orgId: string }) {
  return db.inboundMessage.count({ where: { orgId: opts.orgId, customerId: null } });
}

/** One reply of the organization, with its text, attachments (without bytes) and account. */
export async function getReplyOrThrow(db: DbOrTx, opts: { orgId: string; messageId: string }) {
  const m = await db.inboundMessage.findFirst({
    where: { id: opts.messageId, orgId: opts.orgId },
    select: {
      ...summary,
      toAddress: true,
      sentAt: true,
      currency: true,
      matchedBy: true,
      readAt: true,
      readBy: { select: { name: true } },
      customer: { select: { id: true, name: true, reference: true } },
      attachments: { select: { id: true, filename: true, contentType: true, sizeBytes: true }, orderBy: { id: "asc" } },
    },
  });
  if (!m) throw new AppError("NOT_FOUND", "That reply was not found.");
  return {
    ...toSummary(m),
    text: m.textBody,
    toAddress: m.toAddress,
    sentAt: m.sentAt,
    currency: m.currency?.trim() ?? null,
    matchedBy: m.matchedBy,
    read: m.readAt ? { at: m.readAt, by: m.readBy?.name ?? "" } : null,
    customer: m.customer,
    files: m.attachments,
  };
}

/**
 * Customers a queued reply may belong to: those whose email shares the sender's domain
 * first, then by name; with their currencies. At most `limit`.
 */
export async function listAssignCandidates(db: DbOrTx, opts: { orgId: string; senderDomain: string; limit: number }) {
  const pick = { id: true, name: true, reference: true, accounts: { select: { currency: true } } } as const;
  const sameDomain = opts.senderDomain
    ? await db.customer.findMany({
        where: { orgId: opts.orgId, email: { endsWith: `@${opts.senderDomain}`, mode: "insensitive" } },
        select: pick,
        orderBy: { name: "asc" },
        take: opts.limit,
      })
    : [];
  const rest = await db.customer.findMany({
    where: { orgId: opts.orgId, id: { notIn: sameDomain.map((c) => c.id) } },
    select: pick,
    orderBy: { name: "asc" },
    take: Math.max(0, opts.limit - sameDomain.length),
  });
  return [...sameDomain, ...rest].map((c) => ({
    id: c.id,
    label: `${c.name} (${c.reference})`,
    currencies: c.accounts.map((a) => a.currency.trim()),
  }));
}

/** An attachment's bytes as received, for download (the organization's own messages only). */
export async function getReplyAttachmentOrThrow(
  db: DbOrTx,
  opts: { orgId: string; messageId: string; attachmentId: string },
) {
  const file = await db.inboundAttachment.findFirst({
    where: { id: opts.attachmentId, messageId: opts.messageId, message: { orgId: opts.orgId } },
    select: { filename: true, content: true },
  });
  if (!file) throw new AppError("NOT_FOUND", "That attachment was not found.");
  return file;
}
