import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { resolveBankLine } from "@/lib/bank/resolve-bank-line";
import { logContactAction, releasePaidClaimAction } from "@/lib/collections/actions";
import { loadLetterHolds } from "@/lib/collections/letter-holds";
import { listOpenPaidClaims, recordPaidClaim } from "@/lib/collections/paid-claims";
import { bankDaysBetween, getPaymentsKnownUpTo } from "@/lib/collections/payments-known-up-to";
import { confirmBulkSendAction, sendLetterAction } from "@/lib/letters/actions";
import { addDaysTo, clockNow, dateOnlyToDb, todayIn } from "@/lib/time/dates";
import { actionContextFor } from "./action-context";
import { actionFixture } from "./action-table";
import { useTestDb } from "./db";

// "Never a letter to a customer who has paid" (issue 23 §3): the payments-known-up-to
// date, the confirmation a stale one asks for, and the "we paid on X" claim that holds
// the next letter until the payment is matched or an admin decides.

const db = useTestDb();

/** A processed statement covering up to `toDate` (what "payments known up to" reads). */
async function statementUpTo(orgId: string, toDate: string) {
  return db.bankStatement.create({
    data: {
      orgId,
      source: "upload",
      byteSize: 1,
      sha256: "1".repeat(64),
      bytes: new Uint8Array([60]),
      status: "processed",
      fromDate: dateOnlyToDb(toDate),
      toDate: dateOnlyToDb(toDate),
    },
  });
}

describe("payments known up to", () => {
  it("counts bank days, Monday to Friday", () => {
    expect(bankDaysBetween("2026-12-04", "2026-12-07")).toBe(1); // Friday → Monday
    expect(bankDaysBetween("2026-12-01", "2026-12-07")).toBe(4);
    expect(bankDaysBetween("2026-12-07", "2026-12-07")).toBe(0);
  });

  it("a stale date makes sending ask for a confirmation naming it; the bulk plan refuses unless an admin gives a reason", async () => {
    const fx = await actionFixture(db);
    const collector = await actionContextFor(db, fx.users.COLLECTOR.id);
    const admin = await actionContextFor(db, fx.users.ADMIN.id);
    expect((await getPaymentsKnownUpTo(db, { orgId: fx.org.id })).knownUpTo).toBeNull();
    const old = addDaysTo(todayIn(fx.org.timeZone, clockNow()), -10);
    await statementUpTo(fx.org.id, old);
    const known = await getPaymentsKnownUpTo(db, { orgId: fx.org.id });
    expect([known.knownUpTo, known.source, known.stale]).toEqual([old, "statement", true]);

    const input = { customerId: fx.customer.id, currency: "EUR", stage: "1" };
    const refused = await runAction(sendLetterAction, collector, input);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toContain(`Payments are known only up to ${old}`);
    expect(await db.letter.count({ where: { orgId: fx.org.id } })).toBe(0);
    const confirmed = await runAction(sendLetterAction, collector, { ...input, confirmPaymentsKnownUpTo: old });
    expect(confirmed.ok, JSON.stringify(confirmed)).toBe(true);

    const bulk = { fingerprint: "0".repeat(64) };
    const byCollector = await runAction(confirmBulkSendAction, collector, {
      ...bulk,
      staleOverrideReason: "Bank down",
    });
    expect(byCollector.ok).toBe(false);
    if (!byCollector.ok)
      expect(byCollector.message).toMatch(/import a newer bank statement first, or ask an administrator/);
    const noReason = await runAction(confirmBulkSendAction, admin, bulk);
    expect(noReason.ok).toBe(false);
    // With a reason the stale check passes and is audited (the stale fingerprint is then the plan's own refusal).
    await runAction(confirmBulkSendAction, admin, {
      ...bulk,
      staleOverrideReason: "Bank export down; checked by hand",
    });
    expect(await db.auditEvent.count({ where: { orgId: fx.org.id, kind: "payments.stale_override" } })).toBe(1);

    // A fresh statement lifts it.
    await statementUpTo(fx.org.id, todayIn(fx.org.timeZone, clockNow()));
    expect((await getPaymentsKnownUpTo(db, { orgId: fx.org.id })).stale).toBe(false);
  });
});

describe("a customer who says they paid", () => {
  it("holds the next letter until a payment is matched, and an admin can release it", async () => {
    const fx = await actionFixture(db);
    const ctx = await actionContextFor(db, fx.users.COLLECTOR.id);
    const today = todayIn(fx.org.timeZone, clockNow());
    const who = { orgId: fx.org.id, customerId: fx.customer.id };
    const claimHolds = async (currency: string) =>
      (await loadLetterHolds(db, { orgId: fx.org.id, customerIds: [fx.customer.id], timeZone: fx.org.timeZone }))(
        fx.customer.id,
        currency,
      ).filter((h) => h.kind === "paid_claim");
    // A reply logged with "says it paid on".
    const logged = await runAction(logContactAction, ctx, {
      customerId: fx.customer.id,
      type: "call_spoke",
      occurredOn: today,
      time: "00:00",
      note: "Says they paid yesterday",
      saysPaidOn: addDaysTo(today, -1),
    });
    expect(logged.ok, JSON.stringify(logged)).toBe(true);
    expect(await claimHolds("EUR")).toEqual([{ kind: "paid_claim", since: addDaysTo(today, -1) }]);
    const held = await runAction(sendLetterAction, ctx, { customerId: fx.customer.id, currency: "EUR", stage: "1" });
    expect(held.ok).toBe(false);
    if (!held.ok) expect(held.message).toMatch(/says it paid on/);

    // The payment arrives by the bank and is decided in the review queue: the hold ends by itself.
    const statement = await statementUpTo(fx.org.id, today);
    const line = await db.bankLine.create({
      data: {
        orgId: fx.org.id,
        statementId: statement.id,
        dedupeKey: `paid-${statement.id}`,
        bookingDate: dateOnlyToDb(today),
        amountMinor: 50_000n,
        currency: "EUR",
        credit: true,
        status: "review",
      },
    });
    await resolveBankLine(db, {
      orgId: fx.org.id,
      actor: { userId: fx.users.COLLECTOR.id, role: "COLLECTOR" },
      lineId: line.id,
      decision: "invoices",
      customerId: fx.customer.id,
      invoiceIds: [fx.overdueInvoice.id],
    });
    expect(await claimHolds("EUR")).toEqual([]);
    // Paid in part: the next letter is offered again for the rest.
    expect(
      (await runAction(sendLetterAction, ctx, { customerId: fx.customer.id, currency: "EUR", stage: "1" })).ok,
    ).toBe(true);

    // A portal claim (recordPaidClaim) for the customer's NOK account, where nothing came in, released by an admin.
    const claim = await db.$transaction((tx) =>
      recordPaidClaim(tx, { ...who, currency: "NOK", paidOn: today, source: "portal" }),
    );
    expect(await claimHolds("NOK")).toHaveLength(1);
    const open = () => listOpenPaidClaims(db, { ...who, currency: "NOK" });
    expect((await open()).map((c) => [c.id, c.paidOn, c.source])).toEqual([[claim.id, today, "portal"]]);
    // A collector may not override the customer's word; an admin must give a reason; both change nothing.
    const release = (userCtx: typeof ctx, reason: string) =>
      runAction(releasePaidClaimAction, userCtx, { claimId: claim.id, reason });
    expect(await release(ctx, "No payment came")).toMatchObject({ ok: false, code: "FORBIDDEN" });
    const adminCtx = await actionContextFor(db, fx.users.ADMIN.id);
    expect(await release(adminCtx, "  ")).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    expect(await claimHolds("NOK")).toHaveLength(1);
    expect(await release(adminCtx, "No payment came")).toMatchObject({
      ok: true,
      data: { customerId: fx.customer.id },
    });
    expect(await claimHolds("NOK")).toEqual([]);
    expect(await open()).toEqual([]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: fx.org.id, kind: "paid_claim.settled" } });
    expect(audit).toMatchObject({
      userId: fx.users.ADMIN.id,
      payload: { claimId: claim.id, reason: "No payment came" },
    });
    // Decided once: a second release finds nothing to release.
    expect(await release(adminCtx, "No payment came")).toMatchObject({ ok: false, code: "NOT_FOUND" });
  });
});
