import { describe, expect, it } from "vitest";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createCustomer, createOrg, createUser } from "./factories";
import { importFile } from "./imports";

// Exports of invoices mix in credit notes (a negative amount, "(150.00)",
// "150.00-", or a document type such as "Nota di credito"): they import as
// credit notes through the ledger, on the named invoice or the customer's account.
const db = useTestDb();

async function orgWithCustomer(currency: string) {
  const org = await createOrg(db);
  await db.organization.update({ where: { id: org.id }, data: { defaultCurrency: currency } });
  const user = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { name: "Acme Ltd", currency });
  return { who: { orgId: org.id, userId: user.id }, customer };
}

const creditNotes = (orgId: string) =>
  db.ledgerEntry
    .findMany({
      where: { orgId, kind: "CREDIT_NOTE" },
      orderBy: { number: "asc" },
      include: { invoice: { select: { number: true } } },
    })
    .then((rows) =>
      rows.map((e) => ({
        number: e.number,
        invoice: e.invoice?.number ?? null,
        amount: Number(e.amountMinor),
        on: dateOnlyFromDb(e.effectiveOn),
      })),
    );

describe("credit notes in an invoices file", () => {
  it("records them through the ledger, on the invoice named or the account, once", async () => {
    const { who, customer } = await orgWithCustomer("GBP");
    const text = [
      "Type,Number,Date,Due Date,Customer,Amount,Credited invoice",
      `Invoice,INV-1,2026-01-10,2026-02-10,${customer.reference},500.00,`,
      `Invoice,INV-2,2026-01-12,2026-02-12,${customer.reference},80.00,`,
      `Credit Note,CN-1,2026-01-20,2026-01-20,${customer.reference},(150.00),INV-1`,
      `,CN-2,2026-01-21,2026-01-21,${customer.reference},50.00-,`,
      `Credit Memo,CN-3,2026-01-22,2026-01-22,${customer.reference},30.00,INV-2`,
    ].join("\n");
    const done = await importFile(db, who, "invoices", { text });
    expect(done).toMatchObject({ status: "COMMITTED", problemCount: 0, createdCount: 5 });
    expect(await creditNotes(who.orgId)).toEqual([
      { number: "CN-1", invoice: "INV-1", amount: 15000, on: "2026-01-20" },
      { number: "CN-2", invoice: null, amount: 5000, on: "2026-01-21" },
      { number: "CN-3", invoice: "INV-2", amount: 3000, on: "2026-01-22" },
    ]);
    // The credited invoices' settled amounts moved in the same transaction; no invoice for a credit note.
    const invoices = await db.invoice.findMany({ where: { orgId: who.orgId }, orderBy: { number: "asc" } });
    expect(invoices.map((i) => [i.number, Number(i.amountMinor), Number(i.paidMinor)])).toEqual([
      ["INV-1", 50000, 15000],
      ["INV-2", 8000, 3000],
    ]);
    // Each recorded as the ledger records it: audited in the importing user's name.
    const audits = await db.auditEvent.findMany({ where: { orgId: who.orgId, kind: "ledger.recorded" } });
    expect(audits).toHaveLength(3);
    expect(audits.every((a) => a.userId === who.userId)).toBe(true);

    const again = await importFile(db, who, "invoices", { text });
    expect(again).toMatchObject({ status: "COMMITTED", problemCount: 0, createdCount: 0 });
    expect(await db.ledgerEntry.count({ where: { orgId: who.orgId } })).toBe(3);
  });

  it("refuses a credit note above the invoice's open balance, naming the row and column, and imports nothing", async () => {
    const { who, customer } = await orgWithCustomer("GBP");
    const text = [
      "Number,Date,Due Date,Customer,Amount,Credited invoice",
      `INV-1,2026-01-10,2026-02-10,${customer.reference},100.00,`,
      `CN-1,2026-01-20,2026-01-20,${customer.reference},-100.00,INV-1`,
      `CN-2,2026-01-21,2026-01-21,${customer.reference},-0.01,INV-1`,
    ].join("\n");
    const first = await importFile(db, who, "invoices", { text: text.split("\n").slice(0, 2).join("\n") });
    expect(first).toMatchObject({ status: "COMMITTED", createdCount: 1 });
    const checked = await importFile(db, who, "invoices", { text });
    expect(checked.problems).toEqual([
      {
        line: 4,
        column: "Amount",
        message: expect.stringContaining("more than invoice INV-1's open balance of £0.00"),
      },
    ]);
    expect(await db.ledgerEntry.count({ where: { orgId: who.orgId } })).toBe(0);
  });

  it("credits the invoice of the row's customer when the number names invoices of two years", async () => {
    const { who, customer } = await orgWithCustomer("EUR");
    const other = await createCustomer(db, who.orgId, { name: "Other SpA", currency: "EUR" });
    const text = [
      "Tipo documento;Numero;Data;Scadenza;Cliente;Importo totale;Fattura di riferimento",
      `Fattura;1;10/01/2025;10/02/2025;${customer.name};1.000,00;`,
      `Fattura;1;12/01/2026;12/02/2026;${other.name};200,00;`,
      `Nota di credito;7;20/01/2026;20/01/2026;${other.name};50,00;1`,
    ].join("\n");
    const done = await importFile(db, who, "invoices", { text });
    expect(done.problems).toEqual([]);
    expect(done).toMatchObject({ status: "COMMITTED", problemCount: 0 });
    const note = await db.ledgerEntry.findFirstOrThrow({ where: { orgId: who.orgId }, include: { invoice: true } });
    expect([note.number, note.customerId, note.invoice?.customerId, Number(note.amountMinor)]).toEqual([
      "7",
      other.id,
      other.id,
      5000,
    ]);
  });
});
