import nodemailer from "nodemailer";

// Where letter emails go. With SMTP_URL set, to that SMTP server; without it
// (the demo default) to the outbox table, shown on the Outbox page, so nothing
// pretends to have been sent.

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The account's reply address (lib/delivery/reply-address.ts): answers come back to the app. */
  replyTo?: string | null;
  /** Absent for a plain message (a policy's courtesy reminder). */
  attachment?: { filename: string; content: Uint8Array };
  /** Further PDFs: the invoice copies the letter encloses. */
  more?: { filename: string; content: Uint8Array }[];
}

export interface SmtpSender {
  kind: "smtp";
  send(mail: OutgoingMail): Promise<{ messageId: string; response: string }>;
}

export type MailTransport = SmtpSender | { kind: "outbox" };

export function smtpSender(url: string): SmtpSender {
  const transport = nodemailer.createTransport(url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as never);
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        attachments: [...(mail.attachment ? [mail.attachment] : []), ...(mail.more ?? [])].map((a) => ({
          filename: a.filename,
          content: Buffer.from(a.content),
          contentType: "application/pdf",
        })),
      });
      if (info.rejected?.length) throw new Error(`The server refused ${info.rejected.join(", ")}: ${info.response}`);
      return { messageId: info.messageId, response: info.response };
    },
  };
}

/** The transport configured by the environment (SMTP_URL), or the outbox. */
export function transportFromEnv(env: Record<string, string | undefined> = process.env): MailTransport {
  return env.SMTP_URL ? smtpSender(env.SMTP_URL) : { kind: "outbox" };
}
