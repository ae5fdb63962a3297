import nodemailer from "nodemailer";

// Where letter emails go: the organization's own SMTP server (Settings → Email,
// org-transport.ts), else the server in SMTP_URL, else (the demo default) the outbox table,
// shown on the Outbox page, so nothing pretends to have been sent.

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** The same message as HTML (html-email.ts); the text stays as its plain-text alternative. */
  html?: string;
  /** Pictures the HTML shows by `cid:` (the letterhead logo): no external resource is ever loaded. */
  inline?: { cid: string; filename: string; content: Uint8Array; contentType: string }[];
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

/** A server as Settings → Email describes it. */
export interface SmtpServer {
  host: string;
  port: number;
  /** "tls": TLS from the first byte (465); "starttls": the upgrade is required (587); "none": plain. */
  security: "tls" | "starttls" | "none";
  user: string;
  password: string | null;
}

/** Nodemailer's options for a server from the settings; "none" never upgrades, even when offered. */
export function smtpOptions(server: SmtpServer) {
  return {
    host: server.host,
    port: server.port,
    secure: server.security === "tls",
    requireTLS: server.security === "starttls",
    ignoreTLS: server.security === "none",
    auth: server.user ? { user: server.user, pass: server.password ?? "" } : undefined,
  };
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpSender(server: string | SmtpServer, timeouts: Partial<typeof TIMEOUTS> = {}): SmtpSender {
  const transport =
    typeof server === "string"
      ? nodemailer.createTransport(server, { ...TIMEOUTS, ...timeouts } as never)
      : nodemailer.createTransport({ ...smtpOptions(server), ...TIMEOUTS, ...timeouts });
  return {
    kind: "smtp",
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: [
          ...[...(mail.attachment ? [mail.attachment] : []), ...(mail.more ?? [])].map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content),
            contentType: "application/pdf",
          })),
          ...(mail.inline ?? []).map((a) => ({
            filename: a.filename,
            content: Buffer.from(a.content),
            contentType: a.contentType,
            cid: a.cid,
          })),
        ],
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
