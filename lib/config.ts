import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * AUTH_SECRET signs session tokens. Outside demo mode it must be configured;
 * in demo mode (embedded database) one is generated once and kept in .data/.
 */
export function resolveAuthSecret(opts: {
  demo: boolean;
  env?: Record<string, string | undefined>;
  dataDir?: string;
}): string {
  const env = opts.env ?? process.env;
  if (env.AUTH_SECRET) {
    if (env.AUTH_SECRET.length < 32)
      throw new Error("AUTH_SECRET must be at least 32 characters (try: openssl rand -base64 33).");
    return env.AUTH_SECRET;
  }
  if (!opts.demo) {
    throw new Error(
      "AUTH_SECRET is not set. It is required when DATABASE_URL is set (generate one with: openssl rand -base64 33).",
    );
  }
  const file = path.join(opts.dataDir ?? ".data", "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(33).toString("base64");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * EMAIL_SETTINGS_KEY seals organizations' SMTP passwords (lib/delivery/secret-box.ts). Outside
 * demo mode it is the operator's to set (docs/email.md), and without it Settings → Email refuses
 * to keep a password; on the embedded database one is generated once and kept in .data/, so
 * `npm start` on a fresh machine can switch email on from the settings page.
 */
export function resolveEmailSettingsKey(opts: {
  demo: boolean;
  env?: Record<string, string | undefined>;
  dataDir?: string;
}): string | undefined {
  const env = opts.env ?? process.env;
  if (env.EMAIL_SETTINGS_KEY || !opts.demo) return env.EMAIL_SETTINGS_KEY || undefined;
  const file = path.join(opts.dataDir ?? ".data", "email-settings-key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
