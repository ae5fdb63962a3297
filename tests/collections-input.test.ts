import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { openDispute, resolveDispute } from "@/lib/collections/disputes";
import { listDueLetters, listWorklist } from "@/lib/collections/list-worklist";
import { logContact } from "@/lib/collections/log-contact";
import { recordPlan } from "@/lib/collections/record-plan";
import { recordPromise } from "@/lib/collections/record-promise";
import { updatePolicy } from "@/lib/collections/update-policy";
import { recordPayment } from "@/lib/ledger/record-payment";
import { sendDueLetters } from "@/lib/letters/send-all-due";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";

const db = useTestDb();
const at = (day: string, time = "10:00") => instantAt(day, time, "Europe/Oslo");
const NOW = at("2026-11-20");

async function fixture() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const actor: Actor = { userId: user.id, role: "COLLECTOR" };
  const customer = await createCustomer(db, org.id, { currency: "EUR" });
  const invoice = await createInvoice(db, customer, { amountMinor: 100000, dueDate: "2026-11-01" });
  return {
    org,
    user,
    actor,
    customer,
    invoice,
    account: { orgId: org.id, actor, customerId: customer.id, currency: "EUR", now: NOW },
  };
}

/** Every table a collections verb may write, counted for one organization. */
async function snapshot(orgId: string) {
  const where = { where: { orgId } };
  return Promise.all([
    db.payment.count(where),
    db.paymentPromise.count(where),
    db.paymentPlan.count(where),
    db.invoiceDispute.count(where),
    db.contactAttempt.count(where),
    db.letter.count(where),
    db.collectionCase.count(where),
    db.accountEvent.count(where),
    db.auditEvent.count(where),
    db.invoice.aggregate({ ...where, _sum: { paidMinor: true } }).then((r) => r._sum.paidMinor),
  ]);
}

describe("bad input changes nothing", () => {
  it.each<
    [
      string,
      (f: Awaited<ReturnType<typeof fixture>>, other: Awaited<ReturnType<typeof fixture>>) => Promise<unknown>,
      Record<string, unknown>,
    ]
  >([
    [
      "a bad amount",
      (f) => recordPayment(db, { ...f.account, amount: "12,3,4", receivedOn: "2026-11-20" }),
      { code: "INVALID_INPUT", fieldErrors: { amount: [expect.stringContaining("is not an amount")] } },
    ],
    [
      "a negative amount",
      (f) => recordPromise(db, { ...f.account, amount: "-5", promisedFor: "2026-11-30" }),
      { code: "INVALID_INPUT", fieldErrors: { amount: ["Enter an amount above zero."] } },
    ],
    [
      "too many decimals",
      (f) => recordPayment(db, { ...f.account, amount: "10.5555", receivedOn: "2026-11-20" }),
      { code: "INVALID_INPUT", message: "EUR amounts have at most 2 decimals." },
    ],
    [
      // An overpayment is no longer refused: the rest is kept as unapplied cash (tests/ledger.test.ts).
      "a payment dated before its invoice's issue date",
      (f) => recordPayment(db, { ...f.account, amount: "10", receivedOn: "2020-01-01", invoiceId: f.invoice.id }),
      { code: "INVALID_INPUT", fieldErrors: { receivedOn: [expect.stringContaining("cannot be dated earlier")] } },
    ],
    [
      "a payment dated tomorrow",
      (f) => recordPayment(db, { ...f.account, amount: "10", receivedOn: "2026-11-21" }),
      { code: "INVALID_INPUT", fieldErrors: { receivedOn: [expect.stringContaining("after today")] } },
    ],
    [
      "a date that does not exist",
      (f) => recordPromise(db, { ...f.account, amount: "10", promisedFor: "2026-02-30" }),
      { code: "INVALID_INPUT", fieldErrors: { promisedFor: ["Enter a real date as YYYY-MM-DD."] } },
    ],
    [
      "a promise in the past",
      (f) => recordPromise(db, { ...f.account, amount: "10", promisedFor: "2026-11-19" }),
      { code: "INVALID_INPUT", fieldErrors: { promisedFor: [expect.stringContaining("past")] } },
    ],
    [
      "instalments out of order",
      (f) =>
        recordPlan(db, {
          ...f.account,
          instalments: [
            { amount: "10", dueOn: "2026-12-20" },
            { amount: "10", dueOn: "2026-12-01" },
          ],
        }),
      { code: "INVALID_INPUT", message: "Instalment 2 must fall after instalment 1." },
    ],
    [
      "a plan above the balance",
      (f) =>
        recordPlan(db, {
          ...f.account,
          instalments: [
            { amount: "600", dueOn: "2026-12-01" },
            { amount: "600", dueOn: "2027-01-01" },
          ],
        }),
      { code: "INVALID_INPUT", message: expect.stringContaining("more than the open balance") },
    ],
    [
      "another organization's invoice",
      (f, other) =>
        openDispute(db, { orgId: f.org.id, actor: f.actor, invoiceId: other.invoice.id, note: "not mine", now: NOW }),
      { code: "NOT_FOUND" },
    ],
    [
      "another organization's invoice as payment target",
      (f, other) =>
        recordPayment(db, { ...f.account, amount: "10", receivedOn: "2026-11-20", invoiceId: other.invoice.id }),
      { code: "NOT_FOUND" },
    ],
    [
      "another organization's customer",
      (f, other) =>
        recordPromise(db, { ...f.account, customerId: other.customer.id, amount: "10", promisedFor: "2026-11-30" }),
      { code: "NOT_FOUND" },
    ],
    [
      "an SMS outcome on a phone call",
      (f) =>
        logContact(db, {
          ...f.account,
          channel: "PHONE",
          direction: "OUTBOUND",
          outcome: "REPLIED",
          occurredOn: "2026-11-20",
          time: "09:00",
          note: "x",
        }),
      { code: "INVALID_INPUT" },
    ],
    [
      "a call in the future",
      (f) =>
        logContact(db, {
          ...f.account,
          channel: "PHONE",
          direction: "OUTBOUND",
          outcome: "SPOKE",
          occurredOn: "2026-11-20",
          time: "23:00",
          note: "x",
        }),
      { code: "INVALID_INPUT" },
    ],
    [
      "a call without a note",
      (f) =>
        logContact(db, {
          ...f.account,
          channel: "PHONE",
          direction: "OUTBOUND",
          outcome: "SPOKE",
          occurredOn: "2026-11-20",
          time: "09:00",
          note: "  ",
        }),
      { code: "INVALID_INPUT", fieldErrors: { note: [expect.any(String)] } },
    ],
    [
      "a viewer recording a payment",
      (f) =>
        recordPayment(db, {
          ...f.account,
          actor: { ...f.actor, role: "VIEWER" },
          amount: "10",
          receivedOn: "2026-11-20",
        }),
      { code: "FORBIDDEN" },
    ],
    [
      "a collector editing the policy",
      (f) =>
        updatePolicy(db, {
          orgId: f.org.id,
          actor: f.actor,
          settings: {
            letter1AfterDueDays: 1,
            letter2AfterDays: 7,
            letter3AfterDays: 7,
            letter4AfterDeadlineDays: 1,
            deadlineDays1: 14,
            deadlineDays2: 14,
            deadlineDays3: 14,
            deadlineDays4: 14,
          },
        }),
      { code: "FORBIDDEN" },
    ],
  ])("%s", async (_name, act, expected) => {
    const f = await fixture();
    const other = await fixture();
    const before = await snapshot(f.org.id);
    await expect(act(f, other)).rejects.toMatchObject(expected);
    expect(await snapshot(f.org.id)).toEqual(before);
  });

  it("a promise on a paid account is refused and opens no case", async () => {
    const f = await fixture();
    await createPayment(db, f.invoice, { amountMinor: 100000, receivedOn: "2026-11-10" });
    const before = await snapshot(f.org.id);
    await expect(recordPromise(db, { ...f.account, amount: "10", promisedFor: "2026-11-30" })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("nothing open"),
    });
    expect(await snapshot(f.org.id)).toEqual(before);
  });
});

describe("payments", () => {
  it("go to the oldest open invoice first, split across invoices, or to the chosen one", async () => {
    const f = await fixture();
    const newer = await createInvoice(db, f.customer, { amountMinor: 30000, dueDate: "2026-11-15" });
    const r = await recordPayment(db, { ...f.account, amount: "1,100.00", receivedOn: "2026-11-20" });
    expect(r.allocations.map((a) => [a.invoiceId, a.amountMinor])).toEqual([
      [f.invoice.id, 100000],
      [newer.id, 10000],
    ]);
    const r2 = await recordPayment(db, { ...f.account, amount: "50", receivedOn: "2026-11-20", invoiceId: newer.id });
    expect(r2.allocations.map((a) => [a.invoiceId, a.amountMinor])).toEqual([[newer.id, 5000]]);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: newer.id } })).paidMinor).toBe(15000n);
  });
});

describe("payment plans", () => {
  it("pause escalation while instalments are met; a missed one makes the next letter due at once", async () => {
    const f = await fixture();
    await sendNextLetter(db, { ...f.account, stage: 1, now: at("2026-11-05") });
    await recordPlan(db, {
      ...f.account,
      now: at("2026-11-06"),
      instalments: [
        { amount: "300", dueOn: "2026-11-15" },
        { amount: "300", dueOn: "2026-12-15" },
        { amount: "400", dueOn: "2027-01-15" },
      ],
    });
    await recordPayment(db, { ...f.account, amount: "300", receivedOn: "2026-11-14", now: at("2026-11-14") });
    const onList = async (day: string) =>
      (await listWorklist(db, { orgId: f.org.id, now: at(day) })).items.find((i) => i.customerId === f.customer.id);
    expect(await onList("2026-11-25")).toBeUndefined(); // letter 2 would be due 19 Nov without the plan
    expect(await onList("2026-12-16")).toMatchObject({
      dueStage: 2,
      reasons: [expect.stringContaining("Instalment of €300.00 due Dec 15, 2026 under the payment plan was missed")],
    });
    // A new promise after the missed instalment records the breach in the history first, once.
    await recordPromise(db, { ...f.account, amount: "300", promisedFor: "2026-12-20", now: at("2026-12-16") });
    await recordPromise(db, { ...f.account, amount: "100", promisedFor: "2026-12-21", now: at("2026-12-16") });
    expect(await db.accountEvent.count({ where: { customerId: f.customer.id, kind: "PROMISE_BROKEN" } })).toBe(1);
    expect(await onList("2026-12-18")).toBeUndefined(); // paused again by the new promise
  });
});

describe("send all due letters", () => {
  it("sends every due letter once, reports per account, and is safe to run twice", async () => {
    const f = await fixture();
    const second = await createCustomer(db, f.org.id, { currency: "EUR" });
    await createInvoice(db, second, { amountMinor: 5000, dueDate: "2026-11-10" });
    const notYet = await createCustomer(db, f.org.id, { currency: "EUR" });
    await createInvoice(db, notYet, { amountMinor: 5000, dueDate: "2026-11-20" });
    const due = await listDueLetters(db, { orgId: f.org.id, now: NOW });
    expect(due.map((d) => [d.customerId, d.stage])).toEqual([
      [f.customer.id, 1],
      [second.id, 1],
    ]); // larger amount-age first
    const first = await sendDueLetters(db, { orgId: f.org.id, actor: f.actor, letters: due, now: NOW });
    expect(first.map((r) => r.status)).toEqual(["sent", "sent"]);
    // A second run with the same (stale) list skips both with who sent them; a fresh list is empty.
    const again = await sendDueLetters(db, { orgId: f.org.id, actor: f.actor, letters: due, now: NOW });
    expect(again).toEqual([
      expect.objectContaining({ status: "skipped", reason: expect.stringContaining("Letter 1 was already sent by") }),
      expect.objectContaining({ status: "skipped", reason: expect.stringContaining("Letter 1 was already sent by") }),
    ]);
    expect(await listDueLetters(db, { orgId: f.org.id, now: NOW })).toEqual([]);
    expect(await db.letter.count({ where: { orgId: f.org.id } })).toBe(2);
  });
});

describe("policy and disputes", () => {
  it("an admin's policy change moves the due date, audited with before and after", async () => {
    const f = await fixture();
    const admin = await createUser(db, f.org.id, "ADMIN");
    // Letter 1 gives 7 days (until 12 Nov): letter 2 is never due before that deadline has passed.
    await db.collectionPolicy.create({ data: { orgId: f.org.id, deadlineDays1: 7 } });
    await sendNextLetter(db, { ...f.account, stage: 1, now: at("2026-11-05") });
    await updatePolicy(db, {
      orgId: f.org.id,
      actor: { userId: admin.id, role: "ADMIN" },
      settings: {
        letter1AfterDueDays: 1,
        letter2AfterDays: 7,
        letter3AfterDays: 14,
        letter4AfterDeadlineDays: 1,
        deadlineDays1: 14,
        deadlineDays2: 10,
        deadlineDays3: 14,
        deadlineDays4: 14,
      },
    });
    // 7 days after letter 1 is 12 Nov, its deadline; so 13 Nov (the old policy said 19 Nov).
    expect((await listWorklist(db, { orgId: f.org.id, now: at("2026-11-12") })).items).toEqual([]);
    expect((await listWorklist(db, { orgId: f.org.id, now: at("2026-11-13") })).items).toEqual([
      expect.objectContaining({ dueStage: 2 }),
    ]);
    const sent = await sendNextLetter(db, { ...f.account, stage: 2, now: at("2026-11-13") });
    expect(sent.deadline).toBe("2026-11-23"); // 13 Nov + 10 days = Monday 23 Nov
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: f.org.id, kind: "policy.updated" } });
    expect(audit.payload).toMatchObject({ before: { letter2AfterDays: 14 }, after: { letter2AfterDays: 7 } });
  });

  it("two people resolving one dispute at once: one resolution, the other is told who did it", async () => {
    const f = await fixture();
    const { disputeId } = await openDispute(db, {
      orgId: f.org.id,
      actor: f.actor,
      invoiceId: f.invoice.id,
      note: "Wrong quantity",
      now: NOW,
    });
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        resolveDispute(db, { orgId: f.org.id, actor: f.actor, disputeId, note: "Credit note issued", now: NOW }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "CONFLICT", message: expect.stringContaining("already resolved by") },
    });
    expect(await db.accountEvent.count({ where: { disputeId, kind: "DISPUTE_RESOLVED" } })).toBe(1);
  });
});
