import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commitImport } from "@/lib/imports/commit-import";
import { saveImportMapping } from "@/lib/imports/save-import-mapping";
import { validateImport } from "@/lib/imports/validate-import";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createOrg, createPayment, createUser } from "./factories";
import { fixture, importFile, upload } from "./imports";

const db = useTestDb();

async function orgWithCustomers() {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const who = { orgId: org.id, userId: user.id };
  const done = await importFile(db, who, "customers", "customers-utf8-bom.csv");
  expect(done).toMatchObject({ status: "COMMITTED", createdCount: 3 });
  return who;
}

const invoiceRows = (orgId: string) =>
  db.invoice
    .findMany({ where: { orgId }, orderBy: { number: "asc" }, include: { customer: { select: { reference: true } } } })
    .then((rows) =>
      rows.map((i) => [
        i.number,
        i.customer.reference,
        dateOnlyFromDb(i.issueDate),
        dateOnlyFromDb(i.dueDate),
        Number(i.amountMinor),
        i.currency,
      ]),
    );

const EXPECTED_INVOICES = [
  ["INV-1", "C-100", "2026-01-15", "2026-02-14", 1250050, "NOK"],
  ["INV-2", "C-200", "2026-02-01", "2026-03-03", 123456, "EUR"],
  ["INV-3", "C-300", "2026-03-10", "2026-04-09", 9999, "USD"],
];
const EUROPEAN_MAPPING = {
  number: "Fakturanr",
  customerReference: "Kunde",
  issueDate: "Fakturadato",
  dueDate: "Forfallsdato",
  amount: "Beløp",
  currency: "Valuta",
};

describe("CSV import", () => {
  it("imports customers from UTF-8 with a BOM and remembers the mapping", async () => {
    const who = await orgWithCustomers();
    const rossi = await db.customer.findFirstOrThrow({ where: { orgId: who.orgId, reference: "C-200" } });
    expect(rossi).toMatchObject({ name: "Rossi & Figli, S.r.l.", currency: "EUR", city: "Milano", language: "it" });
    const nordlys = await db.customer.findFirstOrThrow({ where: { orgId: who.orgId, reference: "C-100" } });
    expect(nordlys.city).toBe("Tromsø");
    const remembered = await db.importMapping.findUniqueOrThrow({
      where: { orgId_kind: { orgId: who.orgId, kind: "customers" } },
    });
    expect(remembered.mapping).toMatchObject({ reference: "Customer number", name: "Name", currency: "Currency" });
  });

  it("reads a salutation column ('Title') so letters greet 'Dear Ms Lowe'", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const who = { orgId: org.id, userId: user.id };
    const csv = "Customer number,Name,Currency,Contact person,Title\nC-1,Lowe Joinery Ltd,GBP,Mary Lowe,Ms Lowe\n";
    expect(await importFile(db, who, "customers", { text: csv })).toMatchObject({ status: "COMMITTED" });
    const lowe = await db.customer.findFirstOrThrow({ where: { orgId: org.id, reference: "C-1" } });
    expect(lowe).toMatchObject({ contactPerson: "Mary Lowe", salutation: "Ms Lowe" });
  });

  it("reads a Windows-1252 file with semicolons and keeps ø", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "ADMIN");
    const uploaded = await upload(db, { orgId: org.id, userId: user.id }, "customers", "customers-windows-1252.csv");
    expect(uploaded.encoding).toBe("windows-1252");
    expect(uploaded.headers).toEqual(["Kundenr", "Navn", "Valuta", "By"]);
    const done = await importFile(db, { orgId: org.id, userId: user.id }, "customers", "customers-windows-1252.csv", {
      mapping: { reference: "Kundenr", name: "Navn", currency: "Valuta", city: "By" },
    });
    expect(done.status).toBe("COMMITTED");
    const names = await db.customer.findMany({
      where: { orgId: org.id },
      orderBy: { reference: "asc" },
      select: { name: true, city: true },
    });
    expect(names).toEqual([
      { name: "Bjørn Ødegård AS", city: "Bodø" },
      { name: "Café Østerbro ApS", city: "København" },
    ]);
    // The next file of this kind is offered the mapping chosen last time.
    const next = await upload(db, { orgId: org.id, userId: user.id }, "customers", "customers-windows-1252.csv");
    expect(next.mapping).toEqual({ reference: "Kundenr", name: "Navn", currency: "Valuta", city: "By" });
  });

  it.each([
    ["invoices-iso.csv", undefined, { dateFormat: "iso", decimalSeparator: "." }],
    ["invoices-european.csv", EUROPEAN_MAPPING, { dateFormat: "dmy", decimalSeparator: "," }],
    ["invoices-us.csv", undefined, { dateFormat: "mdy", decimalSeparator: "." }],
  ] as const)("imports %s to the same invoices, to the cent", async (file, mapping, options) => {
    const who = await orgWithCustomers();
    const done = await importFile(db, who, "invoices", file, { mapping, options });
    expect(done).toMatchObject({
      status: "COMMITTED",
      rowCount: 3,
      createdCount: 3,
      updatedCount: 0,
      unchangedCount: 0,
    });
    expect(await invoiceRows(who.orgId)).toEqual(EXPECTED_INVOICES);
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: who.orgId, kind: "import.committed", payload: { path: ["importKind"], equals: "invoices" } },
    });
    expect(audit.payload).toMatchObject({ fileName: file, rows: 3, created: 3, updated: 0, unchanged: 0 });
    expect(audit.userId).toBe(who.userId);
  });

  it("refuses an ambiguous date read in the wrong format, naming row and column", async () => {
    const who = await orgWithCustomers();
    const checked = await importFile(db, who, "invoices", "invoices-us.csv", { options: { dateFormat: "iso" } });
    expect(checked.status).toBe("VALIDATED");
    expect(checked.problems).toContainEqual({
      line: 2,
      column: "Invoice date",
      message: expect.stringContaining('"01/15/2026" is not a date in the chosen format'),
    });
    const asDayFirst = await importFile(db, who, "invoices", "invoices-us.csv", { options: { dateFormat: "dmy" } });
    expect(asDayFirst.problems).toContainEqual({
      line: 2,
      column: "Invoice date",
      message: expect.stringContaining("not a calendar date"),
    });
    expect(await db.invoice.count({ where: { orgId: who.orgId } })).toBe(0);
  });

  it("names every row's problems and imports nothing", async () => {
    const who = await orgWithCustomers();
    const checked = await importFile(db, who, "invoices", "invoices-problems.csv");
    expect(checked).toMatchObject({ status: "VALIDATED", rowCount: 5, problemCount: 4 });
    expect(checked.problems).toEqual([
      {
        line: 2,
        column: "Customer",
        message: 'unknown customer "C-999": no customer has this reference; import customers first',
      },
      { line: 3, column: "Invoice date", message: expect.stringContaining('"2026-13-01" is not a calendar date') },
      {
        line: 4,
        column: "Total",
        message:
          '"100.005" has 3 decimals; EUR amounts have at most 2 (if "." separates thousands here, choose the decimal comma on this page)',
      },
      {
        line: 6,
        column: "Invoice",
        message: expect.stringMatching(
          /^duplicate invoice number "INV-13" of 2026 in the file \(first on row 5\); if the file has one row per invoice line, tick/,
        ),
      },
    ]);
    await expect(commitImport(db, { ...who, importId: checked.id })).rejects.toThrow(/only a file without problems/);
    expect(await db.invoice.count({ where: { orgId: who.orgId } })).toBe(0);
  });

  it("changes nothing on re-import and updates what changed in an updated file", async () => {
    const who = await orgWithCustomers();
    await importFile(db, who, "invoices", "invoices-iso.csv");
    const before = await db.invoice.findMany({ where: { orgId: who.orgId }, orderBy: { number: "asc" } });
    const again = await importFile(db, who, "invoices", "invoices-iso.csv");
    expect(again).toMatchObject({ status: "COMMITTED", createdCount: 0, updatedCount: 0, unchangedCount: 3 });
    expect(await db.invoice.findMany({ where: { orgId: who.orgId }, orderBy: { number: "asc" } })).toEqual(before);
    // The check lists what the file changes in stored invoices; importing them needs a confirmation.
    const unconfirmed = await upload(db, who, "invoices", "invoices-updated.csv");
    await saveImportMapping(db, {
      ...who,
      importId: unconfirmed.id,
      mapping: unconfirmed.mapping as Record<string, string>,
      options: { dateFormat: "iso", decimalSeparator: "." },
    });
    const checked = await validateImport(db, { orgId: who.orgId, importId: unconfirmed.id });
    expect(checked).toMatchObject({ problemCount: 0, changes: { invoices: 2, amount: 1, customer: 0, dates: 1 } });
    expect((checked.changes as { examples: unknown[] }).examples).toEqual([
      {
        line: 3,
        number: "INV-2",
        before: {
          customer: "C-200",
          issueDate: "2026-02-01",
          dueDate: "2026-03-03",
          amountMinor: 123456,
          currency: "EUR",
        },
        after: {
          customer: "C-200",
          issueDate: "2026-02-01",
          dueDate: "2026-03-17",
          amountMinor: 123456,
          currency: "EUR",
        },
      },
      {
        line: 4,
        number: "INV-3",
        before: {
          customer: "C-300",
          issueDate: "2026-03-10",
          dueDate: "2026-04-09",
          amountMinor: 9999,
          currency: "USD",
        },
        after: {
          customer: "C-300",
          issueDate: "2026-03-10",
          dueDate: "2026-04-09",
          amountMinor: 8999,
          currency: "USD",
        },
      },
    ]);
    await expect(commitImport(db, { ...who, importId: unconfirmed.id })).rejects.toThrow(/changes 2 stored invoices/);
    expect(await invoiceRows(who.orgId)).toEqual(EXPECTED_INVOICES);
    const updated = await commitImport(db, { ...who, importId: unconfirmed.id, confirmChanges: true });
    expect(updated).toMatchObject({ status: "COMMITTED", createdCount: 1, updatedCount: 2, unchangedCount: 1 });
    const corrections = await db.auditEvent.findMany({
      where: { orgId: who.orgId, kind: "invoice.corrected" },
      orderBy: { id: "asc" },
    });
    expect(corrections.map((c) => [c.userId, (c.payload as { number: string }).number])).toEqual([
      [who.userId, "INV-2"],
      [who.userId, "INV-3"],
    ]);
    expect(await invoiceRows(who.orgId)).toEqual([
      EXPECTED_INVOICES[0],
      ["INV-2", "C-200", "2026-02-01", "2026-03-17", 123456, "EUR"],
      ["INV-3", "C-300", "2026-03-10", "2026-04-09", 8999, "USD"],
      ["INV-4", "C-300", "2026-04-01", "2026-05-01", 1000, "USD"],
    ]);
  });

  it("names an updated amount below what was paid, and rolls back a commit the database changed under", async () => {
    const who = await orgWithCustomers();
    await importFile(db, who, "invoices", "invoices-iso.csv");
    const inv3 = await db.invoice.findFirstOrThrow({ where: { orgId: who.orgId, number: "INV-3" } });
    await createPayment(db, inv3, { amountMinor: 9500, receivedOn: "2026-04-01" });
    const checked = await importFile(db, who, "invoices", "invoices-updated.csv");
    expect(checked.problems).toEqual([
      {
        line: 4,
        column: "Total",
        message: expect.stringMatching(
          /^invoice INV-3 of 2026-03-10 has payments: it cannot change from \$99.99 to \$89.99 by an import/,
        ),
      },
    ]);

    // Checked clean, then a payment arrives before the commit: all or nothing.
    const other = await orgWithCustomers();
    await importFile(db, other, "invoices", "invoices-iso.csv");
    const uploaded = await upload(db, other, "invoices", "invoices-updated.csv");
    await saveImportMapping(db, {
      orgId: other.orgId,
      importId: uploaded.id,
      mapping: uploaded.mapping as Record<string, string>,
      options: { dateFormat: "iso", decimalSeparator: "." },
    });
    expect((await validateImport(db, { orgId: other.orgId, importId: uploaded.id })).problemCount).toBe(0);
    const otherInv3 = await db.invoice.findFirstOrThrow({ where: { orgId: other.orgId, number: "INV-3" } });
    await createPayment(db, otherInv3, { amountMinor: 9500, receivedOn: "2026-04-01" });
    await expect(commitImport(db, { ...other, importId: uploaded.id, confirmChanges: true })).rejects.toThrow(
      /Nothing was imported/,
    );
    expect(await db.invoice.count({ where: { orgId: other.orgId } })).toBe(3);
    expect(await db.import.findUniqueOrThrow({ where: { id: uploaded.id } })).toMatchObject({
      status: "FAILED",
      problemCount: 1,
    });
  });

  it("imports payments idempotently, keeping identical payments apart, and names an overpayment", async () => {
    const who = await orgWithCustomers();
    await importFile(db, who, "invoices", "invoices-iso.csv");
    const first = await importFile(db, who, "payments", "payments.csv");
    expect(first).toMatchObject({ status: "COMMITTED", createdCount: 4, unchangedCount: 0 });
    const again = await importFile(db, who, "payments", "payments.csv");
    expect(again).toMatchObject({ status: "COMMITTED", createdCount: 0, updatedCount: 0, unchangedCount: 4 });
    const inv1 = await db.invoice.findFirstOrThrow({ where: { orgId: who.orgId, number: "INV-1" } });
    expect(Number(inv1.paidMinor)).toBe(500000 + 50050 + 50050);
    const over = await importFile(db, who, "payments", {
      text: "Invoice,Paid on,Amount,Reference\nINV-2,2026-03-05,1000.01,BANK-9\n",
    });
    expect(over.problems).toEqual([
      {
        line: 2,
        column: "Amount",
        message:
          "payments would exceed the invoice: €1,234.57 paid of €1,234.56; to keep the excess as unapplied cash, give it its own row with the customer reference and no invoice number",
      },
    ]);
  });

  it.each([
    ["empty.csv", /The file is empty/],
    ["workbook.xlsx", /Excel workbook/],
    ["one-column.csv", /only one column/],
  ])("refuses %s with a clear message", async (file, message) => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id);
    await expect(upload(db, { orgId: org.id, userId: user.id }, "invoices", file)).rejects.toThrow(message);
    expect(await db.import.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("refuses a file that is not valid CSV when checking it, importing nothing", async () => {
    const who = await orgWithCustomers();
    const broken =
      'Invoice,Customer,Invoice date,Due date,Total\nINV-1,C-100,2026-01-15,2026-02-14,10.00\nINV-2,"C-200,2026-02-01,2026-03-03,20.00\n';
    await expect(importFile(db, who, "invoices", { text: broken, name: "broken.csv" })).rejects.toThrow(
      /not valid CSV: .*Quote Not Closed/i,
    );
    const failed = await db.import.findFirstOrThrow({ where: { orgId: who.orgId, fileName: "broken.csv" } });
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringContaining("not valid CSV") });
    expect(await db.invoice.count({ where: { orgId: who.orgId } })).toBe(0);
  });

  it("marks a check that stopped reporting (server restart) as failed, so it can run again", async () => {
    const who = await orgWithCustomers();
    const uploaded = await upload(db, who, "invoices", "invoices-iso.csv");
    await db.import.update({ where: { id: uploaded.id }, data: { status: "COMMITTING" } });
    const { getImportOrThrow, STALE_AFTER_MS } = await import("@/lib/imports/get-import");
    expect((await getImportOrThrow(db, { orgId: who.orgId, importId: uploaded.id })).status).toBe("COMMITTING");
    const later = new Date(Date.now() + STALE_AFTER_MS + 1000);
    expect(await getImportOrThrow(db, { orgId: who.orgId, importId: uploaded.id, now: later })).toMatchObject({
      status: "FAILED",
      error: expect.stringContaining("Nothing was imported"),
    });
    const other = await createOrg(db);
    await expect(getImportOrThrow(db, { orgId: other.id, importId: uploaded.id })).rejects.toThrow(
      "That import was not found.",
    );

    // Claiming a file uploaded long ago starts its heartbeat afresh: the poll must not call it stale.
    const old = await upload(db, who, "invoices", "invoices-iso.csv");
    await db.$executeRaw`UPDATE imports SET updated_at = now() - interval '1 hour' WHERE id = ${old.id}::uuid`;
    const { startValidation } = await import("@/lib/imports/validate-import");
    await startValidation(db, { orgId: who.orgId, importId: old.id });
    expect(await getImportOrThrow(db, { orgId: who.orgId, importId: old.id })).toMatchObject({ status: "VALIDATING" });
  });

  it("refuses a file over the size limit and one with no data rows", async () => {
    const who = await orgWithCustomers();
    const big = readFileSync(fixture("invoices-iso.csv"));
    await expect(upload(db, who, "invoices", { text: big }, 100)).rejects.toMatchObject({
      code: "TOO_LARGE",
      message: expect.stringContaining("larger than"),
    });
    const headerOnly = await importFile(db, who, "invoices", "header-only.csv", {
      mapping: {
        number: "Invoice",
        customerReference: "Customer",
        issueDate: "Invoice date",
        dueDate: "Due date",
        amount: "Total",
      },
    });
    expect(headerOnly.problems).toEqual([
      { line: 2, column: "", message: "The file has a header row but no data rows." },
    ]);
  });
});
