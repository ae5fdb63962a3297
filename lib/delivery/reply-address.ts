import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";

// Every email to a customer carries a Reply-To that names the account:
// reply+<token>@<the organization's reply domain>. lib/inbound reads the token back
// from the recipient of a reply and files the message on that account.

/** ISO 4217 "no currency": the token of a document that covers all the customer's accounts (a statement). */
export const ALL_ACCOUNTS = "XXX";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
/** 20 base32 characters: 100 random bits, lower case (mail systems may fold the local part's case). */
export function newReplyToken(): string {
  const bytes = randomBytes(20);
  return Array.from(bytes, (b) => ALPHABET[b & 31]).join("");
}

/** The reply address of an account (made once, then reused), or null when the organization set no reply domain. */
export async function replyAddressFor(
  db: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string | null },
): Promise<string | null> {
  const org = await db.organization.findUnique({ where: { id: opts.orgId }, select: { replyDomain: true } });
  if (!org?.replyDomain) return null;
  const currency = opts.currency ?? ALL_ACCOUNTS;
  const key = { orgId: opts.orgId, customerId: opts.customerId, currency };
  // Two deliveries at once: the unique key makes the second insert a no-op, and both read the winner.
  await db.replyToken.createMany({ data: [{ ...key, token: newReplyToken() }], skipDuplicates: true });
  const row = await db.replyToken.findUniqueOrThrow({
    where: { orgId_customerId_currency: key },
    select: { token: true },
  });
  return `reply+${row.token}@${org.replyDomain}`;
}
