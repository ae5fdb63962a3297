import { describe, expect, it } from "vitest";
import { getAgingTotalsOn } from "@/lib/aging/aging-totals-on";
import { promiseStatuses } from "@/lib/collections/promise-status";
import { getMonthEndSnapshots } from "@/lib/dashboard/aging-history";
import { snapshotDay, takeDueAgingSnapshots } from "@/lib/dashboard/aging-snapshot-task";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { getLettersPerStage } from "@/lib/dashboard/letters-per-stage";
import { getPromiseOutcomes, promiseKeptRate } from "@/lib/dashboard/promise-kept";
import { insertSnapshotRows, takeAgingSnapshot } from "@/lib/dashboard/take-aging-snapshot";
import { dateOnlyToDb } from "@/lib/time/dates";
import { appConnection, ownerConnection, useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment } from "./factories";

const db = useTestDb();
const TODAY = "2026-06-30";

async function snapshotRows(orgId: string) {
  return db.agingSnapshot.findMany({ where: { orgId }, orderBy: [{ day: "asc" }, { currency: "asc" }] });
}

describe("aging snapshots", () => {
  it("are written once per organization, day and currency, however often and by however many workers", async () => {
    const org = await createOrg(db);
    const eur = await createCustomer(db, org.id, { currency: "EUR" });
    const nok = await createCustomer(db, org.id, { currency: "NOK" });
    await createInvoice(db, eur, { amountMinor: 100000, dueDate: "2026-06-01", issueDate: "2026-05-01" });
    await createInvoice(db, nok, { amountMinor: 500000, dueDate: "2026-07-15", issueDate: "2026-06-15" });
    const opts = { orgId: org.id, day: "2026-06-29", defaultCurrency: "EUR" };
    // Two workers at once: one inserts each currency's row, the other nothing.
    const [a, b] = await Promise.all([takeAgingSnapshot(db, opts), takeAgingSnapshot(db, opts)]);
    expect(a + b).toBe(2);
    expect(await takeAgingSnapshot(db, opts)).toBe(0);
    const rows = await snapshotRows(org.id);
    expect(rows.map((r) => [r.currency, r.openMinor, r.overdueMinor, r.d1To30Minor, r.source])).toEqual([
      ["EUR", 100000n, 100000n, 100000n, "worker"],
      ["NOK", 500000n, 0n, 0n, "worker"],
    ]);
  });

  it("keep a past day's figures when the data is corrected later, and refuse to be changed", async () => {
    const org = await createOrg(db);
    const customer = await createCustomer(db, org.id, { currency: "EUR" });
    const invoice = await createInvoice(db, customer, {
      amountMinor: 80000,
      dueDate: "2026-05-15",
      issueDate: "2026-04-15",
    });
    await takeAgingSnapshot(db, { orgId: org.id, day: "2026-05-31", defaultCurrency: "EUR" });
    // A payment found later, dated back into May: today's aging changes, May's snapshot does not.
    await createPayment(db, invoice, { amountMinor: 30000, receivedOn: "2026-05-20" });
    await takeAgingSnapshot(db, { orgId: org.id, day: "2026-05-31", defaultCurrency: "EUR" });
    const [row] = await snapshotRows(org.id);
    expect([row.openMinor, row.d1To30Minor]).toEqual([80000n, 80000n]);
    expect((await getAgingTotalsOn(db, { orgId: org.id, day: "2026-05-31" }))[0].open).toBe(50000);
    await expect(
      appConnection((c) => c.query("UPDATE aging_snapshots SET open_minor = 1 WHERE org_id = $1", [org.id])),
    ).rejects.toThrow(/append-only|permission denied/);
    await expect(
      appConnection((c) => c.query("DELETE FROM aging_snapshots WHERE org_id = $1", [org.id])),
    ).rejects.toThrow(/append-only|permission denied/);
  });

  it("are taken by the hourly task for the day that just ended in the organization's time zone, never before it existed", async () => {
    const createdAt = new Date("2026-06-01T10:00:00Z");
    // 22:30 UTC on June 29 is already June 30 in Oslo: the day that ended there is June 29.
    expect(snapshotDay({ timeZone: "Europe/Oslo", createdAt }, new Date("2026-06-29T22:30:00Z"))).toBe("2026-06-29");
    expect(snapshotDay({ timeZone: "America/New_York", createdAt }, new Date("2026-06-29T22:30:00Z"))).toBe(
      "2026-06-28",
    );
    expect(snapshotDay({ timeZone: "Europe/Oslo", createdAt }, new Date("2026-06-01T23:00:00Z"))).toBe("2026-06-01");
    expect(snapshotDay({ timeZone: "Europe/Oslo", createdAt }, new Date("2026-06-01T12:00:00Z"))).toBeNull();

    const org = await createOrg(db);
    await db.organization.update({ where: { id: org.id }, data: { createdAt } });
    const customer = await createCustomer(db, org.id, { currency: "EUR" });
    await createInvoice(db, customer, { amountMinor: 12345, dueDate: "2026-06-20", issueDate: "2026-06-05" });
    const now = new Date("2026-06-30T08:00:00Z");
    expect(await takeDueAgingSnapshots(db, now, { orgId: org.id })).toBe(1);
    expect(await takeDueAgingSnapshots(db, now, { orgId: org.id })).toBe(0);
    const rows = await snapshotRows(org.id);
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.openMinor])).toEqual([["2026-06-29", 12345n]]);
  });

  it("give the dashboard each month's last snapshot, labelled with its source", async () => {
    const org = await createOrg(db);
    const row = (open: number) => ({
      currency: "EUR",
      current: open,
      d1_30: 0,
      d31_60: 0,
      d61_90: 0,
      d90_plus: 0,
      open,
      overdue: 0,
      accounts: 1,
      overdueAccounts: 0,
    });
    await insertSnapshotRows(db, { orgId: org.id, day: "2026-04-30", source: "demo", rows: [row(400)] });
    await insertSnapshotRows(db, { orgId: org.id, day: "2026-05-15", source: "worker", rows: [row(515)] });
    await insertSnapshotRows(db, { orgId: org.id, day: "2026-05-31", source: "worker", rows: [row(531)] });
    await insertSnapshotRows(db, { orgId: org.id, day: "2026-06-10", source: "worker", rows: [row(610)] });
    const months = await getMonthEndSnapshots(db, { orgId: org.id, from: "2026-04-01", today: "2026-05-31" });
    expect(months.map((m) => [m.month, m.day, m.open, m.source])).toEqual([
      ["2026-04-01", "2026-04-30", 400, "demo"],
      ["2026-05-01", "2026-05-31", 531, "worker"],
    ]);
  });
});

describe("dashboard figures", () => {
  /**
   * As of 2026-06-30 (DSO period 2026-04-02 .. 06-30), EUR:
   *   A 1 000.00 issued 06-01, open            B 500.00 issued 05-01, 200.00 paid 06-10
   *   C   300.00 issued 03-01, open (before)   D 400.00 issued 04-01 (the day before), paid 04-20
   *   E   200.00 issued 04-02 (first day), paid 05-02
   * Open 1 000 + 300 + 300 = 1 600.00; invoiced in the period 1 000 + 500 + 200 = 1 700.00;
   * DSO = 1 600 / 1 700 × 90 = 84.705… days. Collected: June 200.00, May 200.00.
   */
  it("computes DSO and money collected per month from a hand-checked dataset", async () => {
    const org = await createOrg(db);
    const c = await createCustomer(db, org.id, { currency: "EUR" });
    await createInvoice(db, c, { amountMinor: 100000, issueDate: "2026-06-01", dueDate: "2026-07-01" });
    const b = await createInvoice(db, c, { amountMinor: 50000, issueDate: "2026-05-01", dueDate: "2026-05-31" });
    await createPayment(db, b, { amountMinor: 20000, receivedOn: "2026-06-10" });
    await createInvoice(db, c, { amountMinor: 30000, issueDate: "2026-03-01", dueDate: "2026-03-31" });
    const d = await createInvoice(db, c, { amountMinor: 40000, issueDate: "2026-04-01", dueDate: "2026-05-01" });
    await createPayment(db, d, { amountMinor: 40000, receivedOn: "2026-04-20" });
    const e = await createInvoice(db, c, { amountMinor: 20000, issueDate: "2026-04-02", dueDate: "2026-05-02" });
    await createPayment(db, e, { amountMinor: 20000, receivedOn: "2026-05-02" });

    const dash = await getDashboard(db, { orgId: org.id, timeZone: "Europe/Oslo", today: TODAY });
    expect(dash.dsoFrom).toBe("2026-04-02");
    const [eur] = dash.perCurrency;
    expect(eur).toMatchObject({
      currency: "EUR",
      open: 160000,
      overdue: 60000,
      invoicedInDsoPeriod: 170000,
      collectedThisMonth: 20000,
      collectedLastMonth: 20000,
    });
    expect(eur.dso).toBeCloseTo((1600 / 1700) * 90, 6);
    expect(dash.collected.map((m) => [m.month, m.collected, m.payments])).toEqual([
      ["2026-04-01", 40000, 1],
      ["2026-05-01", 20000, 1],
      ["2026-06-01", 20000, 1],
    ]);
    // This month's bar of the aging history is today's figures, not a snapshot.
    expect(dash.history).toEqual([
      expect.objectContaining({ month: "2026-06-01", day: TODAY, open: 160000, source: "today" }),
    ]);
  });

  it("keeps collected per day equal to the payments and reversals, through inserts, changes and removals", async () => {
    const org = await createOrg(db);
    const c = await createCustomer(db, org.id, { currency: "EUR" });
    const invoice = await createInvoice(db, c, { amountMinor: 90000, dueDate: "2026-06-01" });
    const first = await createPayment(db, invoice, { amountMinor: 10000, receivedOn: "2026-06-03" });
    const second = await createPayment(db, invoice, { amountMinor: 20000, receivedOn: "2026-06-03" });
    await createPayment(db, invoice, { amountMinor: 5000, receivedOn: "2026-05-31" });
    // An import corrects one payment's date and amount; the owner (never the app) removes another.
    await db.payment.update({
      where: { id: first.id },
      data: { amountMinor: 12000n, receivedOn: dateOnlyToDb("2026-06-04") },
    });
    await ownerConnection((owner) => owner.query("DELETE FROM payments WHERE id = $1", [second.id]));
    const kept = await db.collectedByDay.findMany({ where: { orgId: org.id }, orderBy: { day: "asc" } });
    const recomputed = await db.$queryRaw<{ day: Date; collected: bigint; payments: bigint }[]>`
      SELECT received_on AS day, sum(amount_minor)::bigint AS collected, count(*) AS payments FROM payments
      WHERE org_id = ${org.id}::uuid GROUP BY received_on ORDER BY received_on`;
    expect(kept.filter((k) => k.payments !== 0).map((k) => [k.day, k.collectedMinor, BigInt(k.payments)])).toEqual(
      recomputed.map((r) => [r.day, r.collected, r.payments]),
    );
    expect(kept.find((k) => k.day.toISOString().startsWith("2026-06-03"))).toMatchObject({
      collectedMinor: 0n,
      payments: 0,
    });
  });

  /**
   * June 2026, today 06-30:
   *   X: P1 1 000.00 made 06-01 for 06-10, paid 1 500.00 on 06-05: kept.
   *      P2 50.00 made 06-12 for 06-20, nothing paid since 06-12: broken.
   *      P3 10.00 made 06-28 for 06-30 (today), unpaid: pending.  P4 for 07-05: not in June.
   *   Y: P5 30.00 made 05-01 for 05-15, paid 30.00 on 05-15: kept (May).
   *      Plan from 05-20: 20.00 for 06-05 and 20.00 for 06-15; 25.00 paid 06-04:
   *      instalment 1 kept (25 >= 20), instalment 2 broken (25 < 40).
   *   June: 2 kept, 2 broken, 1 pending: 50 %. May: 1 kept, 0 broken: 100 %.
   */
  it("counts promises kept and broken as the collections rules judge them", async () => {
    const org = await createOrg(db);
    const x = await createCustomer(db, org.id, { currency: "EUR" });
    const y = await createCustomer(db, org.id, { currency: "EUR" });
    const xInvoice = await createInvoice(db, x, { amountMinor: 500000, dueDate: "2026-04-01" });
    const yInvoice = await createInvoice(db, y, { amountMinor: 500000, dueDate: "2026-04-01" });
    const caseOf = async (customerId: string) =>
      (await db.collectionCase.create({ data: { orgId: org.id, customerId, currency: "EUR" } })).id;
    const xCase = await caseOf(x.id);
    const yCase = await caseOf(y.id);
    const plan = await db.paymentPlan.create({
      data: { orgId: org.id, customerId: y.id, caseId: yCase, currency: "EUR" },
    });
    const promise = (
      customerId: string,
      caseId: string,
      amount: number,
      madeOn: string,
      promisedFor: string,
      planId?: string,
    ) =>
      db.paymentPromise.create({
        data: {
          orgId: org.id,
          customerId,
          caseId,
          planId,
          currency: "EUR",
          amountMinor: BigInt(amount),
          madeOn: dateOnlyToDb(madeOn),
          promisedFor: dateOnlyToDb(promisedFor),
        },
      });
    const made = [
      await promise(x.id, xCase, 100000, "2026-06-01", "2026-06-10"),
      await promise(x.id, xCase, 5000, "2026-06-12", "2026-06-20"),
      await promise(x.id, xCase, 1000, "2026-06-28", "2026-06-30"),
      await promise(x.id, xCase, 1000, "2026-06-28", "2026-07-05"),
      await promise(y.id, yCase, 3000, "2026-05-01", "2026-05-15"),
      await promise(y.id, yCase, 2000, "2026-05-20", "2026-06-05", plan.id),
      await promise(y.id, yCase, 2000, "2026-05-20", "2026-06-15", plan.id),
    ];
    await createPayment(db, xInvoice, { amountMinor: 150000, receivedOn: "2026-06-05" });
    await createPayment(db, yInvoice, { amountMinor: 3000, receivedOn: "2026-05-15" });
    await createPayment(db, yInvoice, { amountMinor: 2500, receivedOn: "2026-06-04" });

    const june = await getPromiseOutcomes(db, { orgId: org.id, from: "2026-06-01", to: "2026-06-30", today: TODAY });
    expect(june).toEqual({ kept: 2, broken: 2, pending: 1 });
    expect(promiseKeptRate(june)).toBe(0.5);
    const may = await getPromiseOutcomes(db, { orgId: org.id, from: "2026-05-01", to: "2026-05-31", today: TODAY });
    expect(may).toEqual({ kept: 1, broken: 0, pending: 0 });

    // The same verdicts as the collections rules (lib/collections/promise-status.ts) give per account.
    const facts = (customerId: string) =>
      made
        .filter((p) => p.customerId === customerId)
        .map((p) => ({
          id: p.id,
          amount: Number(p.amountMinor),
          madeOn: p.madeOn.toISOString().slice(0, 10),
          promisedFor: p.promisedFor.toISOString().slice(0, 10),
          planId: p.planId,
        }));
    const xStatuses = promiseStatuses(facts(x.id), [{ receivedOn: "2026-06-05", amount: 150000 }], TODAY);
    const yStatuses = promiseStatuses(
      facts(y.id),
      [
        { receivedOn: "2026-05-15", amount: 3000 },
        { receivedOn: "2026-06-04", amount: 2500 },
      ],
      TODAY,
    );
    const juneIds = new Set(made.filter((p) => p.promisedFor.toISOString().startsWith("2026-06")).map((p) => p.id));
    const juneStatuses = [...xStatuses, ...yStatuses].filter((s) => juneIds.has(s.id)).map((s) => s.status);
    expect(juneStatuses.filter((s) => s === "kept")).toHaveLength(june.kept);
    expect(juneStatuses.filter((s) => s === "broken")).toHaveLength(june.broken);

    const dash = await getDashboard(db, { orgId: org.id, timeZone: "Europe/Oslo", today: TODAY });
    expect(dash.promises).toEqual({ thisMonth: june, lastMonth: may });
  });

  it("counts letters sent per stage in the organization's month, and hand-offs this month and in all", async () => {
    const org = await createOrg(db, { timeZone: "Europe/Oslo" });
    const c = await createCustomer(db, org.id, { currency: "EUR" });
    const letter = async (stage: number, sentAt: string) => {
      const kase = await db.collectionCase.create({
        data: { orgId: org.id, customerId: c.id, currency: "EUR", closedAt: new Date("2026-07-01T00:00:00Z") },
      });
      await db.letter.create({
        data: {
          orgId: org.id,
          customerId: c.id,
          caseId: kase.id,
          stage,
          language: "en",
          currency: "EUR",
          subject: "s",
          body: "b",
          invoices: [],
          totalDueMinor: 1000n,
          deadlineDate: dateOnlyToDb("2026-07-14"),
          contentSha256: "a".repeat(64),
          sentAt: new Date(sentAt),
        },
      });
      return kase.id;
    };
    await letter(1, "2026-06-02T09:00:00Z");
    await letter(1, "2026-06-30T21:30:00Z"); // 23:30 in Oslo, still June 30
    await letter(2, "2026-06-15T09:00:00Z");
    await letter(3, "2026-05-31T22:30:00Z"); // 00:30 on June 1 in Oslo
    await letter(4, "2026-05-31T21:30:00Z"); // 23:30 on May 31 in Oslo: last month
    const handedCase = await letter(4, "2026-07-01T06:00:00Z"); // July in Oslo: not this month
    const stages = await getLettersPerStage(db, {
      orgId: org.id,
      from: "2026-06-01",
      to: TODAY,
      timeZone: "Europe/Oslo",
    });
    expect(stages).toEqual([
      { stage: 1, letters: 2 },
      { stage: 2, letters: 1 },
      { stage: 3, letters: 1 },
      { stage: 4, letters: 0 },
    ]);

    const handoff = async (caseId: string, day: string, amount: number) =>
      db.agencyHandoff.create({
        data: {
          orgId: org.id,
          customerId: c.id,
          caseId,
          agency: "Inkasso AS",
          reference: "R-1",
          handedOverOn: dateOnlyToDb(day),
          currency: "EUR",
          amountMinor: BigInt(amount),
        },
      });
    await handoff(handedCase, "2026-06-20", 70000);
    const older = await db.collectionCase.create({
      data: { orgId: org.id, customerId: c.id, currency: "EUR", closedAt: new Date("2026-03-02T00:00:00Z") },
    });
    await handoff(older.id, "2026-03-02", 20000);
    const dash = await getDashboard(db, { orgId: org.id, timeZone: "Europe/Oslo", today: TODAY });
    expect(dash.handoffs).toEqual([
      { currency: "EUR", inPeriod: 1, inPeriodMinor: 70000, total: 2, totalMinor: 90000 },
    ]);
    expect(dash.letters).toEqual(stages);
  });
});
