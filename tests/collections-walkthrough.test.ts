import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getContactHistory, getLetterOrThrow } from "@/lib/collections/contact-history";
import { openDispute, resolveDispute } from "@/lib/collections/disputes";
import { listWorklist } from "@/lib/collections/list-worklist";
import { logContact } from "@/lib/collections/log-contact";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { recordPromise } from "@/lib/collections/record-promise";
import { recordTrackingNumber } from "@/lib/collections/record-tracking-number";
import { recordPayment } from "@/lib/ledger/record-payment";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const at = (day: string, time = "10:00") => instantAt(day, time, "Europe/Oslo");

describe("one account from letter 1 to hand-off and letter 4, across simulated weeks", () => {
  it("walks the whole workflow with a broken promise and a dispute", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const actor: Actor = { userId: user.id, role: "COLLECTOR" };
    const customer = await createCustomer(db, org.id, { name: "Gamma Srl", currency: "EUR" });
    const account = { orgId: org.id, actor, customerId: customer.id, currency: "EUR" };
    // Short deadlines (8 days for letter 1, 11 for letter 2): the next letter never goes before
    // the previous letter's deadline, and the broken promise below falls after letter 1's.
    await db.collectionPolicy.create({ data: { orgId: org.id, deadlineDays1: 8, deadlineDays2: 11 } });
    const invA = await createInvoice(db, customer, {
      amountMinor: 100000,
      issueDate: "2026-10-02",
      dueDate: "2026-11-01",
      number: `A-${customer.id.slice(-6)}`,
    });
    const invB = await createInvoice(db, customer, {
      amountMinor: 50000,
      issueDate: "2026-10-11",
      dueDate: "2026-11-10",
      number: `B-${customer.id.slice(-6)}`,
    });
    const worklist = async (day: string) =>
      (await listWorklist(db, { orgId: org.id, now: at(day) })).items.find((i) => i.customerId === customer.id);
    const send = (day: string, stage: 1 | 2 | 3 | 4) =>
      sendNextLetter(db, { ...account, stage, now: at(day, "11:00") });

    // Week 1: an overdue notice by email, then letter 1 for the overdue invoice A only.
    await logContact(db, {
      ...account,
      channel: "EMAIL",
      direction: "OUTBOUND",
      outcome: "SENT",
      occurredOn: "2026-11-03",
      time: "09:00",
      note: "Overdue notice with invoice copy",
      now: at("2026-11-03"),
    });
    expect(await worklist("2026-11-05")).toMatchObject({
      kind: "letter",
      dueStage: 1,
      reasons: [expect.stringContaining("Letter 1 due since Nov 2, 2026")],
    });
    const l1 = await send("2026-11-05", 1);
    const letter1 = await getLetterOrThrow(db, { orgId: org.id, letterId: l1.letterId });
    expect(letter1.invoices).toEqual([
      expect.objectContaining({ number: invA.number, openMinor: 100000, daysPastDue: 4 }),
    ]);
    expect(letter1.body).toContain("November 3, 2026: we emailed you");
    expect(await worklist("2026-11-06")).toBeUndefined();

    // The customer answers the phone and promises EUR 500 by 15 Nov: escalation pauses.
    await logContact(db, {
      ...account,
      channel: "PHONE",
      direction: "OUTBOUND",
      outcome: "SPOKE",
      occurredOn: "2026-11-08",
      time: "14:00",
      note: "Will pay 500 by the 15th",
      now: at("2026-11-08", "15:00"),
    });
    await recordPromise(db, {
      ...account,
      amount: "500.00",
      promisedFor: "2026-11-15",
      now: at("2026-11-08", "15:00"),
    });
    expect(await worklist("2026-11-12")).toBeUndefined();
    await expect(send("2026-11-12", 2)).rejects.toMatchObject({
      code: "TOO_EARLY",
      message: expect.stringContaining("Nov 22, 2026"),
    });

    // The promise date passes with no payment: broken, letter 2 at once, covering A and B.
    expect(await worklist("2026-11-16")).toMatchObject({
      dueStage: 2,
      reasons: ["Promise of €500.00 due Nov 15, 2026 was broken: letter 2 is due at once"],
    });
    const l2 = await send("2026-11-16", 2);
    const letter2 = await getLetterOrThrow(db, { orgId: org.id, letterId: l2.letterId });
    expect((letter2.invoices as { number: string }[]).map((i) => i.number)).toEqual([invA.number, invB.number]);
    expect(letter2.body).toContain("November 5, 2026: our letter 1 (first reminder) sent by post");
    // The customer spoke to us and promised after letter 1: the letter says so, not "we have not heard from you".
    expect(letter2.body).not.toContain("not heard from you");
    expect(letter2.body).toMatch(/you promised to pay €500\.00 by November 15, 2026: not paid/);
    expect(await db.accountEvent.count({ where: { customerId: customer.id, kind: "PROMISE_BROKEN" } })).toBe(1);

    // Invoice B is disputed; a partial payment goes to the oldest invoice, A.
    const { disputeId } = await openDispute(db, {
      orgId: org.id,
      actor,
      invoiceId: invB.id,
      note: "Goods arrived damaged",
      now: at("2026-11-18"),
    });
    expect((await worklist("2026-11-18"))!.reasons).toEqual([
      expect.stringMatching(/^Disputed invoice B-\w+ awaiting answer/),
    ]);
    const paid = await recordPayment(db, {
      ...account,
      amount: "200",
      receivedOn: "2026-11-20",
      now: at("2026-11-20"),
    });
    expect(paid.allocations).toEqual([expect.objectContaining({ invoiceId: invA.id, amountMinor: 20000 })]);

    // Letter 3 fourteen days after letter 2, without the disputed invoice.
    expect(await worklist("2026-11-29")).toMatchObject({ kind: "dispute", dueStage: null });
    expect(await worklist("2026-11-30")).toMatchObject({ kind: "letter", dueStage: 3, overdueMinor: 130000 });
    const l3 = await send("2026-11-30", 3);
    const letter3 = await getLetterOrThrow(db, { orgId: org.id, letterId: l3.letterId });
    expect(letter3.invoices).toEqual([expect.objectContaining({ number: invA.number, openMinor: 80000 })]);
    expect(letter3.body).not.toContain(invB.number);
    expect(l3.deadline).toBe("2026-12-14");

    // Hand-off only after letter 3's deadline; then letter 4 by registered mail.
    await expect(
      recordHandoff(db, {
        ...account,
        agency: "Nordic Recovery AS",
        reference: "NR-1",
        handedOverOn: "2026-12-10",
        amount: "800",
        now: at("2026-12-10"),
      }),
    ).rejects.toMatchObject({ code: "TOO_EARLY" });
    await expect(send("2026-12-15", 4)).rejects.toMatchObject({
      code: "TOO_EARLY",
      message: expect.stringContaining("hand-off"),
    });
    expect(await worklist("2026-12-15")).toMatchObject({ kind: "handoff" });
    const history = await getContactHistory(db, { orgId: org.id, customerId: customer.id });
    expect(
      history
        .filter((h) => h.type === "contact")
        .map((h) => h.type === "contact" && (h.letter ? `letter ${h.letter.stage}` : h.channel)),
    ).toEqual(["EMAIL", "letter 1", "PHONE", "letter 2", "letter 3"]);
    expect(history.map((h) => h.at.getTime())).toEqual([...history.map((h) => h.at.getTime())].sort((a, b) => a - b));
    await recordHandoff(db, {
      ...account,
      agency: "Nordic Recovery AS",
      reference: "NR-5531",
      handedOverOn: "2026-12-15",
      amount: "800",
      now: at("2026-12-15"),
    });
    expect(await worklist("2026-12-15")).toMatchObject({
      kind: "letter",
      dueStage: 4,
      reasons: [expect.stringContaining("handed over to Nordic Recovery AS")],
    });
    const l4 = await send("2026-12-15", 4);
    const letter4 = await getLetterOrThrow(db, { orgId: org.id, letterId: l4.letterId });
    expect(letter4).toMatchObject({ registeredMail: true, stage: 4 });
    expect(letter4.body).toContain("NR-5531");
    expect(await worklist("2026-12-16")).toMatchObject({
      kind: "tracking",
      reasons: [expect.stringContaining("tracking number")],
    });
    await recordTrackingNumber(db, {
      orgId: org.id,
      actor,
      letterId: l4.letterId,
      trackingNumber: "RR123456785NO",
      now: at("2026-12-16"),
    });
    expect(await worklist("2026-12-16")).toBeUndefined();

    // Paid in full: the case closes; a later overdue invoice starts again at letter 1 in a new case.
    await resolveDispute(db, {
      orgId: org.id,
      actor,
      disputeId,
      note: "Credit note agreed; customer pays in full",
      now: at("2027-01-05"),
    });
    await recordPayment(db, { ...account, amount: "1300", receivedOn: "2027-01-05", now: at("2027-01-05") });
    expect(await db.collectionCase.findMany({ where: { customerId: customer.id } })).toEqual([
      expect.objectContaining({ closedAt: at("2027-01-05") }),
    ]);
    await createInvoice(db, customer, { amountMinor: 7000, issueDate: "2027-01-10", dueDate: "2027-02-10" });
    expect(await worklist("2027-02-12")).toMatchObject({ dueStage: 1, lastStage: null });
    await send("2027-02-12", 1);
    const cases = await db.collectionCase.findMany({
      where: { customerId: customer.id },
      include: { letters: true },
      orderBy: { openedAt: "asc" },
    });
    expect(cases.map((c) => c.letters.map((l) => l.stage).sort())).toEqual([[1, 2, 3, 4], [1]]);

    const kinds = (await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.kind,
    );
    expect(kinds).toEqual([
      "contact.logged",
      "case.opened",
      "letter.sent",
      "contact.logged",
      "promise.recorded",
      "promise.broken",
      "letter.sent",
      "dispute.opened",
      "payment.recorded",
      "letter.sent",
      "handoff.recorded",
      "letter.sent",
      "letter.tracking_recorded",
      "dispute.resolved",
      "payment.recorded",
      "case.closed",
      "case.opened",
      "letter.sent",
    ]);
  });
});
