import { createHmac, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";

// Mailgun's inbound route: forward("https://host/api/inbound/mailgun/mime"); a URL that
// ends in "mime" makes Mailgun post the message as received in the form field body-mime.
// Authenticated as Mailgun documents it: signature = hex HMAC-SHA256 of timestamp + token
// under the account's webhook signing key; we also refuse a timestamp more than five
// minutes from now (a replayed post), and a redelivered message is stored once anyway.
// Answers: 200 stored; 401 bad signature; 406 refused for good (Mailgun stops retrying).

export const MAILGUN_MAX_SKEW_S = 5 * 60;

export function checkMailgunSignature(
  form: { timestamp: string; token: string; signature: string },
  signingKey: string | undefined,
  now: Date,
): void {
  if (!signingKey) throw new AppError("NOT_FOUND", "Mailgun inbound is not configured (MAILGUN_SIGNING_KEY).");
  const expected = createHmac("sha256", signingKey)
    .update(form.timestamp + form.token)
    .digest("hex");
  const given = Buffer.from(form.signature, "utf8");
  const wanted = Buffer.from(expected, "utf8");
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted))
    throw new AppError("UNAUTHENTICATED", "The Mailgun signature does not match.");
  const age = Math.abs(now.getTime() / 1000 - Number(form.timestamp));
  if (!Number.isFinite(age) || age > MAILGUN_MAX_SKEW_S)
    throw new AppError("UNAUTHENTICATED", "The Mailgun signature is too old.");
}

/** The message as received (body-mime) and the envelope recipient Mailgun reports. */
export async function readMailgun(
  form: FormData,
): Promise<{ raw: Uint8Array; envelopeTo: string[]; auth: { timestamp: string; token: string; signature: string } }> {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const mime = form.get("body-mime");
  const raw =
    typeof mime === "string" ? new TextEncoder().encode(mime) : mime ? new Uint8Array(await mime.arrayBuffer()) : null;
  if (!raw?.byteLength)
    throw new AppError("INVALID_INPUT", "Mailgun sent no body-mime: the route's forward URL must end in /mime.");
  return {
    raw,
    envelopeTo: text("recipient")
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean),
    auth: { timestamp: text("timestamp"), token: text("token"), signature: text("signature") },
  };
}
