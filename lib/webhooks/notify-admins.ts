import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import type { MailTransport } from "@/lib/delivery/mail-transport";
import { senderAddress } from "@/lib/delivery/record-delivery-result";
import { publicBaseUrl } from "@/lib/documents/portal-link";
import { defineTask, jobType } from "@/lib/jobs/define-task";

/** Tells an organization's admins that an endpoint was switched off (queued with the switch-off). */
export const WEBHOOK_DISABLED_NOTICE_JOB = jobType("webhooks.notify_disabled", z.object({ endpointId: z.uuid() }));

/** Tries of the notice job: an SMTP server that is down for a while still gets it. */
export const NOTICE_MAX_ATTEMPTS = 8;

/**
 * Emails each active admin of the endpoint's organization that the endpoint
 * was switched off, why, and what to do, through the app's mail transport
 * (SMTP_URL). Without SMTP nothing can be emailed: the Webhooks page shows the
 * switch-off and the audit records that the admins were not emailed. Recorded
 * once per switch-off (the audit row is the mark); a failure to send is thrown,
 * so the queue retries it. At-least-once, as letter emails are.
 */
export async function notifyAdminsEndpointDisabled(
  db: Db,
  opts: { endpointId: string; transport: MailTransport },
): Promise<{ sent: string[]; transport: string } | null> {
  const endpoint = await db.webhookEndpoint.findUnique({
    where: { id: opts.endpointId },
    include: { org: { select: { name: true, email: true } } },
  });
  if (!endpoint?.disabledAt || endpoint.enabled) return null;
  const disabledAt = endpoint.disabledAt.toISOString();
  const already = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM audit_events WHERE org_id = ${endpoint.orgId}::uuid AND kind = 'webhook_endpoint.admins_notified'
      AND payload->>'endpointId' = ${endpoint.id} AND payload->>'disabledAt' = ${disabledAt}`;
  if (already[0].n > 0n) return null;
  const admins = await db.user.findMany({
    where: { orgId: endpoint.orgId, role: "ADMIN", kind: "PERSON", active: true },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  const recipients = admins.map((a) => a.email).filter(Boolean);
  let transport: "smtp" | "outbox" | "no-admin" = opts.transport.kind;
  if (opts.transport.kind === "smtp" && recipients.length) {
    const from = senderAddress(endpoint.org);
    if (!from) throw new Error("No sender address: set the organization's email (Settings) or MAIL_FROM.");
    const mail = disabledNotice({
      url: endpoint.url,
      reason: endpoint.disabledReason,
      disabledAt,
      org: endpoint.org.name,
    });
    for (const to of recipients) await opts.transport.send({ from, to, ...mail });
  } else if (!recipients.length) transport = "no-admin";
  await recordAudit(
    db,
    { orgId: endpoint.orgId, userId: null },
    {
      kind: "webhook_endpoint.admins_notified",
      payload: { endpointId: endpoint.id, url: endpoint.url, disabledAt, recipients, transport },
    },
  );
  return { sent: transport === "smtp" ? recipients : [], transport };
}

/** The email: what stopped, why, and what to do about it. */
export function disabledNotice(opts: { url: string; reason: string; disabledAt: string; org: string }) {
  return {
    subject: `Webhook endpoint switched off: ${opts.url}`,
    text: [
      `A webhook endpoint of ${opts.org} was switched off at ${opts.disabledAt.slice(0, 16).replace("T", " ")} UTC.`,
      "",
      `Endpoint: ${opts.url}`,
      `Why: ${opts.reason}.`,
      "",
      "No events are sent to it any more; the deliveries that failed are listed with each try on the Webhooks page:",
      `${publicBaseUrl()}/settings/webhooks`,
      "",
      "When the receiver answers with a 2xx status again, register the endpoint again on that page (it gets a new signing secret).",
    ].join("\n"),
  };
}

export function webhookNoticeTasks(db: Db, transport: MailTransport) {
  return defineTask({
    ...WEBHOOK_DISABLED_NOTICE_JOB,
    run: ({ endpointId }) => notifyAdminsEndpointDisabled(db, { endpointId, transport }),
  });
}
