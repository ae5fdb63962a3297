import { describe, expect, it } from "vitest";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createLetter, createOrg, createPayment, createUser } from "./factories";
import { importFile } from "./imports";

// Italian invoice numbers restart every year (numerazione annuale): a 2025 file
// with invoices 1 and 2 once moved 2026's invoice 1 to another customer and
// rewrote its amount, with "No problems found". These tests import two years of
// restarting numbers and prove nothing is lost or silently changed.
const db = useTestDb();

const CUSTOMERS = `Codice cliente;Ragione sociale;Partita IVA
ROSSI;Rossi & Figli S.r.l.;IT01234567890
BIANCHI;Bianchi Costruzioni S.p.A.;IT09876543210
`;
const CSV_2026 = `Numero;Codice cliente;Data;Scadenza;Importo totale
1;ROSSI;10/01/2026;09/02/2026;12.200,00
2;BIANCHI;20/01/2026;19/02/2026;1.234,56
`;
const CSV_2025 = `Numero;Codice cliente;Data;Scadenza;Importo totale
1;BIANCHI;03/03/2025;02/04/2025;3.000,00
2;ROSSI;15/05/2025;14/06/2025;200,00
`;
const ITALIAN = { dateFormat: "dmy", decimalSeparator: "," } as const;

async function setUp() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const who = { orgId: org.id, userId: user.id };
  expect(await importFile(db, who, "customers", { text: CUSTOMERS })).toMatchObject({
    status: "COMMITTED",
    createdCount: 2,
  });
  expect(await importFile(db, who, "invoices", { text: CSV_2026 }, { options: ITALIAN })).toMatchObject({
    status: "COMMITTED",
    createdCount: 2,
  });
  return who;
}

const invoices = (orgId: string) =>
  db.invoice
    .findMany({
      where: { orgId },
      orderBy: [{ issueDate: "asc" }, { number: "asc" }],
      include: { customer: { select: { reference: true } } },
    })
    .then((rows) =>
      rows.map((i) => [i.number, i.customer.reference, dateOnlyFromDb(i.issueDate), Number(i.amountMinor)]),
    );

describe("invoice numbers that restart every year", () => {
  it("imports the year before as new invoices and leaves the later year's alone", async () => {
    const who = await setUp();
    const first = await invoices(who.orgId);
    const done = await importFile(db, who, "invoices", { text: CSV_2025 }, { options: ITALIAN });
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 2, updatedCount: 0, changes: { invoices: 0 } });
    expect(await invoices(who.orgId)).toEqual([
      ["1", "BIANCHI", "2025-03-03", 300000],
      ["2", "ROSSI", "2025-05-15", 20000],
      ...first,
    ]);
    expect(first).toEqual([
      ["1", "ROSSI", "2026-01-10", 1220000],
      ["2", "BIANCHI", "2026-01-20", 123456],
    ]);
    // Both years again: nothing changes, nothing is added.
    for (const text of [CSV_2026, CSV_2025]) {
      expect(await importFile(db, who, "invoices", { text }, { options: ITALIAN })).toMatchObject({
        status: "COMMITTED",
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 2,
      });
    }
    const total = await db.invoice.aggregate({ where: { orgId: who.orgId }, _sum: { amountMinor: true } });
    expect(Number(total._sum.amountMinor)).toBe(1220000 + 123456 + 300000 + 20000);
    expect(await db.auditEvent.count({ where: { orgId: who.orgId, kind: "invoice.corrected" } })).toBe(0);
  });

  it("refuses to move an invoice with a letter or change one with payments, naming the reason", async () => {
    const who = await setUp();
    const [one, two] = await db.invoice.findMany({ where: { orgId: who.orgId }, orderBy: { number: "asc" } });
    const rossi = await db.customer.findFirstOrThrow({ where: { orgId: who.orgId, reference: "ROSSI" } });
    await createLetter(db, rossi, { invoices: [{ invoiceId: one.id, number: "1", openMinor: 1220000 }] });
    await createPayment(db, two, { amountMinor: 10000, receivedOn: "2026-02-01" });
    // 2026's numbers with another customer on invoice 1 and another amount on invoice 2.
    const swapped = `Numero;Codice cliente;Data;Scadenza;Importo totale
1;BIANCHI;10/01/2026;09/02/2026;12.200,00
2;BIANCHI;20/01/2026;19/02/2026;200,00
`;
    const checked = await importFile(db, who, "invoices", { text: swapped }, { options: ITALIAN });
    expect(checked.status).toBe("VALIDATED");
    expect(checked.problems).toEqual([
      {
        line: 2,
        column: "Codice cliente",
        message: expect.stringContaining(
          "invoice 1 of 2026-01-10 has letters: it cannot move from customer ROSSI to BIANCHI",
        ),
      },
      {
        line: 3,
        column: "Importo totale",
        message: expect.stringContaining(
          "invoice 2 of 2026-01-20 has payments: it cannot change from €1,234.56 to €200.00",
        ),
      },
    ]);
    expect(await invoices(who.orgId)).toEqual([
      ["1", "ROSSI", "2026-01-10", 1220000],
      ["2", "BIANCHI", "2026-01-20", 123456],
    ]);
  });

  it("matches within the customer when the organization numbers per customer", async () => {
    const who = await setUp();
    const perCustomer = `Numero;Codice cliente;Data;Scadenza;Importo totale
1;BIANCHI;12/01/2026;11/02/2026;50,00
1;ROSSI;10/01/2026;09/02/2026;12.200,00
`;
    // By issue year, invoice 1 of 2026 appears twice in the file: a problem, never a merge.
    const byYear = await importFile(db, who, "invoices", { text: perCustomer }, { options: ITALIAN });
    expect(byYear.problems).toEqual([
      {
        line: 3,
        column: "Numero",
        message: expect.stringContaining('duplicate invoice number "1" of 2026 in the file (first on row 2)'),
      },
    ]);
    const byCustomer = await importFile(
      db,
      who,
      "invoices",
      { text: perCustomer },
      { options: { ...ITALIAN, invoiceIdentity: "customer" } },
    );
    expect(byCustomer).toMatchObject({ status: "COMMITTED", createdCount: 1, unchangedCount: 1 });
    expect(await invoices(who.orgId)).toEqual([
      ["1", "ROSSI", "2026-01-10", 1220000],
      ["1", "BIANCHI", "2026-01-12", 5000],
      ["2", "BIANCHI", "2026-01-20", 123456],
    ]);
    // Payments name the invoice by number; the invoice date tells the two invoice 1s apart.
    const ambiguous = await importFile(
      db,
      who,
      "payments",
      { text: "Invoice;Paid on;Amount\n1;01/02/2026;50,00\n" },
      { options: ITALIAN },
    );
    expect(ambiguous.problems).toEqual([
      {
        line: 2,
        column: "Invoice",
        message: expect.stringContaining(
          'invoice number "1" names 2 invoices (issued 2026-01-10, 2026-01-12); choose the invoice date column on this page',
        ),
      },
    ]);
    const paid = await importFile(
      db,
      who,
      "payments",
      { text: "Invoice;Invoice date;Paid on;Amount\n1;12/01/2026;01/02/2026;50,00\n" },
      { options: ITALIAN },
    );
    expect(paid).toMatchObject({ status: "COMMITTED", createdCount: 1 });
    const bianchiOne = await db.invoice.findFirstOrThrow({
      where: { orgId: who.orgId, number: "1", customer: { reference: "BIANCHI" } },
    });
    expect(Number(bianchiOne.paidMinor)).toBe(5000);
  });
});
