import type { DbOrTx } from "@/lib/db/client";
import { ALL_ACCOUNTS } from "@/lib/delivery/reply-address";

// Where an inbound message belongs. The organization: the one whose reply domain the
// message was sent to. The account: the reply token in the address (reply+<token>@),
// else the customer whose email address sent it (when exactly one customer has it),
// else none: the message waits in the unassigned replies queue.

const REPLY_LOCAL = /^reply\+([a-z2-7]{20})$/;

export interface Destination {
  orgId: string;
  /** The recipient address that named the organization. */
  toAddress: string;
  account: { customerId: string; currency: string | null; matchedBy: "token" | "sender" } | null;
}

function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf("@");
  if (at < 1) return null;
  return {
    local: address.slice(0, at).trim().toLowerCase(),
    domain: address
      .slice(at + 1)
      .trim()
      .toLowerCase(),
  };
}

/** null: no organization receives mail at any of these addresses. */
export async function findDestination(
  db: DbOrTx,
  opts: { recipients: string[]; sender: string | null },
): Promise<Destination | null> {
  const parts = opts.recipients.map((a) => ({ address: a, ...split(a) })).filter((p) => p.domain);
  if (!parts.length) return null;
  const domains = [...new Set(parts.map((p) => p.domain!))];
  const orgs = await db.organization.findMany({
    where: { replyDomain: { in: domains } },
    select: { id: true, replyDomain: true },
  });
  if (!orgs.length) return null;
  // A token address wins over a plain address of the same organization.
  const ordered = [...parts].sort((a, b) => Number(REPLY_LOCAL.test(b.local!)) - Number(REPLY_LOCAL.test(a.local!)));
  for (const part of ordered) {
    const org = orgs.find((o) => o.replyDomain === part.domain);
    if (!org) continue;
    const token = REPLY_LOCAL.exec(part.local!)?.[1];
    if (token) {
      const row = await db.replyToken.findFirst({
        where: { orgId: org.id, token },
        select: { customerId: true, currency: true },
      });
      if (row)
        return {
          orgId: org.id,
          toAddress: part.address,
          account: {
            customerId: row.customerId,
            currency: row.currency === ALL_ACCOUNTS ? null : row.currency,
            matchedBy: "token",
          },
        };
    }
    return { orgId: org.id, toAddress: part.address, account: await bySender(db, org.id, opts.sender) };
  }
  return null;
}

async function bySender(db: DbOrTx, orgId: string, sender: string | null): Promise<Destination["account"]> {
  if (!sender) return null;
  const customers = await db.customer.findMany({
    where: { orgId, email: { equals: sender, mode: "insensitive" } },
    select: { id: true },
    take: 2,
  });
  // Two customers share the address (a group's accounts department): a collector decides.
  if (customers.length !== 1) return null;
  return { customerId: customers[0].id, currency: null, matchedBy: "sender" };
}
