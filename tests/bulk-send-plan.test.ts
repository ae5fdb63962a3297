import { describe, expect, inject, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import type { Actor } from "@/lib/auth/actor";
import { openDispute } from "@/lib/collections/disputes";
import { CREDIT_COVERS_REASON } from "@/lib/collections/policy";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { recordPromise } from "@/lib/collections/record-promise";
import { runDueJobs } from "@/lib/jobs/queue";
import { selectionAction } from "@/lib/letters/actions";
import { planBulkSend } from "@/lib/letters/bulk-plan";
import { bulkSendTasks, confirmBulkSend, getBulkSend } from "@/lib/letters/bulk-send";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { addDaysTo, clockNow, dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";

// "Send all due letters" is planned, then confirmed: the plan's counts per stage
// and channel and its skipped accounts, a confirmation of exactly that plan, a
// stale confirmation refused, accounts that change between plan and send, and
// the worklist's selection (narrowing the plan, pausing dunning).

const db = useTestDb();
const url = inject("testDatabaseUrl");

async function org() {
  const o = await createOrg(db);
  const user = await createUser(db, o.id, "COLLECTOR");
  const actor: Actor = { userId: user.id, role: "COLLECTOR" };
  const today = todayIn(o.timeZone, clockNow());
  const daysAgo = (n: number) => addDaysTo(today, -n);
  /** A customer with one invoice overdue by `overdue` days (nothing sent yet). */
  const overdueCustomer = async (name: string, overdue = 30, data: Parameters<typeof createCustomer>[2] = {}) => {
    const c = await createCustomer(db, o.id, { name, ...data });
    const invoice = await createInvoice(db, c, { amountMinor: 100_000, dueDate: daysAgo(overdue) });
    return { ...c, invoice };
  };
  return { org: o, user, actor, today, daysAgo, overdueCustomer };
}
type Org = Awaited<ReturnType<typeof org>>;

/** Letters 1-3 sent long ago and a hand-off recorded: letter 4 (registered mail) is due. */
async function handedOver(f: Org, name: string) {
  const c = await f.overdueCustomer(name, 120);
  for (const [stage, ago] of [
    [1, 100],
    [2, 80],
    [3, 60],
  ] as const)
    await sendNextLetter(db, {
      orgId: f.org.id,
      actor: f.actor,
      customerId: c.id,
      currency: "EUR",
      stage,
      now: instantAt(f.daysAgo(ago), "10:00", f.org.timeZone),
    });
  await recordHandoff(db, {
    orgId: f.org.id,
    actor: f.actor,
    customerId: c.id,
    currency: "EUR",
    agency: "Nordic Recovery AS",
    reference: "NR-1",
    handedOverOn: f.daysAgo(2),
    amount: "1000",
    now: clockNow(),
  });
  return c;
}

const plan = (f: Org, selection?: { customerId: string; currency: string | null }[]) =>
  planBulkSend(db, { orgId: f.org.id, now: clockNow(), selection });
const confirm = (f: Org, fingerprint: string, selection?: { customerId: string; currency: string | null }[]) =>
  confirmBulkSend(db, { orgId: f.org.id, actor: f.actor, now: clockNow(), fingerprint, selection });
const lettersOf = (orgId: string) =>
  db.letter.findMany({
    where: { orgId, sentAt: { gte: new Date(Date.now() - 60_000) } },
    select: { customerId: true, stage: true },
  });
const names = (rows: { name: string }[]) => rows.map((r) => r.name).sort();

describe("the bulk-send plan", () => {
  it("counts letters per stage and channel, calls out letter 4, and lists the skipped accounts with the policy's reason", async () => {
    const f = await org();
    await f.overdueCustomer("Post One");
    await f.overdueCustomer("Post Two", 40);
    const mail = await f.overdueCustomer("Mail One");
    await db.customer.update({ where: { id: mail.id }, data: { preferredChannel: "email" } });
    await handedOver(f, "Final Four");
    const paused = await f.overdueCustomer("Paused");
    await db.customer.update({ where: { id: paused.id }, data: { dunningPausedReason: "Bankruptcy filing" } });
    const noEmail = await f.overdueCustomer("No Email", 30, { email: "" });
    await db.customer.update({ where: { id: noEmail.id }, data: { preferredChannel: "email" } });
    const promised = await f.overdueCustomer("Promised");
    await recordPromise(db, {
      orgId: f.org.id,
      actor: f.actor,
      customerId: promised.id,
      currency: "EUR",
      amount: "1000",
      promisedFor: addDaysTo(f.today, 5),
      now: clockNow(),
    });
    const disputed = await f.overdueCustomer("Disputed");
    await openDispute(db, {
      orgId: f.org.id,
      actor: f.actor,
      invoiceId: disputed.invoice.id,
      note: "Never delivered",
      now: clockNow(),
    });
    // Money received on account that covers what is overdue: applied, not chased.
    const inCredit = await f.overdueCustomer("In credit");
    await db.payment.create({
      data: {
        orgId: f.org.id,
        customerId: inCredit.id,
        invoiceId: null,
        currency: "EUR",
        amountMinor: 100_000n,
        receivedOn: dateOnlyToDb(f.daysAgo(3)),
      },
    });
    // Not overdue: neither planned nor listed.
    const current = await createCustomer(db, f.org.id, { name: "Current" });
    await createInvoice(db, current, { amountMinor: 5_000, dueDate: addDaysTo(f.today, 10) });

    const p = await plan(f);
    expect(names(p.letters)).toEqual(["Final Four", "Mail One", "Post One", "Post Two"]);
    expect(p.byStage).toEqual([
      { stage: 1, post: 2, email: 1 },
      { stage: 2, post: 0, email: 0 },
      { stage: 3, post: 0, email: 0 },
      { stage: 4, post: 1, email: 0 },
    ]);
    expect(p.letters.find((l) => l.name === "Mail One")).toMatchObject({ stage: 1, channel: "email" });
    expect(p.letters.find((l) => l.name === "Final Four")).toMatchObject({ stage: 4, channel: "post" });
    const skipped = Object.fromEntries(p.skipped.map((s) => [s.name, [s.category, s.reason]]));
    expect(skipped).toEqual({
      Paused: ["paused", "Dunning is paused: Bankruptcy filing"],
      "No Email": ["channel", "Letters go by email, but the customer has no email address."],
      Promised: ["promise", expect.stringMatching(/^Escalation paused by a promise of .* not before/)],
      Disputed: ["disputed", "Only disputed invoices are overdue; no letter until the dispute is resolved."],
      "In credit": ["credit", CREDIT_COVERS_REASON],
    });
    expect(p.selection).toBeNull();
    expect(p.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The same facts give the same plan.
    expect((await plan(f)).fingerprint).toBe(p.fingerprint);
  });

  it("confirming sends exactly the plan, by each planned channel, and stores it as the run's plan", async () => {
    const f = await org();
    const post = await f.overdueCustomer("Post");
    const mail = await f.overdueCustomer("Mail");
    await db.customer.update({ where: { id: mail.id }, data: { preferredChannel: "email" } });
    const p = await plan(f);
    const started = (await confirm(f, p.fingerprint))!;
    expect(started.total).toBe(2);
    const run = await db.bulkSend.findUniqueOrThrow({ where: { id: started.bulkSendId } });
    expect(run.planned).toEqual(p.letters.map((l) => ({ ...l })));
    await runDueJobs(url, bulkSendTasks(db));
    expect(await getBulkSend(db, { orgId: f.org.id })).toMatchObject({ status: "done", sent: 2, skipped: 0 });
    expect((await lettersOf(f.org.id)).map((l) => l.customerId).sort()).toEqual([post.id, mail.id].sort());
    // The email letter has its delivery queued with it; the post letter none.
    const deliveries = await db.letterDelivery.findMany({ where: { orgId: f.org.id }, select: { customerId: true } });
    expect(deliveries).toEqual([{ customerId: mail.id }]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: f.org.id, kind: "bulk_send.started" } });
    expect(audit.payload).toMatchObject({ accounts: 2, fingerprint: p.fingerprint });
  });

  it("refuses a confirmation of a plan that has changed since, and queues nothing", async () => {
    const f = await org();
    await f.overdueCustomer("First");
    const stale = await plan(f);
    await f.overdueCustomer("Came due since");
    await expect(confirm(f, stale.fingerprint)).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "The plan changed since it was shown (now 2 letters): nothing was sent. Check the new plan and confirm again.",
    });
    expect(await db.bulkSend.count({ where: { orgId: f.org.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "bulk_send.started" } })).toBe(0);
    // The fresh plan confirms.
    expect(await confirm(f, (await plan(f)).fingerprint)).toMatchObject({ total: 2 });
  });

  it("skips, with the reason, an account whose facts changed between the confirmation and its letter", async () => {
    const f = await org();
    const paid = await f.overdueCustomer("Paid since");
    const paused = await f.overdueCustomer("Paused since");
    const sentByHand = await f.overdueCustomer("Sent by hand since");
    const movedToEmail = await f.overdueCustomer("Now by email");
    const untouched = await f.overdueCustomer("Untouched");
    await confirm(f, (await plan(f)).fingerprint);

    await createPayment(db, paid.invoice, { amountMinor: 100_000, receivedOn: f.today });
    await db.customer.update({ where: { id: paused.id }, data: { dunningPausedReason: "Called: paying Friday" } });
    await sendNextLetter(db, {
      orgId: f.org.id,
      actor: f.actor,
      customerId: sentByHand.id,
      currency: "EUR",
      stage: 1,
      now: clockNow(),
    });
    await db.customer.update({ where: { id: movedToEmail.id }, data: { preferredChannel: "email" } });
    await runDueJobs(url, bulkSendTasks(db));

    const run = (await getBulkSend(db, { orgId: f.org.id }))!;
    expect(run).toMatchObject({ status: "done", sent: 1, skipped: 4 });
    const byName = Object.fromEntries(run.results.map((r) => [r.name, r.status === "sent" ? "sent" : r.reason]));
    expect(byName).toEqual({
      [untouched.name]: "sent",
      [paid.name]: "No letter can be sent: Nothing is overdue.",
      [paused.name]: "No letter can be sent: Dunning is paused: Called: paying Friday",
      [sentByHand.name]: expect.stringMatching(/^Letter 1 was already sent by /),
      [movedToEmail.name]: "Letters to this customer now go by email, not by post as planned. Plan again to send it.",
    });
    // One letter each for the hand-sent and the untouched account; none for the others.
    expect((await lettersOf(f.org.id)).map((l) => l.customerId).sort()).toEqual([sentByHand.id, untouched.id].sort());
  });
});

describe("narrowing the plan to a selection", () => {
  it("plans and sends only the selected accounts, and says why a selected account gets no letter", async () => {
    const f = await org();
    const chosen = await f.overdueCustomer("Chosen");
    const other = await f.overdueCustomer("Not chosen");
    const paused = await f.overdueCustomer("Chosen but paused");
    await db.customer.update({ where: { id: paused.id }, data: { dunningPausedReason: "Disputes the delivery" } });
    const notDue = await createCustomer(db, f.org.id, { name: "Chosen, nothing overdue" });
    const selection = [
      { customerId: chosen.id, currency: "EUR" },
      { customerId: paused.id, currency: null },
      { customerId: notDue.id, currency: null },
    ];
    const p = await plan(f, selection);
    expect(names(p.letters)).toEqual(["Chosen"]);
    expect(p.skipped.map((s) => [s.name, s.category])).toEqual([
      ["Chosen but paused", "paused"],
      ["Chosen, nothing overdue", "nothing_overdue"],
    ]);
    // The selection's fingerprint is its own: the whole organization's plan does not confirm it.
    const whole = await plan(f);
    expect(whole.fingerprint).not.toBe(p.fingerprint);
    await expect(confirm(f, whole.fingerprint, selection)).rejects.toMatchObject({ code: "CONFLICT" });

    expect(await confirm(f, p.fingerprint, selection)).toMatchObject({ total: 1 });
    await runDueJobs(url, bulkSendTasks(db));
    expect((await lettersOf(f.org.id)).map((l) => l.customerId)).toEqual([chosen.id]);
    expect((await plan(f)).letters.map((l) => l.customerId)).toEqual([other.id]);
  });

  it("refuses a selection with another organization's customer or an unknown one, and plans nothing", async () => {
    const f = await org();
    const mine = await f.overdueCustomer("Mine");
    const theirs = await createCustomer(db, (await createOrg(db)).id);
    for (const stranger of [theirs.id, "00000000-0000-4000-8000-000000000000"]) {
      const selection = [
        { customerId: mine.id, currency: "EUR" },
        { customerId: stranger, currency: null },
      ];
      await expect(plan(f, selection)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "One of the ticked customers was not found. Reload the page and tick again.",
      });
      await expect(confirm(f, (await plan(f)).fingerprint, selection)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await db.bulkSend.count({ where: { orgId: f.org.id } })).toBe(0);
  });

  it("the selection toolbar: 'plan' goes to the plan page of the ticked accounts and changes nothing", async () => {
    const f = await org();
    const a = await f.overdueCustomer("A");
    const ctx = await actionContextFor(db, f.user.id);
    const form = new FormData();
    form.append("intent", "plan");
    form.append("accounts", `${a.id}:EUR`);
    form.append("accounts", a.id);
    form.append("pauseReason", "");
    const href = `/worklist/send-plan?a=${a.id}%3AEUR&a=${a.id}`;
    expect(await runAction(selectionAction, ctx, form)).toEqual({
      ok: true,
      message: "Planning the letters of the ticked accounts…",
      data: { href },
      redirectTo: href,
    });
  });
});

describe("pausing dunning on the selected accounts", () => {
  it("pauses every ticked customer in one go, audited per customer, and the plan then skips them", async () => {
    const f = await org();
    const a = await f.overdueCustomer("A");
    const b = await f.overdueCustomer("B");
    const c = await f.overdueCustomer("C");
    const ctx = await actionContextFor(db, f.user.id);
    const form = new FormData();
    form.append("intent", "pause");
    form.append("accounts", `${a.id}:EUR`);
    form.append("accounts", `${b.id}:EUR`);
    form.append("pauseReason", "Sold to a new owner; waiting for details");
    form.append("pauseUntil", addDaysTo(f.today, 30));
    expect(await runAction(selectionAction, ctx, form)).toMatchObject({
      ok: true,
      message: "Dunning paused for 2 customers.",
    });
    const paused = await db.customer.findMany({
      where: { orgId: f.org.id, dunningPausedReason: { not: null } },
      select: { id: true },
    });
    expect(paused.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
    const audits = await db.auditEvent.findMany({ where: { orgId: f.org.id, kind: "customer.updated" } });
    expect(audits.map((e) => (e.payload as { customerId: string }).customerId).sort()).toEqual([a.id, b.id].sort());
    expect(audits[0].payload).toMatchObject({
      before: { dunningPausedReason: null, dunningPausedUntil: null },
      after: {
        dunningPausedReason: "Sold to a new owner; waiting for details",
        dunningPausedUntil: addDaysTo(f.today, 30),
      },
    });
    const p = await plan(f);
    expect(names(p.letters)).toEqual(["C"]);
    expect(p.skipped.map((s) => [s.name, s.category])).toEqual([
      ["A", "paused"],
      ["B", "paused"],
    ]);
    expect(c).toBeTruthy();
  });

  it("refuses an empty selection, a missing reason, a past end date, a stranger and a viewer, changing nothing", async () => {
    const f = await org();
    const a = await f.overdueCustomer("A");
    const theirs = await createCustomer(db, (await createOrg(db)).id);
    const ctx = await actionContextFor(db, f.user.id);
    const valid = { intent: "pause", accounts: [`${a.id}:EUR`], pauseReason: "On holiday", pauseUntil: "" };
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ ...valid, accounts: [] }, "INVALID_INPUT", "Some fields need attention."],
      [{ ...valid, pauseReason: "  " }, "INVALID_INPUT", "Some fields need attention."],
      [{ ...valid, pauseUntil: f.daysAgo(1) }, "INVALID_INPUT", "The pause's last day is in the past."],
      [
        { ...valid, accounts: [`${a.id}:EUR`, theirs.id] },
        "NOT_FOUND",
        "One of the ticked customers was not found. Reload the page and tick again.",
      ],
    ];
    for (const [input, code, message] of refusals)
      expect(await runAction(selectionAction, ctx, input)).toMatchObject({ ok: false, code, message });
    const viewer = await createUser(db, f.org.id, "VIEWER");
    expect(await runAction(selectionAction, await actionContextFor(db, viewer.id), valid)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect(
      await db.customer.count({ where: { dunningPausedReason: { not: null }, id: { in: [a.id, theirs.id] } } }),
    ).toBe(0);
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "customer.updated" } })).toBe(0);
  });
});

describe("assigning the selected accounts", () => {
  it("assigns two ticked accounts to a collector in one go, audited per customer; one customer in two currencies counts once", async () => {
    const f = await org();
    const a = await f.overdueCustomer("A");
    const b = await f.overdueCustomer("B");
    const c = await f.overdueCustomer("C");
    const colleague = await createUser(db, f.org.id, "COLLECTOR");
    const ctx = await actionContextFor(db, f.user.id);
    const form = new FormData();
    form.append("intent", "assign");
    form.append("accounts", `${a.id}:EUR`);
    form.append("accounts", `${b.id}:EUR`);
    form.append("accounts", `${b.id}:NOK`);
    form.append("assignTo", colleague.id);
    expect(await runAction(selectionAction, ctx, form)).toEqual({
      ok: true,
      message: `2 customers assigned to ${colleague.name}.`,
      data: { href: null },
    });
    const assigned = await db.customer.findMany({
      where: { orgId: f.org.id, assignedUserId: colleague.id },
      select: { id: true },
    });
    expect(assigned.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
    expect((await db.customer.findUniqueOrThrow({ where: { id: c.id } })).assignedUserId).toBeNull();
    const audits = await db.auditEvent.findMany({ where: { orgId: f.org.id, kind: "customer.assigned" } });
    expect(audits.map((e) => (e.payload as { customerId: string }).customerId).sort()).toEqual([a.id, b.id].sort());
    // Again: nothing moves, and it says so.
    expect(await runAction(selectionAction, ctx, form)).toMatchObject({
      ok: true,
      message: `The ticked customers were already assigned to ${colleague.name}; nothing changed.`,
    });
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "customer.assigned" } })).toBe(2);
  });

  it("refuses a viewer as assignee, no choice, another org's user, and a viewer assigning, changing nothing", async () => {
    const f = await org();
    const a = await f.overdueCustomer("A");
    const viewer = await createUser(db, f.org.id, "VIEWER");
    const stranger = await createUser(db, (await createOrg(db)).id, "COLLECTOR");
    const ctx = await actionContextFor(db, f.user.id);
    const valid = { intent: "assign", accounts: [`${a.id}:EUR`], assignTo: f.user.id };
    const refusals: [Record<string, unknown>, string, string][] = [
      [
        { ...valid, assignTo: viewer.id },
        "INVALID_INPUT",
        `${viewer.name} is a viewer and cannot work accounts; assign them to a collector or an administrator.`,
      ],
      [{ ...valid, assignTo: "" }, "INVALID_INPUT", "Some fields need attention."],
      [
        { ...valid, assignTo: stranger.id },
        "NOT_FOUND",
        "That user is not in your organization; choose someone from the list.",
      ],
    ];
    for (const [input, code, message] of refusals)
      expect(await runAction(selectionAction, ctx, input)).toMatchObject({ ok: false, code, message });
    expect(await runAction(selectionAction, await actionContextFor(db, viewer.id), valid)).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
    expect((await db.customer.findUniqueOrThrow({ where: { id: a.id } })).assignedUserId).toBeNull();
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "customer.assigned" } })).toBe(0);
  });
});
