import type { DbOrTx } from "@/lib/db/client";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import { AppError } from "@/lib/errors/app-error";
import type { ContactChannel, ContactDirection, ContactOutcome } from "@/lib/generated/prisma/enums";
import { formatMoney, toMinor } from "@/lib/money/money";
import { dateOnlyFromDb, formatDateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";

export type HistoryEntry =
  | { type: "contact"; id: string; at: Date; by: string; channel: ContactChannel; direction: ContactDirection; outcome: ContactOutcome; note: string; letter: { id: string; stage: number } | null }
  | { type: "event"; id: string; at: Date; by: string; title: string; note: string; letterId?: string | null };

/**
 * An account's whole contact history in time order (oldest first): every
 * contact attempt with who, when, channel, outcome and note, and the promises,
 * plans, disputes, hand-offs and status changes around them. Read-only.
 */
export async function getContactHistory(tx: DbOrTx, opts: { orgId: string; customerId: string }): Promise<HistoryEntry[]> {
  const customer = await getCustomerOrThrow(tx, opts);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const where = { orgId: opts.orgId, customerId: customer.id };
  const user = { select: { name: true } } as const;
  const [contacts, promises, disputes, handoffs, events] = await Promise.all([
    tx.contactAttempt.findMany({ where, include: { user, letter: { select: { id: true, stage: true } } } }),
    tx.paymentPromise.findMany({ where: { ...where, planId: null }, include: { user } }),
    tx.invoiceDispute.findMany({ where, include: { user, invoice: { select: { number: true } } } }),
    tx.agencyHandoff.findMany({ where, include: { user } }),
    tx.accountEvent.findMany({ where, include: { user, dispute: { include: { invoice: { select: { number: true } } } }, promise: true, letter: { select: { stage: true } } } }),
  ]);
  const plans = await tx.paymentPlan.findMany({ where, include: { user, instalments: { orderBy: { promisedFor: "asc" } } } });
  const money = (minor: bigint, currency: string) => formatMoney(toMinor(minor), currency, org.locale);
  const day = (d: Date) => formatDateOnly(dateOnlyFromDb(d), org.locale);
  const eventTitle: Record<string, (e: (typeof events)[number]) => string> = {
    PROMISE_BROKEN: (e) => `Promise of ${e.promise ? money(e.promise.amountMinor, e.promise.currency) : "?"} due ${e.promise ? day(e.promise.promisedFor) : "?"} broken`,
    DISPUTE_RESOLVED: (e) => `Dispute on ${e.dispute?.invoice.number ?? "invoice"} resolved`,
    REGISTERED_MAIL_TRACKING: (e) => `Letter ${e.letter?.stage ?? ""} registered-mail tracking number: ${e.reference}`,
    CASE_CLOSED: () => "Case closed: overdue balance paid",
  };
  const entries: HistoryEntry[] = [
    ...contacts.map((c): HistoryEntry => ({
      type: "contact", id: c.id, at: c.occurredAt, by: c.user?.name ?? "System", channel: c.channel, direction: c.direction, outcome: c.outcome, note: c.note, letter: c.letter,
    })),
    ...promises.map((p): HistoryEntry => ({ type: "event", id: p.id, at: p.createdAt, by: p.user?.name ?? "System", title: `Promise to pay ${money(p.amountMinor, p.currency)} by ${day(p.promisedFor)}`, note: p.note })),
    ...plans.map((p): HistoryEntry => ({
      type: "event", id: p.id, at: p.createdAt, by: p.user?.name ?? "System",
      title: `Payment plan: ${p.instalments.map((i) => `${money(i.amountMinor, i.currency)} by ${day(i.promisedFor)}`).join(", ")}`, note: p.note,
    })),
    ...disputes.map((d): HistoryEntry => ({ type: "event", id: d.id, at: d.createdAt, by: d.user?.name ?? "System", title: `Invoice ${d.invoice.number} disputed`, note: d.note })),
    ...handoffs.map((h): HistoryEntry => ({
      type: "event", id: h.id, at: h.createdAt, by: h.user?.name ?? "System",
      title: `Handed to ${h.agency} (reference ${h.reference}) on ${day(h.handedOverOn)}: ${money(h.amountMinor, h.currency)}`, note: "",
    })),
    ...events.map((e): HistoryEntry => ({
      type: "event", id: e.id, at: e.kind === "PROMISE_BROKEN" ? instantAt(dateOnlyFromDb(e.occurredOn), "00:00", org.timeZone) : e.createdAt,
      by: e.user?.name ?? "System", title: eventTitle[e.kind](e), note: e.note, letterId: e.letterId,
    })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || a.id.localeCompare(b.id));
}

/** A letter exactly as it was sent, with its tracking numbers; NOT_FOUND outside the organization. */
export async function getLetterOrThrow(tx: DbOrTx, opts: { orgId: string; letterId: string }) {
  const letter = await tx.letter.findFirst({
    where: { id: opts.letterId, orgId: opts.orgId },
    include: {
      sentBy: { select: { name: true } },
      customer: { select: { id: true, name: true } },
      events: { where: { kind: "REGISTERED_MAIL_TRACKING" }, orderBy: { createdAt: "desc" }, include: { user: { select: { name: true } } } },
    },
  });
  if (!letter) throw new AppError("NOT_FOUND", "That letter was not found.");
  return letter;
}
