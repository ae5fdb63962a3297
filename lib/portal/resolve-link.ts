import type { DbOrTx } from "@/lib/db/client";
import { PORTAL_TOKEN_PATTERN, portalTokenSha256 } from "@/lib/documents/portal-link";

// From a token in an address to the one account it opens. The page shows the same
// "this link does not work" for every refusal, so a visitor cannot tell an unknown
// token from an expired or revoked one; the reason is kept for tests and the log.

export interface PortalAccount {
  linkId: string;
  orgId: string;
  customerId: string;
  currency: string;
  /** The link stops working at this instant unless a newer document extends it. */
  expiresAt: Date;
}

export type ResolvedLink =
  | { ok: true; account: PortalAccount }
  | { ok: false; reason: "malformed" | "unknown" | "revoked" | "expired" };

const DAY_MS = 86_400_000;

/**
 * A link works while the account's newest letter or statement is younger than the
 * organization's portal_link_days, and no revocation of the account came at or after
 * the link's own document. Derived at each look-up: nothing flips a status.
 */
export async function resolvePortalLink(tx: DbOrTx, token: string, now: Date): Promise<ResolvedLink> {
  if (!PORTAL_TOKEN_PATTERN.test(token)) return { ok: false, reason: "malformed" };
  const link = await tx.portalLink.findUnique({
    where: { tokenSha256: portalTokenSha256(token) },
    include: { org: { select: { portalLinkDays: true } } },
  });
  if (!link) return { ok: false, reason: "unknown" };
  const account = { orgId: link.orgId, customerId: link.customerId, currency: link.currency };
  const revoked = await tx.portalRevocation.findFirst({
    where: { ...account, revokedAt: { gte: link.issuedAt } },
    select: { id: true },
  });
  if (revoked) return { ok: false, reason: "revoked" };
  const [newestLetter, newestStatement] = await Promise.all([
    tx.letter.findFirst({ where: account, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    tx.statement.findFirst({
      where: { orgId: link.orgId, customerId: link.customerId },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  const newest = Math.max(
    link.issuedAt.getTime(),
    newestLetter?.sentAt.getTime() ?? 0,
    newestStatement?.createdAt.getTime() ?? 0,
  );
  const expiresAt = new Date(newest + link.org.portalLinkDays * DAY_MS);
  if (now >= expiresAt) return { ok: false, reason: "expired" };
  return { ok: true, account: { linkId: link.id, ...account, expiresAt } };
}
