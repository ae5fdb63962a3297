import type { DbOrTx } from "@/lib/db/client";
import { emailServerOf } from "./email-settings";
import { type MailTransport, smtpSender } from "./mail-transport";

/** How one organization's email goes: through its own server and sender when it set one. */
export interface OrgMail {
  transport: MailTransport;
  /** The sender from Settings → Email; null: the letterhead's (or MAIL_FROM). */
  from: string | null;
  /** The HTML message's accent colour. */
  accentColor: string;
}

/** The letterhead's ink (render-letter-pdf's INK): the accent when the organization chose none. */
export const DEFAULT_ACCENT = "#0f172a";

/** The organization's own SMTP server when it saved one (Settings → Email), else `fallback` (SMTP_URL or the outbox). */
export async function mailFor(db: DbOrTx, orgId: string, fallback: MailTransport): Promise<OrgMail> {
  const own = await emailServerOf(db, orgId);
  if (!own) return { transport: fallback, from: null, accentColor: DEFAULT_ACCENT };
  return { transport: smtpSender(own.server), from: own.from, accentColor: own.accentColor };
}
