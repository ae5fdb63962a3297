import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";

/**
 * Revokes a token at once: the next request with it gets 401. Its actor row
 * stays (letters and payments it recorded still name it) but is made inactive.
 * Revoking a revoked token changes nothing and says so.
 */
export async function revokeApiToken(
  db: Db,
  input: {
    orgId: string;
    tokenId?: string;
    name?: string;
    revokedById: string | null;
    via: "settings" | "cli";
    ip?: string;
    now: Date;
  },
): Promise<{ name: string; alreadyRevoked: boolean }> {
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: {
        orgId: input.orgId,
        ...(input.tokenId ? { id: input.tokenId } : { name: input.name ?? "" }),
      },
    });
    if (!token) throw new AppError("NOT_FOUND", "That API token was not found.");
    if (token.revokedAt) return { name: token.name, alreadyRevoked: true };
    await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: input.now } });
    await tx.user.update({ where: { id: token.actorId }, data: { active: false } });
    await recordAudit(
      tx,
      { orgId: input.orgId, userId: input.revokedById, ip: input.ip },
      { kind: "api_token.revoked", payload: { tokenId: token.id, name: token.name, via: input.via } },
    );
    return { name: token.name, alreadyRevoked: false };
  });
}
