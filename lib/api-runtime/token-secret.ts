import { createHash, randomBytes } from "node:crypto";

/** Tokens start with this, so a leaked one is recognisable (secret scanners look for prefixes). */
export const TOKEN_PREFIX = "ddk_";

/** 32 random bytes: guessing is hopeless, so a plain SHA-256 (no slow hash) is enough to store. */
export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What the token list shows to tell tokens apart: the prefix and a few characters. */
export const displayPrefix = (secret: string) => secret.slice(0, TOKEN_PREFIX.length + 6);
