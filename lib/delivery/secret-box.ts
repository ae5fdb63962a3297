import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

// Secrets the app must use again but never show (an organization's SMTP password), sealed
// with AES-256-GCM under EMAIL_SETTINGS_KEY: 32 random bytes, written as 64 hex digits or
// 43/44 base64 characters. The sealed text names the key by a short fingerprint, so a
// changed key is reported as such instead of as a broken password; `context` (the
// organization's id) is bound in as additional data, so a sealed value copied onto another
// organization's row fails to open.

const VERSION = "v1";

/** The key from the environment, or null when it is not set. Throws when it is set but malformed. */
export function sealingKey(env: Record<string, string | undefined> = process.env): Buffer | null {
  const raw = env.EMAIL_SETTINGS_KEY?.trim();
  if (!raw) return null;
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, "hex") : Buffer.from(raw, "base64url");
  if (key.length !== 32)
    throw new AppError(
      "INTERNAL",
      "EMAIL_SETTINGS_KEY must be 32 random bytes (64 hex digits or 43 base64 characters): `openssl rand -hex 32`.",
    );
  return key;
}

const fingerprint = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

function requireKey(env?: Record<string, string | undefined>): Buffer {
  const key = sealingKey(env);
  if (!key)
    throw new AppError(
      "CONFLICT",
      "The server has no EMAIL_SETTINGS_KEY, so it cannot keep a password safely. Ask whoever runs Dunning Desk to set it (docs/email.md).",
    );
  return key;
}

export function seal(secret: string, context: string, env?: Record<string, string | undefined>): string {
  const key = requireKey(env);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, fingerprint(key), iv, cipher.getAuthTag(), body]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(":");
}

export function unseal(sealed: string, context: string, env?: Record<string, string | undefined>): string {
  const key = requireKey(env);
  const [version, keyId, iv, tag, body] = sealed.split(":");
  if (version !== VERSION || !iv || !tag || body === undefined)
    throw new AppError("INTERNAL", "The stored SMTP password is unreadable; enter it again in Settings → Email.");
  if (keyId !== fingerprint(key))
    throw new AppError(
      "CONFLICT",
      "The SMTP password was saved under another EMAIL_SETTINGS_KEY; enter it again in Settings → Email.",
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new AppError("INTERNAL", "The stored SMTP password does not open; enter it again in Settings → Email.");
  }
}
