import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openDispute, resolveDispute } from "@/lib/collections/disputes";
import {
  cancelFollowUp,
  completeFollowUp,
  logContactAndFollowUp,
  scheduleFollowUp,
} from "@/lib/collections/follow-ups";
import { addInternalNote } from "@/lib/collections/internal-notes";
import { recordPromise } from "@/lib/collections/record-promise";
import { assignAccounts } from "@/lib/customers/assign-accounts";
import type { AppError } from "@/lib/errors/app-error";
import { buildHandoffPack } from "@/lib/handoff-pack/build-handoff-pack";
import { createCustomerRequest } from "@/lib/portal/create-request";
import { addDaysTo } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { loadToday } from "@/lib/today/today-sections";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createLetter, createOrg, createUser } from "./factories";

const db = useTestDb();

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a refusal");
}

async function team(timeZone = "Europe/Oslo") {
  const org = await createOrg(db, { timeZone });
  const [collector, admin, viewer] = await Promise.all([
    createUser(db, org.id, "COLLECTOR"),
    createUser(db, org.id, "ADMIN"),
    createUser(db, org.id, "VIEWER"),
  ]);
  const actor: Actor = { userId: collector.id, role: "COLLECTOR" };
  return { org, collector, admin, viewer, actor };
}

const auditCount = (orgId: string, kind: string) => db.auditEvent.count({ where: { orgId, kind } });

describe("assigning accounts", () => {
  it("assigns a list of customers to a collector, one audit event per change", async () => {
    const { org, collector, admin, actor } = await team();
    const [a, b] = await Promise.all([createCustomer(db, org.id), createCustomer(db, org.id)]);
    const result = await assignAccounts(db, { orgId: org.id, actor, customerIds: [a.id, b.id], userId: admin.id });
    expect(result).toEqual({ changed: 2, name: admin.name });
    const again = await assignAccounts(db, { orgId: org.id, actor, customerIds: [a.id], userId: collector.id });
    expect(again.changed).toBe(1);
    const rows = await db.customer.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.assignedUserId]))).toEqual({
      [a.id]: collector.id,
      [b.id]: admin.id,
    });
    const events = await db.auditEvent.findMany({
      where: { orgId: org.id, kind: "customer.assigned" },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => e.payload)).toContainEqual({
      customerId: a.id,
      fromUserId: admin.id,
      toUserId: collector.id,
      toName: collector.name,
    });
    expect(events).toHaveLength(3);
  });

  it("refuses a viewer, another organization's user and another organization's customer, changing nothing", async () => {
    const { org, viewer, actor, collector } = await team();
    const other = await team();
    const customer = await createCustomer(db, org.id);
    const theirCustomer = await createCustomer(db, other.org.id);

    const toViewer = await refusal(
      assignAccounts(db, { orgId: org.id, actor, customerIds: [customer.id], userId: viewer.id }),
    );
    expect(toViewer.code).toBe("INVALID_INPUT");
    expect(toViewer.message).toBe(
      `${viewer.name} is a viewer and cannot work accounts; assign them to a collector or an administrator.`,
    );

    const toStranger = await refusal(
      assignAccounts(db, { orgId: org.id, actor, customerIds: [customer.id], userId: other.collector.id }),
    );
    expect(toStranger.code).toBe("NOT_FOUND");
    expect(toStranger.message).toMatch(/not in your organization/);

    const theirs = await refusal(
      assignAccounts(db, { orgId: org.id, actor, customerIds: [customer.id, theirCustomer.id], userId: collector.id }),
    );
    expect(theirs.code).toBe("NOT_FOUND");

    const byViewer = await refusal(
      assignAccounts(db, {
        orgId: org.id,
        actor: { userId: viewer.id, role: "VIEWER" },
        customerIds: [customer.id],
        userId: collector.id,
      }),
    );
    expect(byViewer.code).toBe("FORBIDDEN");

    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).assignedUserId).toBeNull();
    expect((await db.customer.findUniqueOrThrow({ where: { id: theirCustomer.id } })).assignedUserId).toBeNull();
    expect(await auditCount(org.id, "customer.assigned")).toBe(0);
  });
});

describe("follow-ups", () => {
  it("refuses a day already past in the organization's time zone, not the server's", async () => {
    // 20:00 UTC on 10 June is already 11 June in Auckland.
    const now = new Date("2026-06-10T20:00:00Z");
    const { org, actor } = await team("Pacific/Auckland");
    const customer = await createCustomer(db, org.id);
    const past = await refusal(
      scheduleFollowUp(db, { orgId: org.id, actor, customerId: customer.id, dueOn: "2026-06-10", note: "Call", now }),
    );
    expect(past.code).toBe("INVALID_INPUT");
    expect(past.fieldErrors?.dueOn?.[0]).toBe(
      "That day has passed: plan the call-back for today (2026-06-11) or later.",
    );
    expect(await db.followUp.count({ where: { orgId: org.id } })).toBe(0);
    expect(await auditCount(org.id, "follow_up.scheduled")).toBe(0);

    await scheduleFollowUp(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      dueOn: "2026-06-11",
      note: "Call",
      now,
    });
    expect(await db.followUp.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("plans the next call-back with a logged contact in one step; a past day refuses both", async () => {
    const now = new Date("2026-06-10T10:00:00Z");
    const { org, actor } = await team();
    const customer = await createCustomer(db, org.id);
    const contact = {
      orgId: org.id,
      actor,
      customerId: customer.id,
      channel: "PHONE" as const,
      direction: "OUTBOUND" as const,
      outcome: "SPOKE" as const,
      occurredOn: "2026-06-10",
      time: "09:00",
      note: "Will pay next week",
      now,
    };
    const refused = await refusal(
      logContactAndFollowUp(db, { ...contact, followUp: { dueOn: "2026-06-09", note: "x" } }),
    );
    expect(refused.fieldErrors?.followUpOn).toBeDefined();
    expect(await db.contactAttempt.count({ where: { orgId: org.id } })).toBe(0);

    const done = await logContactAndFollowUp(db, {
      ...contact,
      followUp: { dueOn: "2026-06-17", note: "Check payment" },
    });
    expect(done.followUpId).not.toBeNull();
    expect(await db.contactAttempt.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("completing one logs the contact it led to in the same transaction; a second completion is refused", async () => {
    const now = new Date("2026-06-10T10:00:00Z");
    const { org, actor, collector } = await team();
    const customer = await createCustomer(db, org.id);
    const { followUpId } = await scheduleFollowUp(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      dueOn: "2026-06-10",
      note: "Ask about INV-7",
      now,
    });
    const call = {
      orgId: org.id,
      actor,
      followUpId,
      channel: "PHONE" as const,
      direction: "OUTBOUND" as const,
      outcome: "SPOKE" as const,
      occurredOn: "2026-06-10",
      time: "11:00",
      now,
    };
    // A contact that cannot be logged leaves the follow-up open.
    const bad = await refusal(completeFollowUp(db, { ...call, note: "" }));
    expect(bad.code).toBe("INVALID_INPUT");
    expect((await db.followUp.findUniqueOrThrow({ where: { id: followUpId } })).doneAt).toBeNull();

    const { contactId } = await completeFollowUp(db, { ...call, note: "Paying Friday" });
    const followUp = await db.followUp.findUniqueOrThrow({ where: { id: followUpId } });
    expect(followUp).toMatchObject({ contactId, doneById: collector.id, doneAt: now, cancelledAt: null });
    const contact = await db.contactAttempt.findUniqueOrThrow({ where: { id: contactId } });
    expect(contact).toMatchObject({ customerId: customer.id, note: "Paying Friday", outcome: "SPOKE" });

    const twice = await refusal(completeFollowUp(db, { ...call, note: "again" }));
    expect(twice.code).toBe("CONFLICT");
    expect(twice.message).toMatch(new RegExp(`^This call-back was already completed by ${collector.name} on `));
    expect(await db.contactAttempt.count({ where: { orgId: org.id } })).toBe(1);
    expect(await auditCount(org.id, "follow_up.done")).toBe(1);
  });

  it("is cancelled, never deleted; a closed one cannot change", async () => {
    const now = new Date("2026-06-10T10:00:00Z");
    const { org, actor, collector } = await team();
    const customer = await createCustomer(db, org.id);
    const { followUpId } = await scheduleFollowUp(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      dueOn: "2026-06-12",
      note: "Call",
      now,
    });
    await cancelFollowUp(db, { orgId: org.id, actor, followUpId, now });
    expect(await db.followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({
      cancelledById: collector.id,
      cancelledAt: now,
    });
    await expect(db.followUp.delete({ where: { id: followUpId } })).rejects.toThrow();
    await expect(db.followUp.update({ where: { id: followUpId }, data: { cancelledAt: null } })).rejects.toThrow(
      /closed and cannot change/,
    );
    expect((await refusal(cancelFollowUp(db, { orgId: org.id, actor, followUpId, now }))).code).toBe("CONFLICT");
  });
});

describe("internal notes", () => {
  it("stay out of the hand-off pack's contact history, and cannot be edited", async () => {
    const { org, actor } = await team();
    const customer = await createCustomer(db, org.id);
    await createInvoice(db, customer, { amountMinor: 50_000, dueDate: "2026-05-01" });
    const now = instantAt("2026-06-10", "10:00", org.timeZone);
    await logContactAndFollowUp(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "SPOKE",
      occurredOn: "2026-06-10",
      time: "09:00",
      note: "Said to the customer: pay by Friday",
      now,
      followUp: null,
    });
    const { noteId } = await addInternalNote(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      body: "SECRET-REMARK: their CFO is leaving",
    });
    const pack = await buildHandoffPack(db, { orgId: org.id, customerId: customer.id, actor, now });
    const files = unzipSync(pack.bytes);
    const history = Buffer.from(files["contact-history.csv"]).toString("utf8");
    expect(history).toContain("Said to the customer: pay by Friday");
    const everything = Object.values(files)
      .map((f) => Buffer.from(f).toString("latin1"))
      .join("\n");
    expect(everything).not.toContain("SECRET-REMARK");
    await expect(db.internalNote.update({ where: { id: noteId }, data: { body: "changed" } })).rejects.toThrow(
      // The app's role may only insert (lib/db/app-role.ts); the owner meets the trigger.
      /append-only|permission denied/,
    );
  });
});

describe("Today", () => {
  it("counts each section in SQL, for everyone and for mine", async () => {
    const { org, actor, collector, admin } = await team();
    const now = instantAt("2026-06-10", "10:00", org.timeZone);
    const today = "2026-06-10";
    const at = (day: string) => instantAt(day, "10:00", org.timeZone);
    const opts = { orgId: org.id, now, timeZone: org.timeZone, locale: "en-GB", limit: 5 };

    // Letters due: two overdue accounts with nothing sent.
    const [late1, late2] = await Promise.all([createCustomer(db, org.id), createCustomer(db, org.id)]);
    const inv1 = await createInvoice(db, late1, { amountMinor: 90_000, dueDate: "2026-05-01" });
    await createInvoice(db, late2, { amountMinor: 10_000, dueDate: "2026-05-20" });

    // A promise due today, a broken one (nothing logged since), a broken one acted on since, a kept one.
    const promiser = await createCustomer(db, org.id);
    await createInvoice(db, promiser, { amountMinor: 80_000, dueDate: "2026-04-01" });
    const account = { orgId: org.id, actor, customerId: promiser.id, currency: "EUR" };
    await recordPromise(db, { ...account, amount: "100.00", promisedFor: today, now: at("2026-06-01") });
    const broken = await createCustomer(db, org.id);
    await createInvoice(db, broken, { amountMinor: 70_000, dueDate: "2026-04-01" });
    await recordPromise(db, {
      ...account,
      customerId: broken.id,
      amount: "200.00",
      promisedFor: "2026-06-05",
      now: at("2026-06-01"),
    });
    const actedOn = await createCustomer(db, org.id);
    await createInvoice(db, actedOn, { amountMinor: 70_000, dueDate: "2026-04-01" });
    await recordPromise(db, {
      ...account,
      customerId: actedOn.id,
      amount: "200.00",
      promisedFor: "2026-06-05",
      now: at("2026-06-01"),
    });
    await logContactAndFollowUp(db, {
      orgId: org.id,
      actor,
      customerId: actedOn.id,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "NO_ANSWER",
      occurredOn: "2026-06-08",
      time: "09:00",
      note: "Chased the broken promise",
      now,
      followUp: null,
    });

    // Call-backs: one overdue, one today (planned by the admin), one tomorrow (not yet), one done.
    const plan = (who: Actor, customerId: string, dueOn: string) =>
      scheduleFollowUp(db, { orgId: org.id, actor: who, customerId, dueOn, note: "Call", now: at("2026-06-01") });
    const adminActor: Actor = { userId: admin.id, role: "ADMIN" };
    await plan(actor, late1.id, "2026-06-09");
    await plan(adminActor, late2.id, today);
    await plan(actor, late2.id, addDaysTo(today, 1));
    const done = await plan(actor, late2.id, "2026-06-08");
    await completeFollowUp(db, {
      orgId: org.id,
      actor,
      followUpId: done.followUpId,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "SPOKE",
      occurredOn: today,
      time: "09:00",
      note: "Done",
      now,
    });

    // Failed deliveries: newest try failed (counted); failed then delivered on a later request (not).
    const [mailed, mailed2] = await Promise.all([createCustomer(db, org.id), createCustomer(db, org.id)]);
    const [failed, recovered] = await Promise.all([createLetter(db, mailed), createLetter(db, mailed2)]);
    const deliver = async (letterId: string, outcome: "FAILED" | "ACCEPTED", requestedAt: Date) => {
      const customerId = letterId === failed.id ? mailed.id : mailed2.id;
      const d = await db.letterDelivery.create({
        data: { orgId: org.id, letterId, customerId, recipient: "ap@customer.example", requestedAt },
      });
      await db.letterDeliveryResult.create({
        data: {
          orgId: org.id,
          deliveryId: d.id,
          attempt: 1,
          outcome,
          transport: "smtp",
          error: outcome === "FAILED" ? "550 mailbox full" : "",
        },
      });
    };
    await deliver(failed.id, "FAILED", at("2026-06-09"));
    await deliver(recovered.id, "FAILED", at("2026-06-08"));
    await deliver(recovered.id, "ACCEPTED", at("2026-06-09"));

    // Disputes: one open, one resolved.
    const disputed = await createCustomer(db, org.id);
    const [d1, d2] = await Promise.all([
      createInvoice(db, disputed, { amountMinor: 5_000, dueDate: "2026-06-20" }),
      createInvoice(db, disputed, { amountMinor: 6_000, dueDate: "2026-06-20" }),
    ]);
    await openDispute(db, { orgId: org.id, actor, invoiceId: d1.id, note: "Wrong quantity", now: at("2026-06-02") });
    const { disputeId } = await openDispute(db, {
      orgId: org.id,
      actor,
      invoiceId: d2.id,
      note: "Price",
      now: at("2026-06-02"),
    });
    await resolveDispute(db, { orgId: org.id, actor, disputeId, note: "Credited", now: at("2026-06-03") });

    // A message from the disputed customer's page, unread.
    await createCustomerRequest(db, {
      orgId: org.id,
      customerId: disputed.id,
      currency: "EUR",
      kind: "MESSAGE",
      source: "portal",
      message: "Any news?",
    });

    const counts = async (mine: string | null) =>
      Object.fromEntries((await loadToday(db, { ...opts, mine })).sections.map((s) => [s.key, s.count]));
    const everyone = await counts(null);
    expect(everyone).toEqual({
      fromCustomers: 1,
      // Emailed replies are counted in tests/inbound-email.test.ts.
      replies: 0,
      // Overdue with nothing sent: late1, late2, broken and actedOn (the promiser's promise holds letters until its day).
      letters: 4,
      promisesDue: 1,
      promisesBroken: 1,
      callBacks: 2,
      failedDeliveries: 1,
      disputes: 1,
    });

    // Mine: accounts assigned to the collector, and the call-backs they planned.
    await assignAccounts(db, { orgId: org.id, actor, customerIds: [disputed.id, broken.id], userId: collector.id });
    expect(await counts(collector.id)).toEqual({
      fromCustomers: 1,
      // Emailed replies are counted in tests/inbound-email.test.ts.
      replies: 0,
      letters: 1,
      promisesDue: 0,
      promisesBroken: 1,
      callBacks: 1,
      failedDeliveries: 0,
      disputes: 1,
    });
    expect(await counts(admin.id)).toMatchObject({ fromCustomers: 0, callBacks: 1, disputes: 0 });

    // Paging a section: its items in order, the count unchanged.
    const page = await loadToday(db, { ...opts, mine: null, section: "letters", limit: 2, page: 1 });
    expect(page.sections).toHaveLength(1);
    expect(page.sections[0].count).toBe(4);
    expect(page.sections[0].items).toHaveLength(2);
    // Worklist order: overdue amount times days (700.00 × 70 days twice, then 900.00 × 40, then 100.00 × 21).
    expect(new Set(page.sections[0].items.map((i) => i.customerId))).toEqual(new Set([broken.id, actedOn.id]));
    const page2 = await loadToday(db, { ...opts, mine: null, section: "letters", limit: 2, page: 2 });
    expect(page2.sections[0].items.map((i) => i.customerId)).toEqual([late1.id, late2.id]);
    expect(page2.sections[0].items[0].text).toBe(
      `Letter 1 is due (€${(inv1.amountMinor / 100n).toString()}.00 overdue)`,
    );
  });
});
