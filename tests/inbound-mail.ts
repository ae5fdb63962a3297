import { createHmac } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer/index.js";

// Real RFC 5322 messages for the inbound tests, built by nodemailer's composer (the
// same MIME writer that sends our letters): plain, HTML-only, multipart with an
// attachment, in English, Norwegian and Italian, with and without auto-reply headers.

export interface MailSpec {
  from: string;
  to: string;
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  messageId?: string;
}

export async function mime(spec: MailSpec): Promise<Buffer> {
  const composer = new MailComposer({
    from: spec.from,
    to: spec.to,
    subject: spec.subject,
    text: spec.text,
    html: spec.html,
    headers: spec.headers,
    attachments: spec.attachments,
    messageId: spec.messageId,
    date: new Date("2026-12-07T08:00:00Z"),
  });
  return composer.compile().build();
}

/** Postmark's inbound POST: JSON with RawEmail, basic credentials as Postmark sends them from the URL. */
export function postmarkRequest(raw: Buffer, opts: { secret: string; to: string }): Request {
  return new Request("http://127.0.0.1/api/inbound/postmark", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Basic ${Buffer.from(`postmark:${opts.secret}`).toString("base64")}`,
    },
    body: JSON.stringify({
      From: "ignored@example.com",
      OriginalRecipient: opts.to,
      ToFull: [{ Email: opts.to, Name: "" }],
      Subject: "ignored: the raw message is read",
      RawEmail: raw.toString("utf8"),
    }),
  });
}

/** Mailgun's forward to a URL ending in /mime: multipart form with body-mime, signed with the webhook signing key. */
export function mailgunRequest(
  raw: Buffer,
  opts: { signingKey: string; to: string; timestamp?: number; tamper?: boolean },
): Request {
  const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const token = createHmac("sha256", "nonce").update(`${timestamp}${Math.random()}`).digest("hex").slice(0, 50);
  const signature = createHmac("sha256", opts.signingKey)
    .update(timestamp + token)
    .digest("hex");
  const form = new FormData();
  form.set("recipient", opts.to);
  form.set("timestamp", timestamp);
  form.set("token", token);
  form.set("signature", opts.tamper ? signature.replace(/^./, (c) => (c === "0" ? "1" : "0")) : signature);
  form.set("body-mime", new Blob([new Uint8Array(raw)], { type: "message/rfc822" }), "message.mime");
  return new Request("http://127.0.0.1/api/inbound/mailgun/mime", { method: "POST", body: form });
}
