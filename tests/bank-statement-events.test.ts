import { describe, expect, it } from "vitest";
import { verifyHistory } from "@/lib/history/verify-history";
import { bankFixture, openByNumber, orgWithBankInvoices, receiveAndProcess } from "./bank";
import { useTestDb } from "./db";

// What a statement's matched payments leave behind besides the balances: one
// payment.recorded webhook each (as a typed or API payment has), the audit trail
// naming every payment in the history chain, and invoices' paid sums kept by the
// payments table's statement-level triggers, whatever the statement's row count.

const db = useTestDb();

describe("bank statement payments: webhooks, audit, paid sums", () => {
  it("queues payment.recorded per matched line with its bank line, in the recording transaction", async () => {
    const f = await orgWithBankInvoices(db);
    const endpoint = await db.webhookEndpoint.create({
      data: {
        orgId: f.org.id,
        url: "https://hooks.example/dd",
        events: ["payment.recorded", "bank_statement.processed"],
        secret: "whsec_dGVzdA==",
      },
    });
    // Another endpoint that only wants letters gets nothing.
    await db.webhookEndpoint.create({
      data: {
        orgId: f.org.id,
        url: "https://hooks.example/letters",
        events: ["letter.sent"],
        secret: "whsec_dGVzdA==",
      },
    });
    const { done } = await receiveAndProcess(
      db,
      { orgId: f.org.id, userId: f.user.id },
      bankFixture("dnb-camt054-v02-kid.xml"),
    );
    expect(done!.counts.matched).toBe(2);

    const deliveries = await db.webhookDelivery.findMany({ where: { orgId: f.org.id }, orderBy: { createdAt: "asc" } });
    expect(deliveries.every((d) => d.endpointId === endpoint.id)).toBe(true);
    expect(deliveries.map((d) => d.eventType).sort()).toEqual([
      "bank_statement.processed",
      "payment.recorded",
      "payment.recorded",
    ]);
    const payments = deliveries
      .filter((d) => d.eventType === "payment.recorded")
      .map((d) => (d.payload as { data: Record<string, unknown> }).data);
    const matchedLines = await db.bankLine.findMany({ where: { orgId: f.org.id, status: "matched" } });
    expect(payments.map((p) => p.bankLineId).sort()).toEqual(matchedLines.map((l) => l.id).sort());
    const invoice20001 = f.invoices.get("20001")!;
    expect(payments).toContainEqual(
      expect.objectContaining({
        source: "bank",
        currency: "NOK",
        amount: "12500.00",
        unapplied: "0.00",
        allocations: [expect.objectContaining({ invoiceId: invoice20001, amount: "12500.00" })],
      }),
    );
    // Each delivery has its first try on the durable queue.
    const jobs = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker.jobs WHERE key = ANY(${deliveries.map((d) => `webhook:${d.id}:1`)}::text[])`;
    expect(Number(jobs[0].n)).toBe(3);
  });

  it("keeps every recorded payment in the audit trail's history chain, which still verifies", async () => {
    const f = await orgWithBankInvoices(db);
    const who = { orgId: f.org.id, userId: f.user.id };
    const recorded: string[] = [];
    for (const file of ["dnb-camt054-v02-kid.xml", "intesa-camt053-v04.xml", "unicredit-camt053-v06.xml"])
      recorded.push(...(await receiveAndProcess(db, who, bankFixture(file), file)).done!.recordedPaymentIds);
    expect(recorded).toHaveLength(6);

    const audits = await db.auditEvent.findMany({ where: { orgId: f.org.id, kind: "bank_payments.recorded" } });
    expect(audits).toHaveLength(3);
    const audited = audits.flatMap(
      (a) =>
        (a.payload as { payments: { lineId: string; allocations: { paymentId: string }[] }[] }).payments.flatMap((p) =>
          p.allocations.map((x) => x.paymentId),
        ) ?? [],
    );
    expect(audited.sort()).toEqual([...recorded].sort());
    // Every audited payment names its line, and the line is the payment's evidence.
    const rows = await db.payment.findMany({ where: { id: { in: recorded } }, select: { bankLineId: true } });
    const lineIds = audits.flatMap((a) =>
      (a.payload as { payments: { lineId: string }[] }).payments.map((p) => p.lineId),
    );
    expect(new Set(rows.map((r) => r.bankLineId))).toEqual(new Set(lineIds));
    expect(await db.auditEvent.count({ where: { orgId: f.org.id, kind: "payment.recorded" } })).toBe(0);
    expect(await verifyHistory(db, { orgId: f.org.id })).toMatchObject({ ok: true });
  });

  it("keeps invoices' paid sums through multi-row inserts, updates that move payments, and deletes", async () => {
    const f = await orgWithBankInvoices(db);
    const [a, b] = [f.invoices.get("20001")!, f.invoices.get("20011")!];
    const customerId = f.customers.get("1001")!;
    const paid = async () => {
      const open = await openByNumber(db, f.org.id);
      return [1250000 - open["20001"], 400000 - open["20011"]];
    };
    // Three rows in one INSERT, two of them on the same invoice.
    await db.$executeRaw`
      INSERT INTO payments (id, org_id, customer_id, invoice_id, amount_minor, currency, received_on, method, reference, source)
      SELECT gen_random_uuid(), ${f.org.id}::uuid, ${customerId}::uuid, x.invoice_id, x.amount, 'NOK', DATE '2026-11-02', 'bank transfer', 'T', 'import'
      FROM (VALUES (${a}::uuid, 100000::bigint), (${a}::uuid, 50000::bigint), (${b}::uuid, 7000::bigint)) AS x(invoice_id, amount)`;
    expect(await paid()).toEqual([150000, 7000]);
    // One UPDATE moves the 50,000 payment to the other invoice and changes the 7,000 to 9,000.
    await db.$executeRaw`
      UPDATE payments SET invoice_id = ${b}::uuid, amount_minor = CASE WHEN amount_minor = 7000 THEN 9000 ELSE amount_minor END
      WHERE org_id = ${f.org.id}::uuid AND amount_minor IN (50000, 7000)`;
    expect(await paid()).toEqual([100000, 59000]);
    // A statement whose end state over-pays an invoice is refused whole.
    await expect(
      db.$executeRaw`UPDATE payments SET amount_minor = amount_minor * 10 WHERE org_id = ${f.org.id}::uuid`,
    ).rejects.toThrow();
    expect(await paid()).toEqual([100000, 59000]);
    // The app cannot delete a payment (money movements are append-only); a refund row corrects it.
    await expect(db.$executeRaw`DELETE FROM payments WHERE org_id = ${f.org.id}::uuid`).rejects.toThrow(
      /permission denied/,
    );
    await db.$executeRaw`
      INSERT INTO payments (id, org_id, customer_id, invoice_id, amount_minor, currency, received_on, method, reference, source)
      VALUES (gen_random_uuid(), ${f.org.id}::uuid, ${customerId}::uuid, ${a}::uuid, -100000, 'NOK', DATE '2026-11-03', 'bank transfer', 'R', 'import')`;
    expect(await paid()).toEqual([0, 59000]);
  });
});
