import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors/app-error";
import { API_SCOPES, type ApiScope } from "./scopes";
import { displayPrefix, hashTokenSecret, newTokenSecret } from "./token-secret";

export const apiTokenNameField = z
  .string({ message: "Name the token after the system that will hold it." })
  .trim()
  .min(1, "Name the token after the system that will hold it.")
  .max(100, "A token name has at most 100 characters.")
  .regex(/^[^\u0000-\u001f]+$/, "A token name is one line of text.");

export const apiScopesField = z
  .array(z.enum(API_SCOPES, { message: "Scopes are read and write." }))
  .min(1, "Give the token at least one scope: read, write or both.");

export interface CreateApiTokenInput {
  orgId: string;
  name: string;
  scopes: ApiScope[];
  expiresAt?: Date | null;
  /** The admin who made it; null when an operator ran `npm run api-token`. */
  createdById: string | null;
  via: "settings" | "cli";
  ip?: string;
  now: Date;
}

/**
 * A new API token: its actor (a user row of kind API_TOKEN named after the
 * token, which can never sign in: its password hash matches no password), the
 * token row with only the secret's SHA-256, and the audit record, in one
 * transaction. The secret is returned here and nowhere else, ever.
 */
export async function createApiToken(db: Db, input: CreateApiTokenInput) {
  const name = apiTokenNameField.parse(input.name);
  const scopes = [...new Set(apiScopesField.parse(input.scopes))].sort();
  if (input.expiresAt && input.expiresAt <= input.now)
    throw new AppError("INVALID_INPUT", "The expiry must be in the future.", {
      expiresAt: ["The expiry must be in the future."],
    });
  const secret = newTokenSecret();
  try {
    return await db.$transaction(async (tx) => {
      const actor = await tx.user.create({
        data: {
          orgId: input.orgId,
          kind: "API_TOKEN",
          // A write token works accounts as a collector does; a read token only reads, as a viewer.
          role: scopes.includes("write") ? "COLLECTOR" : "VIEWER",
          name: `API token "${name}"`,
          email: `api-token-${randomUUID()}@tokens.invalid`,
          passwordHash: "!api-token",
        },
      });
      const token = await tx.apiToken.create({
        data: {
          orgId: input.orgId,
          actorId: actor.id,
          name,
          tokenHash: hashTokenSecret(secret),
          prefix: displayPrefix(secret),
          canRead: scopes.includes("read"),
          canWrite: scopes.includes("write"),
          expiresAt: input.expiresAt ?? null,
          createdById: input.createdById,
        },
      });
      await recordAudit(
        tx,
        { orgId: input.orgId, userId: input.createdById, ip: input.ip },
        {
          kind: "api_token.created",
          payload: {
            tokenId: token.id,
            name,
            scopes,
            expiresAt: token.expiresAt?.toISOString() ?? null,
            via: input.via,
          },
        },
      );
      return { id: token.id, name, scopes, secret, expiresAt: token.expiresAt };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError("CONFLICT", `A token named "${name}" exists already; choose another name.`, {
        name: ["A token with this name exists already."],
      });
    throw error;
  }
}
