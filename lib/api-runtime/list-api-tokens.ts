import type { DbOrTx } from "@/lib/db/client";
import { scopesOf } from "./scopes";

/** The organization's tokens for the settings page: never the secret (only its hash is kept anyway). */
export async function listApiTokens(tx: DbOrTx, opts: { orgId: string }) {
  const tokens = await tx.apiToken.findMany({
    where: { orgId: opts.orgId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { createdBy: { select: { name: true } } },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: scopesOf(t),
    createdAt: t.createdAt,
    createdBy: t.createdBy?.name ?? "an operator (npm run api-token)",
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    lastUsedIp: t.lastUsedIp,
    revokedAt: t.revokedAt,
  }));
}
