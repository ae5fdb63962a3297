import { recordAudit } from "@/lib/audit/events";
import type { Db } from "@/lib/db/client";
import { clockNow } from "@/lib/time/dates";
import type { MailTransport } from "./mail-transport";
import { mailFor } from "./org-transport";
import { senderAddress } from "./record-delivery-result";

/**
 * Sends a policy's courtesy reminder written by the daily steps pass (lib/collections/
 * run-policy-steps.ts): through SMTP when configured, else kept as written on the run
 * (transport "outbox"). The customer's history gets an outbound email, which also counts
 * as the contact some law profiles want before letter 1. A run already sent is skipped.
 */
export async function sendPolicyReminder(
  db: Db,
  opts: { runId: string; transport: MailTransport; now?: () => Date },
): Promise<"sent" | "skipped"> {
  // clockNow: the demo and the browser tests freeze the clock (DUNNING_FROZEN_NOW).
  const now = opts.now ?? clockNow;
  const run = await db.workflowStepRun.findUnique({
    where: { id: opts.runId },
    include: { org: { select: { name: true, email: true } } },
  });
  if (!run || run.transport) return "skipped";
  const finish = async (transport: string, note: string | null) =>
    db.$transaction(async (tx) => {
      const openCase = await tx.collectionCase.findFirst({
        where: { orgId: run.orgId, customerId: run.customerId, closedAt: null },
        orderBy: { openedAt: "desc" },
        select: { id: true },
      });
      const contact = note
        ? await tx.contactAttempt.create({
            data: {
              orgId: run.orgId,
              customerId: run.customerId,
              caseId: openCase?.id ?? null,
              occurredAt: now(),
              channel: "EMAIL",
              direction: "OUTBOUND",
              outcome: "SENT",
              note,
            },
          })
        : null;
      await tx.workflowStepRun.update({ where: { id: run.id }, data: { transport, contactId: contact?.id ?? null } });
      await recordAudit(
        tx,
        { orgId: run.orgId, userId: null },
        {
          kind: "workflow.reminder_sent",
          payload: {
            runId: run.id,
            customerId: run.customerId,
            transport,
            recipient: run.recipient,
            contactId: contact?.id ?? null,
          },
        },
      );
    });
  // No address: nothing can go; the run says so, and no contact is claimed.
  if (!run.recipient) {
    await finish("no-email", null);
    return "skipped";
  }
  const note = `Courtesy reminder (${run.policyName}): ${run.subject}`;
  // The organization's own server and sender (Settings → Email), else SMTP_URL or the outbox.
  const mail = await mailFor(db, run.orgId, opts.transport);
  const transport = mail.transport;
  if (transport.kind === "outbox") {
    await finish("outbox", `${note} [kept in the app: no SMTP server configured]`);
    return "sent";
  }
  const from = mail.from ?? senderAddress(run.org);
  if (!from) throw new Error("No sender address: set the organization's email (Settings) or MAIL_FROM.");
  await transport.send({ from, to: run.recipient, subject: run.subject, text: run.body });
  await finish("smtp", note);
  return "sent";
}
