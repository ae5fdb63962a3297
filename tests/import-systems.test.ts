import { describe, expect, it } from "vitest";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";
import { importFile, upload } from "./imports";

// Each accounting system's export, as a made-up file shaped like it, imports
// with the suggested mapping and the detected formats: nothing chosen by hand.
const db = useTestDb();

async function orgIn(currency: string) {
  const org = await createOrg(db);
  await db.organization.update({ where: { id: org.id }, data: { defaultCurrency: currency } });
  const user = await createUser(db, org.id, "COLLECTOR");
  return { orgId: org.id, userId: user.id };
}

const invoices = (orgId: string) =>
  db.invoice
    .findMany({ where: { orgId }, orderBy: { number: "asc" }, include: { customer: { select: { reference: true } } } })
    .then((rows) =>
      rows.map((i) => ({
        number: i.number,
        customer: i.customer.reference,
        issued: dateOnlyFromDb(i.issueDate),
        due: dateOnlyFromDb(i.dueDate),
        amount: Number(i.amountMinor),
        paid: Number(i.paidMinor),
        currency: i.currency,
      })),
    );

const SYSTEMS = [
  {
    system: "Tripletex (Norwegian, Windows-1252, title lines, totals line)",
    currency: "NOK",
    customers: "tripletex-customers-nb.csv",
    invoices: "tripletex-invoices-nb.csv",
    expected: [
      {
        number: "10001",
        customer: "20001",
        issued: "2026-01-15",
        due: "2026-01-29",
        amount: 1250000,
        paid: 0,
        currency: "NOK",
      },
      {
        number: "10002",
        customer: "20002",
        issued: "2026-02-03",
        due: "2026-02-17",
        amount: 375050,
        paid: 275050,
        currency: "NOK",
      },
      {
        number: "10003",
        customer: "20001",
        issued: "2026-02-20",
        due: "2026-03-06",
        amount: 98000,
        paid: 0,
        currency: "NOK",
      },
    ],
    notices: [1, 2, 4, 7], // title lines, the decimal comma read from row 4, the totals line
  },
  {
    system: "Fiken (Norwegian, kr amounts, customers without currency)",
    currency: "NOK",
    customers: "fiken-customers-nb.csv",
    invoices: "fiken-invoices-nb.csv",
    expected: [
      {
        number: "1",
        customer: "101",
        issued: "2026-01-05",
        due: "2026-01-19",
        amount: 400000,
        paid: 250000,
        currency: "NOK",
      },
      {
        number: "2",
        customer: "102",
        issued: "2026-01-12",
        due: "2026-01-26",
        amount: 125000,
        paid: 0,
        currency: "NOK",
      },
    ],
    notices: [2], // the decimal comma read from row 2
  },
  {
    system: "Fatture in Cloud (Italian, customers by Partita IVA)",
    currency: "EUR",
    customers: "fattureincloud-clients-it.csv",
    invoices: "fattureincloud-invoices-it.csv",
    expected: [
      {
        number: "1",
        customer: "Rossi & Figli S.r.l.",
        issued: "2026-01-15",
        due: "2026-02-14",
        amount: 1220000,
        paid: 0,
        currency: "EUR",
      },
      {
        number: "2",
        customer: "Bianchi Costruzioni S.p.A.",
        issued: "2026-01-22",
        due: "2026-02-21",
        amount: 123456,
        paid: 100000,
        currency: "EUR",
      },
    ],
    notices: [2], // the decimal comma read from row 2
  },
  {
    system: "Xero (English, line items added up, multi-line cell)",
    currency: "GBP",
    customers: "xero-contacts-en.csv",
    invoices: "xero-invoices-en.csv",
    expected: [
      {
        number: "INV-0041",
        customer: "HL001",
        issued: "2026-01-15",
        due: "2026-02-14",
        amount: 150000,
        paid: 0,
        currency: "GBP",
      },
      {
        number: "INV-0042",
        customer: "MF002",
        issued: "2026-01-20",
        due: "2026-02-19",
        amount: 24000,
        paid: 20000,
        currency: "GBP",
      },
    ],
    notices: [],
  },
  {
    system: "QuickBooks (US, A/R aging detail with title and TOTAL lines)",
    currency: "USD",
    customers: "quickbooks-customers-en.csv",
    invoices: "quickbooks-invoices-en.csv",
    expected: [
      {
        number: "1001",
        customer: "Blue Ridge Outfitters",
        issued: "2026-01-15",
        due: "2026-02-14",
        amount: 125000,
        paid: 0,
        currency: "USD",
      },
      {
        number: "1002",
        customer: "Lakeside Diner",
        issued: "2026-01-28",
        due: "2026-02-27",
        amount: 98040,
        paid: 50000,
        currency: "USD",
      },
      {
        number: "1003",
        customer: "Blue Ridge Outfitters",
        issued: "2026-02-03",
        due: "2026-03-05",
        amount: 210000,
        paid: 0,
        currency: "USD",
      },
    ],
    notices: [1, 2, 3, 9],
  },
];

describe("exports of accounting systems", () => {
  it.each(SYSTEMS)("$system imports with the suggested mapping", async (s) => {
    const who = await orgIn(s.currency);
    const customers = await importFile(db, who, "customers", s.customers);
    expect(customers).toMatchObject({ status: "COMMITTED", problemCount: 0 });
    const done = await importFile(db, who, "invoices", s.invoices);
    expect(done.problems).toEqual([]);
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: s.expected.length });
    expect(await invoices(who.orgId)).toEqual(s.expected);
    expect((done.notices as { line: number }[]).map((n) => n.line)).toEqual(s.notices);
    // What was paid before the import is a payment saying so (dated by the invoice's data, import-records-usable.test.ts).
    const opening = await db.payment.findMany({ where: { orgId: who.orgId } });
    expect(opening.map((p) => p.method)).toEqual(opening.map(() => "paid before import"));
    expect(opening.every((p) => p.reference.includes("still owed"))).toBe(true);
    // Written by the ledger's payment writer: settled before the import, in the name of who committed it.
    expect(opening.map((p) => [p.source, p.enteredById])).toEqual(opening.map(() => ["before_import", who.userId]));
    // Importing the same file again changes nothing and pays nothing twice.
    const again = await importFile(db, who, "invoices", s.invoices);
    expect(again).toMatchObject({ status: "COMMITTED", createdCount: 0, updatedCount: 0 });
    expect(await invoices(who.orgId)).toEqual(s.expected);
  });

  it("shows the first rows as read: dates spelled out, amounts formatted", async () => {
    const who = await orgIn("USD");
    await importFile(db, who, "customers", "quickbooks-customers-en.csv");
    const uploaded = await upload(db, who, "invoices", "quickbooks-invoices-en.csv");
    expect(uploaded.options).toMatchObject({ dateFormat: "mdy", decimalSeparator: ".", headerLine: 5 });
    const { validateImport } = await import("@/lib/imports/validate-import");
    const checked = await validateImport(db, { orgId: who.orgId, importId: uploaded.id });
    expect((checked.preview as { line: number; cells: Record<string, string> }[])[1]).toEqual({
      line: 7,
      cells: {
        number: "1002",
        customerReference: "Lakeside Diner",
        issueDate: "28 January 2026",
        dueDate: "27 February 2026",
        amount: "$980.40",
        openAmount: "$480.40",
        documentType: "Invoice",
      },
    });
  });

  it("imports a credit note of the file as a credit on the customer's account, not as a receivable", async () => {
    const who = await orgIn("EUR");
    await importFile(db, who, "customers", "fattureincloud-clients-it.csv");
    const done = await importFile(db, who, "invoices", "fattureincloud-credit-note-it.csv");
    expect(done).toMatchObject({ status: "COMMITTED", problemCount: 0, createdCount: 2 });
    expect((await invoices(who.orgId)).map((i) => [i.number, i.amount])).toEqual([["3", 50000]]);
    const notes = await db.ledgerEntry.findMany({ where: { orgId: who.orgId }, include: { customer: true } });
    expect(
      notes.map((n) => [n.kind, n.number, n.invoiceId, n.customer.name, Number(n.amountMinor), n.currency]),
    ).toEqual([["CREDIT_NOTE", "1", null, "Rossi & Figli S.r.l.", 12200, "EUR"]]);
  });

  it("names a line-item invoice whose lines do not add up to its total", async () => {
    const who = await orgIn("GBP");
    await importFile(db, who, "customers", "xero-contacts-en.csv");
    const { readFileSync } = await import("node:fs");
    const { fixture } = await import("./imports");
    const text = readFileSync(fixture("xero-invoices-en.csv"), "utf8").replace(
      ",500.00,500.00,GBP",
      ",500.00,450.00,GBP",
    );
    const checked = await importFile(db, who, "invoices", { text, name: "xero.csv" });
    expect(checked.problems).toEqual([
      {
        line: 2,
        column: "Total",
        message: "the lines of invoice INV-0041 (rows 2–3) add up to £1,450.00, but its total is £1,500.00",
      },
    ]);
  });
});

describe("the header row", () => {
  it("is found below title lines, and the user can pick another", async () => {
    const who = await orgIn("USD");
    const uploaded = await upload(db, who, "invoices", "quickbooks-invoices-en.csv");
    expect(uploaded.headers).toEqual([
      "Date",
      "Transaction Type",
      "Num",
      "Customer",
      "Due Date",
      "Amount",
      "Open Balance",
    ]);
    const { chooseHeaderRow, firstRecords } = await import("@/lib/imports/choose-header-row");
    expect((await firstRecords(db, { orgId: who.orgId, importId: uploaded.id })).map((r) => r.line)).toEqual([
      1, 2, 3, 5, 6, 7, 8, 9,
    ]);
    await expect(chooseHeaderRow(db, { orgId: who.orgId, importId: uploaded.id, headerLine: 2 })).rejects.toThrow(
      /only one column/,
    );
    const wrong = await chooseHeaderRow(db, { orgId: who.orgId, importId: uploaded.id, headerLine: 6 });
    expect((wrong.headers as string[])[2]).toBe("1001");
    await expect(chooseHeaderRow(db, { orgId: who.orgId, importId: uploaded.id, headerLine: 4 })).rejects.toThrow(
      "Row 4 is not among the file's first rows.",
    );
    const back = await chooseHeaderRow(db, { orgId: who.orgId, importId: uploaded.id, headerLine: 5 });
    expect(back.mapping).toMatchObject({ number: "Num", amount: "Amount", openAmount: "Open Balance" });
    expect(back.options).toMatchObject({ headerLine: 5, dateFormat: "mdy" });
  });
});

it("does not carry a line-item file's adding up over to the next file", async () => {
  const who = await orgIn("GBP");
  await importFile(db, who, "customers", "xero-contacts-en.csv");
  expect(await importFile(db, who, "invoices", "xero-invoices-en.csv")).toMatchObject({ status: "COMMITTED" });
  const next = await upload(db, who, "invoices", {
    text: "InvoiceNumber,ContactName,InvoiceDate,DueDate,Total\nINV-9,Meadow Farm Co,01/02/2026,01/03/2026,10.00\nINV-9,Meadow Farm Co,01/02/2026,01/03/2026,20.00\n",
  });
  expect(next.options).toMatchObject({ mergeLines: false, dateFormat: "dmy" });
});
