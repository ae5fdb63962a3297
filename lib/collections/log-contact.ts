import { invalid, parseDay, requireText } from "@/lib/actions/fields";
import { recordAudit } from "@/lib/audit/events";
import { type Actor, assertCanWork } from "@/lib/auth/actor";
import { getCustomerOrThrow } from "@/lib/customers/get-customer-account";
import type { Db, DbOrTx } from "@/lib/db/client";
import type { ContactChannel, ContactDirection, ContactOutcome } from "@/lib/generated/prisma/enums";
import { todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { recordPaidClaim } from "./paid-claims";

// What may be logged by hand. Letters are logged by sending them; channels are
// letter, email and phone only (no SMS, no social media).
const ALLOWED: Record<ContactDirection, Partial<Record<ContactChannel, ContactOutcome[]>>> = {
  OUTBOUND: { PHONE: ["NO_ANSWER", "VOICEMAIL", "SPOKE"], EMAIL: ["SENT", "DELIVERY_FAILED"] },
  INBOUND: { PHONE: ["SPOKE"], EMAIL: ["REPLIED"], LETTER: ["REPLIED"] },
};

export interface LogContactInput {
  orgId: string;
  actor: Actor;
  customerId: string;
  channel: ContactChannel;
  direction: ContactDirection;
  outcome: ContactOutcome;
  /** DateOnly and "HH:MM" in the organization's time zone. */
  occurredOn: string;
  time: string;
  note: string;
  /** The customer said they paid on this day: their next letter waits until the payment is matched (lib/collections/paid-claims.ts). */
  saysPaidOn?: string | null;
  now: Date;
}

/** Logs a call, an email sent outside the app or a customer reply, with its audit record. Append-only. */
export async function logContact(db: Db, input: LogContactInput): Promise<{ contactId: string }> {
  checkContact(input);
  return db.$transaction((tx) => logContactIn(tx, input));
}

/** The same inside the caller's transaction (completing a follow-up logs the contact it led to). */
export async function logContactIn(tx: DbOrTx, input: LogContactInput): Promise<{ contactId: string }> {
  checkContact(input);
  const day = parseDay(input.occurredOn, "occurredOn");
  const note = requireText(input.note, "note", "a short note of what happened");
  const customer = await getCustomerOrThrow(tx, input);
  const org = await tx.organization.findUniqueOrThrow({ where: { id: input.orgId } });
  const occurredAt = instantAt(day, input.time, org.timeZone);
  if (occurredAt > input.now)
    throw invalid("occurredOn", `The contact cannot be later than now (${todayIn(org.timeZone, input.now)}).`);
  const openCase = await tx.collectionCase.findFirst({
    where: { orgId: input.orgId, customerId: customer.id, closedAt: null },
    orderBy: { openedAt: "desc" },
  });
  const contact = await tx.contactAttempt.create({
    data: {
      orgId: input.orgId,
      customerId: customer.id,
      caseId: openCase?.id ?? null,
      userId: input.actor.userId,
      occurredAt,
      channel: input.channel,
      direction: input.direction,
      outcome: input.outcome,
      note,
    },
  });
  await recordAudit(
    tx,
    { orgId: input.orgId, userId: input.actor.userId },
    {
      kind: "contact.logged",
      payload: {
        contactId: contact.id,
        customerId: customer.id,
        channel: input.channel,
        direction: input.direction,
        outcome: input.outcome,
      },
    },
  );
  if (input.saysPaidOn) {
    const paidOn = parseDay(input.saysPaidOn, "saysPaidOn");
    if (paidOn > todayIn(org.timeZone, input.now))
      throw invalid("saysPaidOn", "A payment the customer says they made cannot be dated after today.");
    await recordPaidClaim(tx, {
      orgId: input.orgId,
      customerId: customer.id,
      currency: customer.currency,
      paidOn,
      source: "contact",
      userId: input.actor.userId,
    });
  }
  return { contactId: contact.id };
}

/** Role, the channel/outcome combination, note, date and time: refused before anything is written. */
function checkContact(input: LogContactInput): void {
  assertCanWork(input.actor);
  if (!ALLOWED[input.direction]?.[input.channel]?.includes(input.outcome)) {
    throw invalid(
      "outcome",
      `A${input.direction === "INBOUND" ? "n inbound" : "n outbound"} ${input.channel.toLowerCase()} cannot have the outcome "${input.outcome.toLowerCase().replace("_", " ")}".`,
    );
  }
  requireText(input.note, "note", "a short note of what happened");
  parseDay(input.occurredOn, "occurredOn");
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.time)) throw invalid("time", "Enter a time as HH:MM.");
}
