import { createHash } from "node:crypto";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export const requestHash = (body: string) => createHash("sha256").update(body).digest("hex");

/**
 * Claims an Idempotency-Key for a request before its work starts. The unique
 * (org, key) index decides between two requests racing with the same key: one
 * inserts and works, the other finds the row. A finished key answers the first
 * result again; a key still being worked on, or used for a different request,
 * is a 409 that says which.
 */
export async function claimIdempotencyKey(
  tx: DbOrTx,
  opts: { orgId: string; key: string; operation: string; requestHash: string },
): Promise<{ claimed: string } | { replay: StoredAnswer }> {
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO api_idempotency_keys (id, org_id, key, operation, request_hash)
    VALUES (gen_random_uuid(), ${opts.orgId}::uuid, ${opts.key}, ${opts.operation}, ${opts.requestHash})
    ON CONFLICT (org_id, key) DO NOTHING
    RETURNING id`;
  if (inserted) return { claimed: inserted.id };
  const first = await tx.apiIdempotencyKey.findUnique({ where: { orgId_key: { orgId: opts.orgId, key: opts.key } } });
  if (!first) throw new AppError("CONFLICT", "This Idempotency-Key was just released; send the request again.");
  if (first.operation !== opts.operation || first.requestHash !== opts.requestHash)
    throw new AppError(
      "CONFLICT",
      "This Idempotency-Key was used for a different request; use a new key for each new payment.",
      { "Idempotency-Key": ["Used before with another request."] },
    );
  if (first.status === null)
    throw new AppError(
      "CONFLICT",
      "The first request with this Idempotency-Key is still being worked on; retry shortly.",
    );
  return { replay: { status: first.status, body: first.response } };
}

/** Keeps the first answer, so a retry gets exactly it. */
export async function completeIdempotencyKey(tx: DbOrTx, id: string, answer: StoredAnswer): Promise<void> {
  await tx.apiIdempotencyKey.update({
    where: { id },
    data: { status: answer.status, response: (answer.body ?? Prisma.JsonNull) as Prisma.InputJsonValue },
  });
}

/** A request that changed nothing (refused input, a conflict) leaves the key free for a corrected retry. */
export async function releaseIdempotencyKey(tx: DbOrTx, id: string): Promise<void> {
  await tx.apiIdempotencyKey.deleteMany({ where: { id, status: null } });
}
