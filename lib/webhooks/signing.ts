import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com): the secret is "whsec_" + base64 of
// random bytes; the signature is HMAC-SHA256 over "{webhook-id}.{webhook-timestamp}.{body}"
// keyed with the decoded bytes, sent as "v1,<base64>" in webhook-signature.

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}
