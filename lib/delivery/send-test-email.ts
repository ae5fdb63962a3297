import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { emailServerOf } from "./email-settings";
import { smtpSender } from "./mail-transport";
import { describeSmtpFailure } from "./smtp-answer";

/**
 * Settings → Email's "Send a test email": one message through the saved settings, exactly
 * as the delivery worker would send a letter, and the server's own answer back (accepted:
 * its "250 ..." line; refused: what went wrong and its reply). Either way the try is
 * audited, without the password. Short timeouts: a person is waiting on the button.
 */
export async function sendTestEmail(
  db: Db,
  opts: { orgId: string; actor: Actor; to: string; timeoutMs?: number },
): Promise<{ answer: string }> {
  if (opts.actor.role !== "ADMIN")
    throw new AppError("FORBIDDEN", "Only an administrator can test the email settings.");
  const settings = await emailServerOf(db, opts.orgId);
  if (!settings) throw new AppError("NOT_FOUND", "Save the email settings first; the test uses what is saved.");
  const wait = opts.timeoutMs ?? 10_000;
  const sender = smtpSender(settings.server, { connectionTimeout: wait, greetingTimeout: wait, socketTimeout: wait });
  const { host, port, security } = settings.server;
  let outcome: { ok: true; answer: string } | { ok: false; answer: string };
  try {
    const info = await sender.send({
      from: settings.from,
      to: opts.to,
      subject: "Test email from Dunning Desk",
      text: `This is a test of your email settings in Dunning Desk.\n\nIt was sent through ${host}, port ${port} (${security}) as ${settings.from}. If you can read it, letters and statements sent by email will arrive the same way.`,
    });
    outcome = { ok: true, answer: info.response };
  } catch (error) {
    outcome = { ok: false, answer: describeSmtpFailure(error) };
  }
  await db.$transaction((tx) =>
    recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "email_settings.tested",
        payload: { to: opts.to, outcome: outcome.ok ? "ACCEPTED" : "FAILED", answer: outcome.answer.slice(0, 500) },
      },
    ),
  );
  if (!outcome.ok) throw new AppError("UNAVAILABLE", `Not sent. ${outcome.answer}`);
  return { answer: outcome.answer };
}
