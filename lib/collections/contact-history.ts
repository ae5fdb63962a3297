import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { ContactChannel, ContactDirection, ContactOutcome } from "@/lib/generated/prisma/enums";
import { formatMoney, toMinor } from "@/lib/money/money";
import { type DateOnly, dateOnlyFromDb, formatDateOnly } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";

/** What an event in the history says, as data: each reader words it (the page in English, the hand-off summary in the customer's language). */
export type HistoryEvent =
  | { kind: "promise"; amount: number; currency: string; promisedFor: DateOnly }
  | { kind: "plan"; instalments: { amount: number; currency: string; promisedFor: DateOnly }[] }
  | { kind: "dispute_opened"; invoiceNumber: string }
  | { kind: "handoff"; agency: string; reference: string; handedOverOn: DateOnly; amount: number; currency: string }
  | { kind: "promise_broken"; promise: { amount: number; currency: string; promisedFor: DateOnly } | null }
  | { kind: "dispute_resolved"; invoiceNumber: string | null }
  | { kind: "tracking"; stage: number | null; reference: string }
  | { kind: "case_closed" };

export type HistoryEntry =
  | {
      type: "contact";
      id: string;
      at: Date;
      by: string;
      channel: ContactChannel;
      direction: ContactDirection;
      outcome: ContactOutcome;
      note: string;
      letter: { id: string; stage: number } | null;
    }
  | {
      type: "event";
      id: string;
      at: Date;
      by: string;
      event: HistoryEvent;
      title: string;
      note: string;
      letterId?: string | null;
    };

/** Formats for wording an event: amounts and dates as the reader writes them. */
export interface EventFormat {
  money: (minor: number, currency: string) => string;
  day: (date: DateOnly) => string;
}

/** An event in English (the app's own pages). */
export function describeEvent(e: HistoryEvent, f: EventFormat): string {
  switch (e.kind) {
    case "promise":
      return `Promise to pay ${f.money(e.amount, e.currency)} by ${f.day(e.promisedFor)}`;
    case "plan":
      return `Payment plan: ${e.instalments.map((i) => `${f.money(i.amount, i.currency)} by ${f.day(i.promisedFor)}`).join(", ")}`;
    case "dispute_opened":
      return `Invoice ${e.invoiceNumber} disputed`;
    case "handoff":
      return `Handed to ${e.agency} (reference ${e.reference}) on ${f.day(e.handedOverOn)}: ${f.money(e.amount, e.currency)}`;
    case "promise_broken":
      return `Promise of ${e.promise ? f.money(e.promise.amount, e.promise.currency) : "?"} due ${e.promise ? f.day(e.promise.promisedFor) : "?"} broken`;
    case "dispute_resolved":
      return `Dispute on ${e.invoiceNumber ?? "invoice"} resolved`;
    case "tracking":
      return `Letter ${e.stage ?? ""} registered-mail tracking number: ${e.reference}`;
    case "case_closed":
      return "Case closed: overdue balance paid";
  }
}

/**
 * An account's whole contact history in time order (oldest first): every
 * contact attempt with who, when, channel, outcome and note, and the promises,
 * plans, disputes, hand-offs and status changes around them. Read-only.
 */
export async function getContactHistory(
  tx: DbOrTx,
  opts: { orgId: string; customerId: string },
): Promise<HistoryEntry[]> {
  const customer = await getCustomerOrThrow(tx, opts);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: opts.orgId } });
  const where = { orgId: opts.orgId, customerId: customer.id };
  const user = { select: { name: true } } as const;
  const [contacts, promises, disputes, handoffs, events] = await Promise.all([
    tx.contactAttempt.findMany({ where, include: { user, letter: { select: { id: true, stage: true } } } }),
    tx.paymentPromise.findMany({ where: { ...where, planId: null }, include: { user } }),
    tx.invoiceDispute.findMany({ where, include: { user, invoice: { select: { number: true } } } }),
    tx.agencyHandoff.findMany({ where, include: { user } }),
    tx.accountEvent.findMany({
      where,
      include: {
        user,
        dispute: { include: { invoice: { select: { number: true } } } },
        promise: true,
        letter: { select: { stage: true } },
      },
    }),
  ]);
  const plans = await tx.paymentPlan.findMany({
    where,
    include: { user, instalments: { orderBy: { promisedFor: "asc" } } },
  });
  const format: EventFormat = {
    money: (minor, currency) => formatMoney(minor, currency, org.locale),
    day: (d) => formatDateOnly(d, org.locale),
  };
  const amount = (row: { amountMinor: bigint; currency: string; promisedFor: Date }) => ({
    amount: toMinor(row.amountMinor),
    currency: row.currency,
    promisedFor: dateOnlyFromDb(row.promisedFor),
  });
  const accountEvent: Record<string, (e: (typeof events)[number]) => HistoryEvent> = {
    PROMISE_BROKEN: (e) => ({ kind: "promise_broken", promise: e.promise ? amount(e.promise) : null }),
    DISPUTE_RESOLVED: (e) => ({ kind: "dispute_resolved", invoiceNumber: e.dispute?.invoice.number ?? null }),
    REGISTERED_MAIL_TRACKING: (e) => ({ kind: "tracking", stage: e.letter?.stage ?? null, reference: e.reference }),
    CASE_CLOSED: () => ({ kind: "case_closed" }),
  };
  const event = (
    fields: { id: string; at: Date; by: string; note: string; letterId?: string | null },
    e: HistoryEvent,
  ): HistoryEntry => ({ type: "event", ...fields, event: e, title: describeEvent(e, format) });
  const entries: HistoryEntry[] = [
    ...contacts.map(
      (c): HistoryEntry => ({
        type: "contact",
        id: c.id,
        at: c.occurredAt,
        // The customer's own entries (its page) have no user: they are the customer's word.
        by: c.user?.name ?? (c.channel === "PORTAL" ? "the customer" : "System"),
        channel: c.channel,
        direction: c.direction,
        outcome: c.outcome,
        note: c.note,
        letter: c.letter,
      }),
    ),
    ...promises.map((p) =>
      event(
        { id: p.id, at: p.createdAt, by: p.user?.name ?? "System", note: p.note },
        { kind: "promise", ...amount(p) },
      ),
    ),
    ...plans.map((p) =>
      event(
        { id: p.id, at: p.createdAt, by: p.user?.name ?? "System", note: p.note },
        { kind: "plan", instalments: p.instalments.map(amount) },
      ),
    ),
    ...disputes.map((d) =>
      event(
        {
          id: d.id,
          at: d.createdAt,
          by: d.user?.name ?? (d.note.startsWith("From the customer's page") ? "the customer" : "System"),
          note: d.note,
        },
        { kind: "dispute_opened", invoiceNumber: d.invoice.number },
      ),
    ),
    ...handoffs.map((h) =>
      event(
        { id: h.id, at: h.createdAt, by: h.user?.name ?? "System", note: "" },
        {
          kind: "handoff",
          agency: h.agency,
          reference: h.reference,
          handedOverOn: dateOnlyFromDb(h.handedOverOn),
          amount: toMinor(h.amountMinor),
          currency: h.currency,
        },
      ),
    ),
    ...events.map((e) =>
      event(
        {
          id: e.id,
          at:
            e.kind === "PROMISE_BROKEN" ? instantAt(dateOnlyFromDb(e.occurredOn), "00:00", org.timeZone) : e.createdAt,
          by: e.user?.name ?? "System",
          note: e.note,
          letterId: e.letterId,
        },
        accountEvent[e.kind](e),
      ),
    ),
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
      events: {
        where: { kind: "REGISTERED_MAIL_TRACKING" },
        orderBy: { createdAt: "desc" },
        include: { user: { select: { name: true } } },
      },
    },
  });
  if (!letter) throw new AppError("NOT_FOUND", "That letter was not found.");
  return letter;
}

/**
 * The order of an account's history when payments and corrections sit among the
 * contacts: by the day it happened (a payment has a date, not a time; a contact's
 * day is in the organization's time zone), then by when it was entered or occurred.
 */
export function happenedOrder(a: { day: string; at: Date }, b: { day: string; at: Date }): number {
  return a.day.localeCompare(b.day) || a.at.getTime() - b.at.getTime();
}
