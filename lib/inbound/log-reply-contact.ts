import type { DbOrTx } from "@/lib/db/client";

/** The customer's reply in the contact history: inbound email, no user; on the account's open case when there is one. */
export async function logReplyContact(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string; currency: string | null; occurredAt: Date; subject: string; text: string },
): Promise<string> {
  const openCase = opts.currency
    ? await tx.collectionCase.findFirst({
        where: { orgId: opts.orgId, customerId: opts.customerId, currency: opts.currency, closedAt: null },
        select: { id: true },
      })
    : null;
  const excerpt = opts.text.replace(/\s+/g, " ").trim().slice(0, 400);
  const contact = await tx.contactAttempt.create({
    data: {
      orgId: opts.orgId,
      customerId: opts.customerId,
      caseId: openCase?.id ?? null,
      userId: null,
      occurredAt: opts.occurredAt,
      channel: "EMAIL",
      direction: "INBOUND",
      outcome: "REPLIED",
      note: `Reply by email: ${opts.subject || "(no subject)"}${excerpt ? ` — ${excerpt}` : ""}`.slice(0, 600),
    },
    select: { id: true },
  });
  return contact.id;
}
