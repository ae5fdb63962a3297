import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

// Postmark's inbound webhook: a JSON POST. Postmark signs nothing; it authenticates by
// the HTTP basic credentials written into the webhook URL (https://user:secret@host/…),
// which it sends as an Authorization header. We take the message from RawEmail (the
// inbound stream's "Include raw email content in JSON payload" setting), so Postmark's
// messages go through the same parser as Mailgun's and the mailbox's.
// Answers: 200 stored; 401 bad credentials; 403 refused for good (Postmark stops retrying).

const payload = z.object({
  RawEmail: z
    .string()
    .min(1, "Postmark sent no RawEmail: switch on 'Include raw email content' for the inbound stream."),
  OriginalRecipient: z.string().optional(),
  ToFull: z.array(z.object({ Email: z.string() })).optional(),
});

export function checkPostmarkAuth(header: string | null, secret: string | undefined): void {
  if (!secret) throw new AppError("NOT_FOUND", "Postmark inbound is not configured (INBOUND_WEBHOOK_SECRET).");
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  const password = match ? Buffer.from(match[1], "base64").toString("utf8").split(":").slice(1).join(":") : "";
  const a = Buffer.from(password);
  const b = Buffer.from(secret);
  if (a.length !== b.length || !timingSafeEqual(a, b))
    throw new AppError("UNAUTHENTICATED", "The inbound webhook's credentials are wrong.");
}

/** The message as received and the envelope recipients Postmark reports. */
export function readPostmark(body: unknown): { raw: Uint8Array; envelopeTo: string[] } {
  const parsed = payload.safeParse(body);
  if (!parsed.success) throw new AppError("INVALID_INPUT", z.prettifyError(parsed.error));
  const p = parsed.data;
  return {
    raw: new TextEncoder().encode(p.RawEmail),
    envelopeTo: [p.OriginalRecipient ?? "", ...(p.ToFull ?? []).map((t) => t.Email)].filter(Boolean),
  };
}
