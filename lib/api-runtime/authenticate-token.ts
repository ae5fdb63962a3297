import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { type ApiScope, scopesOf } from "./scopes";
import { hashTokenSecret, TOKEN_PREFIX } from "./token-secret";

export interface ApiCaller {
  tokenId: string;
  tokenName: string;
  orgId: string;
  scopes: ApiScope[];
  /** The token's own user row (kind API_TOKEN): what lib/ verbs record as who did it. */
  actor: { userId: string; role: Role };
}

interface TokenRow {
  id: string;
  org_id: string;
  name: string;
  can_read: boolean;
  can_write: boolean;
  actor_id: string;
  role: Role;
}

const unauthenticated = (detail: string) =>
  new AppError("UNAUTHENTICATED", `${detail} Send "Authorization: Bearer <token>" with a live token.`);

/**
 * The caller of an API request, from its bearer token: one statement finds a
 * live token (not revoked, not expired) and stamps its last use and address.
 * A token that is not live is told why (revoked, expired, unknown), all 401.
 */
export async function authenticateToken(tx: DbOrTx, header: string | null, ip: string): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) throw unauthenticated("The request has no bearer token.");
  const secret = match[1];
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) throw unauthenticated("That is not an API token.");
  const hash = hashTokenSecret(secret);
  const [row] = await tx.$queryRaw<TokenRow[]>`
    UPDATE api_tokens t SET last_used_at = now(), last_used_ip = ${ip.slice(0, 100)}
    FROM users u
    WHERE t.token_hash = ${hash} AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.id = t.actor_id
    RETURNING t.id, t.org_id, t.name, t.can_read, t.can_write, t.actor_id, u.role`;
  if (!row) {
    const dead = await tx.apiToken.findUnique({ where: { tokenHash: hash }, select: { revokedAt: true } });
    if (dead?.revokedAt) throw unauthenticated("This token was revoked.");
    if (dead) throw unauthenticated("This token has expired.");
    throw unauthenticated("This token is not known.");
  }
  return {
    tokenId: row.id,
    tokenName: row.name,
    orgId: row.org_id,
    scopes: scopesOf({ canRead: row.can_read, canWrite: row.can_write }),
    actor: { userId: row.actor_id, role: row.role },
  };
}

export function assertScope(caller: ApiCaller, scope: ApiScope): void {
  if (!caller.scopes.includes(scope))
    throw new AppError(
      "FORBIDDEN",
      `Token "${caller.tokenName}" has no ${scope} scope; an administrator can make one that has (Settings → API tokens).`,
    );
}
