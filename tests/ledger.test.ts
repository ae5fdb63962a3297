import { Client } from "pg";
import { describe, expect, inject, it, onTestFinished } from "vitest";
import { getCreditsByCurrency } from "@/lib/aging/account-credit";
import { getAgingTotalsAsOf } from "@/lib/aging/aging-as-of";
import { getAgingTotals } from "@/lib/aging/aging-totals";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountQuerySchema } from "@/lib/aging/list-accounts";
import type { Actor } from "@/lib/auth/actor";
import { agingExportRows } from "@/lib/exports/aging-rows";
import { applyCredit } from "@/lib/ledger/apply-credit";
import { enterInvoice } from "@/lib/ledger/enter-invoice";
import { extendDueDate } from "@/lib/ledger/extend-due-date";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { recordPayment } from "@/lib/ledger/record-payment";
import { recordWriteOff } from "@/lib/ledger/record-write-off";
import { reversePayment } from "@/lib/ledger/reverse-payment";
import { instantAt } from "@/lib/time/instants";
import { appConnection, useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";
import { importFile } from "./imports";

// The ledger: corrections are new rows that move the open balance through the
// same triggers as payments; the summary tables must always equal recomputing
// them from the movements, and today's figures the as-of computation for today.

const db = useTestDb();
const TZ = "Europe/Oslo";
const TODAY = "2026-11-20";
const NOW = instantAt(TODAY, "10:00", TZ);

async function fixture() {
  const org = await createOrg(db, { timeZone: TZ });
  const user = await createUser(db, org.id, "COLLECTOR");
  const actor: Actor = { userId: user.id, role: "COLLECTOR" };
  const customer = await createCustomer(db, org.id, { currency: "EUR" });
  // 50 days past due on TODAY (31-60), and current.
  const a = await createInvoice(db, customer, { amountMinor: 100_000, issueDate: "2026-09-01", dueDate: "2026-10-01" });
  const b = await createInvoice(db, customer, { amountMinor: 50_000, issueDate: "2026-11-01", dueDate: "2026-11-30" });
  return { org, user, actor, customer, a, b, who: { orgId: org.id, actor, now: NOW } };
}

/** EUR totals of today's report, in minor units, with the account credit. */
async function eur(orgId: string) {
  const t = (await getAgingTotals(db, { orgId, today: TODAY })).find((r) => r.currency === "EUR");
  const credit = (await getCreditsByCurrency(db, { orgId, asOf: TODAY })).find((c) => c.currency === "EUR");
  return {
    open: t?.open ?? 0,
    current: t?.current ?? 0,
    d31_60: t?.d31_60 ?? 0,
    credit: credit?.credit ?? 0,
  };
}

/**
 * Every summary the triggers keep, recomputed from the movements: paid_minor
 * from payments and ledger entries, the accounts and the open balances per due
 * date from the invoices, and today's totals from the as-of path.
 */
async function expectSummariesExact(orgId: string) {
  const drift = await db.$queryRaw<unknown[]>`
    SELECT i.number, i.paid_minor,
      (COALESCE((SELECT sum(amount_minor) FROM payments p WHERE p.invoice_id = i.id), 0)
      + COALESCE((SELECT sum(CASE WHEN kind = 'PAYMENT_REVERSAL' THEN -amount_minor ELSE amount_minor END) FROM ledger_entries l WHERE l.invoice_id = i.id), 0))::bigint AS moved
    FROM invoices i WHERE i.org_id = ${orgId}::uuid`;
  for (const row of drift as { paid_minor: bigint; moved: bigint }[]) expect(row.paid_minor).toBe(row.moved);
  expect(
    await db.$queryRaw`SELECT customer_id, currency, open_minor, open_invoices, oldest_open_due FROM accounts WHERE org_id = ${orgId}::uuid ORDER BY 1, 2`,
  ).toEqual(
    await db.$queryRaw`SELECT customer_id, currency, COALESCE(sum(amount_minor - paid_minor) FILTER (WHERE paid_minor < amount_minor), 0)::bigint AS open_minor,
      count(*) FILTER (WHERE paid_minor < amount_minor)::int AS open_invoices, min(due_date) FILTER (WHERE paid_minor < amount_minor) AS oldest_open_due
      FROM invoices WHERE org_id = ${orgId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  expect(
    await db.$queryRaw`SELECT currency, due_date, open_minor, open_invoices FROM open_balances_by_due_date WHERE org_id = ${orgId}::uuid AND open_invoices > 0 ORDER BY 1, 2`,
  ).toEqual(
    await db.$queryRaw`SELECT currency, due_date, sum(amount_minor - paid_minor)::bigint AS open_minor, count(*)::int AS open_invoices
      FROM invoices WHERE org_id = ${orgId}::uuid AND paid_minor < amount_minor GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  expect(await getAgingTotals(db, { orgId, today: TODAY })).toEqual(
    await getAgingTotalsAsOf(db, { orgId, asOf: TODAY }),
  );
  // The worklist cache was told: every account with a ledger movement is stale or judged after it.
}

/** What a refused correction must leave as it was. */
async function ledgerState(orgId: string) {
  return Promise.all([
    db.ledgerEntry.count({ where: { orgId } }),
    db.dueDateExtension.count({ where: { orgId } }),
    db.payment.count({ where: { orgId } }),
    db.auditEvent.count({ where: { orgId } }),
    db.invoice.findMany({
      where: { orgId },
      select: { number: true, paidMinor: true, dueDate: true },
      orderBy: { number: "asc" },
    }),
  ]);
}

describe("ledger corrections", () => {
  it("each correction moves the aging totals to the cent, and every summary stays equal to recomputing it", async () => {
    const { org, customer, a, b, who } = await fixture();
    expect(await eur(org.id)).toEqual({ open: 150_000, current: 50_000, d31_60: 100_000, credit: 0 });

    await recordCreditNote(db, {
      ...who,
      invoiceId: a.id,
      amountMinor: 40_000,
      currency: "EUR",
      number: "CN-1",
      reason: "Damaged goods",
      issuedOn: TODAY,
    });
    expect(await eur(org.id)).toEqual({ open: 110_000, current: 50_000, d31_60: 60_000, credit: 0 });
    await expectSummariesExact(org.id);

    // The extension moves A to current from today; as of yesterday it was still 31-60 (and not yet credited).
    await extendDueDate(db, { ...who, invoiceId: a.id, newDueDate: "2026-11-25", reason: "Agreed on the phone" });
    expect(await eur(org.id)).toEqual({ open: 110_000, current: 110_000, d31_60: 0, credit: 0 });
    const yesterday = (await getAgingTotalsAsOf(db, { orgId: org.id, asOf: "2026-11-19" }))[0];
    expect([yesterday.open, yesterday.d31_60]).toEqual([150_000, 100_000]);
    const extension = await db.dueDateExtension.findFirstOrThrow({ where: { invoiceId: a.id } });
    expect(extension.previousDueDate.toISOString().slice(0, 10)).toBe("2026-10-01");
    await expectSummariesExact(org.id);

    await recordPayment(db, {
      ...who,
      customerId: customer.id,
      currency: "EUR",
      amount: "200",
      receivedOn: TODAY,
      invoiceId: b.id,
    });
    expect(await eur(org.id)).toEqual({ open: 90_000, current: 90_000, d31_60: 0, credit: 0 });
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId: b.id } });
    const reversal = await reversePayment(db, { ...who, paymentId: payment.id, reason: "Bounced" });
    expect(await eur(org.id)).toEqual({ open: 110_000, current: 110_000, d31_60: 0, credit: 0 });
    await expectSummariesExact(org.id);

    await recordWriteOff(db, { ...who, invoiceId: a.id, reason: "Customer insolvent" });
    expect(await eur(org.id)).toEqual({ open: 50_000, current: 50_000, d31_60: 0, credit: 0 });
    const writeOff = await db.ledgerEntry.findFirstOrThrow({ where: { invoiceId: a.id, kind: "WRITE_OFF" } });
    expect([writeOff.amountMinor, writeOff.enteredById]).toEqual([60_000n, who.actor.userId]);
    await expectSummariesExact(org.id);

    // 800.00 with 500.00 open: 300.00 is kept as unapplied cash, shown as a credit.
    const paid = await recordPayment(db, {
      ...who,
      customerId: customer.id,
      currency: "EUR",
      amount: "800",
      receivedOn: TODAY,
    });
    expect(paid.unapplied).toBe(30_000);
    expect(await eur(org.id)).toEqual({ open: 0, current: 0, d31_60: 0, credit: 30_000 });

    // A new invoice by hand, then the credit applied to it.
    const c = await enterInvoice(db, {
      ...who,
      customerId: customer.id,
      number: "INV-HAND-1",
      issueDate: TODAY,
      dueDate: "2026-12-20",
      amountMinor: 20_000,
      currency: "EUR",
    });
    expect(await eur(org.id)).toEqual({ open: 20_000, current: 20_000, d31_60: 0, credit: 30_000 });
    await applyCredit(db, { ...who, invoiceId: c.invoiceId });
    expect(await eur(org.id)).toEqual({ open: 0, current: 0, d31_60: 0, credit: 10_000 });
    await expectSummariesExact(org.id);

    // Every step is audited.
    const kinds = (await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.kind,
    );
    expect(kinds.filter((k) => ["ledger.recorded", "due_date.extended", "invoice.entered"].includes(k))).toEqual([
      "ledger.recorded",
      "due_date.extended",
      "ledger.recorded",
      "ledger.recorded",
      "invoice.entered",
      "ledger.recorded",
    ]);
    expect(reversal.entryId).toBeTruthy();
  });

  it("two credit notes racing on one invoice from separate connections never over-credit it", async () => {
    const { org, a, who } = await fixture();
    const results = await Promise.allSettled(
      ["CN-A", "CN-B"].map((number) =>
        recordCreditNote(db, {
          ...who,
          invoiceId: a.id,
          amountMinor: 60_000,
          currency: "EUR",
          number,
          reason: "Race",
          issuedOn: TODAY,
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.message).toContain("more than invoice");
    expect(refused.reason.message).toContain("€400.00");
    expect((await db.invoice.findUniqueOrThrow({ where: { id: a.id } })).paidMinor).toBe(60_000n);

    // The database itself refuses an over-credit from writers that skip the app's check:
    // the second insert waits for the first's row lock, then fails its CHECK.
    const url = inject("testDatabaseUrl");
    const [x, y] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await Promise.all([x.connect(), y.connect()]);
    const credit = (c: Client, number: string) =>
      c.query(
        "INSERT INTO ledger_entries (id, org_id, customer_id, currency, kind, invoice_id, amount_minor, number, reason, effective_on) VALUES (gen_random_uuid(), $1, $2, 'EUR', 'CREDIT_NOTE', $3, 30000, $4, 'raw', $5)",
        [org.id, a.customerId, a.id, number, TODAY],
      );
    try {
      await x.query("BEGIN");
      await credit(x, "RAW-1");
      await y.query("BEGIN");
      const second = credit(y, "RAW-2").then(
        () => "inserted",
        (e: Error) => e.message,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await x.query("COMMIT");
      expect(await second).toContain("invoices_not_overpaid");
      await y.query("ROLLBACK");
    } finally {
      await Promise.all([x.end(), y.end()]);
    }
    expect((await db.invoice.findUniqueOrThrow({ where: { id: a.id } })).paidMinor).toBe(90_000n);
    await expectSummariesExact(org.id);
  });

  it("refuses bad corrections with a clear message and changes nothing", async () => {
    const { org, customer, a, b, who } = await fixture();
    await recordCreditNote(db, {
      ...who,
      invoiceId: b.id,
      amountMinor: 50_000,
      currency: "EUR",
      number: "CN-FULL",
      reason: "Cancelled",
      issuedOn: TODAY,
    });
    await recordPayment(db, {
      ...who,
      customerId: customer.id,
      currency: "EUR",
      amount: "10",
      receivedOn: TODAY,
      invoiceId: a.id,
    });
    const payment = await db.payment.findFirstOrThrow({ where: { invoiceId: a.id } });
    const reversal = await reversePayment(db, { ...who, paymentId: payment.id, reason: "Entered twice" });
    const before = await ledgerState(org.id);

    const cases: [string, () => Promise<unknown>, string][] = [
      [
        "a credit larger than the open balance",
        () =>
          recordCreditNote(db, {
            ...who,
            invoiceId: a.id,
            amountMinor: 100_001,
            currency: "EUR",
            number: "CN-2",
            reason: "Too much",
            issuedOn: TODAY,
          }),
        "€1,000.01 is more than invoice",
      ],
      [
        "a write-off of a paid invoice",
        () => recordWriteOff(db, { ...who, invoiceId: b.id, reason: "x" }),
        "is paid in full; there is nothing to write off",
      ],
      [
        "a reversal of a reversal",
        () => reversePayment(db, { ...who, paymentId: reversal.entryId, reason: "undo" }),
        "A reversal cannot itself be reversed",
      ],
      [
        "a second reversal",
        () => reversePayment(db, { ...who, paymentId: payment.id, reason: "again" }),
        "already reversed",
      ],
      [
        "an unknown currency",
        () =>
          recordCreditNote(db, {
            ...who,
            customerId: customer.id,
            amountMinor: 100,
            currency: "EUX",
            number: "CN-3",
            reason: "x",
            issuedOn: TODAY,
          }),
        "is not a currency we know",
      ],
      [
        "an unknown currency on a new invoice",
        () =>
          enterInvoice(db, {
            ...who,
            customerId: customer.id,
            number: "N-1",
            issueDate: TODAY,
            dueDate: TODAY,
            amountMinor: 100,
            currency: "EUX",
          }),
        "is not a currency we know",
      ],
      [
        "a duplicate credit note number",
        () =>
          recordCreditNote(db, {
            ...who,
            invoiceId: a.id,
            amountMinor: 100,
            currency: "EUR",
            number: "CN-FULL",
            reason: "x",
            issuedOn: TODAY,
          }),
        "Credit note number CN-FULL is already used",
      ],
      [
        "a duplicate invoice number",
        () =>
          enterInvoice(db, {
            ...who,
            customerId: customer.id,
            number: a.number,
            issueDate: TODAY,
            dueDate: TODAY,
            amountMinor: 100,
            currency: "EUR",
          }),
        `Invoice number ${a.number} is already used`,
      ],
      [
        "a credit note dated after today",
        () =>
          recordCreditNote(db, {
            ...who,
            invoiceId: a.id,
            amountMinor: 100,
            currency: "EUR",
            number: "CN-4",
            reason: "x",
            issuedOn: "2026-11-21",
          }),
        "cannot be dated after today",
      ],
      [
        "a credit note in another currency than its invoice",
        () =>
          recordCreditNote(db, {
            ...who,
            invoiceId: a.id,
            amountMinor: 100,
            currency: "NOK",
            number: "CN-5",
            reason: "x",
            issuedOn: TODAY,
          }),
        "is in EUR, not NOK",
      ],
      [
        "a due date moved earlier",
        () => extendDueDate(db, { ...who, invoiceId: a.id, newDueDate: "2026-09-15", reason: "x" }),
        "Choose a date after the current due date",
      ],
      [
        "a payment dated before its invoice's issue date",
        () =>
          recordPayment(db, {
            ...who,
            customerId: customer.id,
            currency: "EUR",
            amount: "1",
            receivedOn: "2026-08-31",
            invoiceId: a.id,
          }),
        "cannot be dated earlier",
      ],
      [
        "applying credit the account does not have",
        () => applyCredit(db, { ...who, invoiceId: a.id }),
        "no credit in EUR",
      ],
      [
        "a viewer",
        () => recordWriteOff(db, { ...who, actor: { ...who.actor, role: "VIEWER" }, invoiceId: a.id, reason: "x" }),
        "can view accounts but not change them",
      ],
    ];
    for (const [what, attempt, message] of cases) {
      await expect(attempt(), what).rejects.toThrow(message);
      expect(await ledgerState(org.id), what).toEqual(before);
    }
  });

  it("the ledger is append-only for the app's own role", async () => {
    const { org, a, who } = await fixture();
    await recordCreditNote(db, {
      ...who,
      invoiceId: a.id,
      amountMinor: 100,
      currency: "EUR",
      number: "CN-X",
      reason: "x",
      issuedOn: TODAY,
    });
    await extendDueDate(db, { ...who, invoiceId: a.id, newDueDate: "2026-12-01", reason: "x" });
    await appConnection(async (c) => {
      for (const sql of [
        `UPDATE ledger_entries SET amount_minor = 1 WHERE org_id = '${org.id}'`,
        `DELETE FROM ledger_entries WHERE org_id = '${org.id}'`,
        `UPDATE due_date_extensions SET reason = 'x' WHERE org_id = '${org.id}'`,
        "TRUNCATE ledger_entries",
      ])
        await expect(c.query(sql), sql).rejects.toThrow(/append-only|permission denied/);
    });
  });
});

describe("dates after today", () => {
  it("today's report and export leave out a payment and an invoice dated tomorrow, equal to the as-of computation for today", async () => {
    const { org, user, customer, a } = await fixture();
    // What an import brings: a payment received tomorrow on A, an invoice issued tomorrow.
    await createPayment(db, a, { amountMinor: 30_000, receivedOn: "2026-11-21" });
    await createInvoice(db, customer, { amountMinor: 7_000, issueDate: "2026-11-21", dueDate: "2026-12-21" });
    const query = accountQuerySchema.parse({});
    const report = await getAgingReport(db, { orgId: org.id, timeZone: TZ, today: TODAY, query });
    const eurTotals = report.totals.find((t) => t.currency === "EUR")!;
    expect([eurTotals.open, eurTotals.d31_60, eurTotals.current]).toEqual([150_000, 100_000, 50_000]);
    expect(report.totals).toEqual(await getAgingTotalsAsOf(db, { orgId: org.id, asOf: TODAY }));
    expect(report.accounts.rows.map((r) => r.open)).toEqual([150_000]);
    const exported = [];
    for await (const row of agingExportRows(db, { orgId: org.id, asOf: TODAY, today: TODAY })) exported.push(row);
    expect(exported.map((r) => [r.number, r.openMinor])).toEqual([
      [a.number, 100_000],
      [expect.any(String), 50_000],
    ]);
    // Tomorrow both count.
    const tomorrow = await getAgingTotalsAsOf(db, { orgId: org.id, asOf: "2026-11-21" });
    expect(tomorrow[0].open).toBe(150_000 - 30_000 + 7_000);
    expect(user).toBeTruthy();
  });
});

describe("credit notes import", () => {
  it("imports credit notes matched by number, on invoices or as account credit; a second import changes nothing", async () => {
    const { org, user, customer, a } = await fixture();
    const who = { orgId: org.id, userId: user.id };
    // The import decides "after today" by the clock.
    const frozen = process.env.DUNNING_FROZEN_NOW;
    process.env.DUNNING_FROZEN_NOW = NOW.toISOString();
    onTestFinished(() => {
      if (frozen === undefined) delete process.env.DUNNING_FROZEN_NOW;
      else process.env.DUNNING_FROZEN_NOW = frozen;
    });
    const csv = [
      "Credit note,Invoice,Customer,Amount,Date,Reason",
      `CN-I-1,${a.number},,250.00,2026-11-10,Price error`,
      `CN-I-2,,${customer.reference},40.00,2026-11-12,Goodwill`,
    ].join("\n");
    const first = await importFile(db, who, "credit_notes", { text: csv });
    expect(first).toMatchObject({ status: "COMMITTED" });
    expect((await db.invoice.findUniqueOrThrow({ where: { id: a.id } })).paidMinor).toBe(25_000n);
    expect((await eur(org.id)).credit).toBe(4_000);
    await importFile(db, who, "credit_notes", { text: csv });
    expect(await db.ledgerEntry.count({ where: { orgId: org.id } })).toBe(2);
    await expectSummariesExact(org.id);

    const bad = await importFile(db, who, "credit_notes", {
      text: [
        "Credit note,Invoice,Amount,Date",
        `CN-I-3,${a.number},750.01,2026-11-10`,
        `CN-I-4,${a.number},1.00,2026-11-21`,
      ].join("\n"),
    });
    expect(bad).toMatchObject({ problemCount: 2 });
    expect(await db.ledgerEntry.count({ where: { orgId: org.id } })).toBe(2);
  });
});

describe("payments import", () => {
  it("keeps a payment naming no invoice, only a customer, as unapplied cash; an overpayment is named with the way to keep it", async () => {
    const { org, user, customer, a } = await fixture();
    const who = { orgId: org.id, userId: user.id };
    const done = await importFile(db, who, "payments", {
      text: ["Invoice,Customer,Amount,Payment date,Reference", `,${customer.reference},120.00,2026-11-15,BANK-9`].join(
        "\n",
      ),
    });
    expect(done).toMatchObject({ status: "COMMITTED" });
    expect((await eur(org.id)).credit).toBe(12_000);
    const refused = await importFile(db, who, "payments", {
      text: ["Invoice,Amount,Payment date", `${a.number},1000.01,2026-11-15`].join("\n"),
    });
    expect(refused).toMatchObject({ problemCount: 1 });
    const problems = await db.import.findFirstOrThrow({ where: { orgId: org.id }, orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(problems)).toContain("unapplied cash");
    await expectSummariesExact(org.id);
  });
});
