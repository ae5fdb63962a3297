import { describe, expect, it } from "vitest";
import { processBankStatement } from "@/lib/bank/process-bank-statement";
import { receiveBankStatement } from "@/lib/bank/receive-bank-statement";
import { getPaymentsKnownUpTo } from "@/lib/collections/payments-known-up-to";
import { bankCsvColumns, readBankCsv } from "@/lib/imports/read-bank-csv";
import { buildRfReference, isRfReference } from "@/lib/iso/payment-reference";
import { dateOnlyFromDb } from "@/lib/time/dates";
import { bankFixture, openByNumber, orgWithBankInvoices } from "./bank";
import { useTestDb } from "./db";
import { importFile } from "./imports";

// A bank's CSV export as a statement: through the Import page (kind "Bank
// statement", the mapping suggested and remembered like any file's) and
// through the API's path (columns fixed at receipt, read by the job), into the
// same recordStatementLines as camt: duplicates, rules, review queue, and the
// statement's to-date as "payments known up to".

const db = useTestDb();
const NOW = new Date("2026-12-06T10:00:00Z");

async function importCsv(who: { orgId: string; userId: string }, name: string) {
  const done = await importFile(db, who, "bank_statement", { text: bankFixture(name), name });
  expect(done).toMatchObject({ status: "COMMITTED" });
  const statement = await db.bankStatement.findFirstOrThrow({
    where: { orgId: who.orgId, fileName: name },
    orderBy: { createdAt: "desc" },
  });
  return { done, statement };
}

const countsOf = (s: {
  linesCount: number;
  matchedCount: number;
  reviewCount: number;
  duplicatesCount: number;
  ignoredCount: number;
}) => [s.linesCount, s.matchedCount, s.reviewCount, s.duplicatesCount, s.ignoredCount];

describe("a bank's CSV export imported on the Import page", () => {
  it("DNB (semicolon, decimal comma with a space, dd.mm.yyyy, KID column): KID and invoice number recorded, the rest reviewed, the debit ignored; the overlapping export records nothing twice", async () => {
    const { org, user } = await orgWithBankInvoices(db);
    const who = { orgId: org.id, userId: user.id };
    const before = await openByNumber(db, org.id);
    const { done, statement } = await importCsv(who, "dnb-bedrift-2026-12-04.csv");
    expect(statement).toMatchObject({ source: "import", format: "csv", status: "processed", contentType: "text/csv" });
    // 4 lines: KID 1001200011 pays 20001, "faktura 20002" at its exact sum pays 20002, Oslo Data's 2 990,00 waits, the rent is a debit.
    expect(countsOf(statement)).toEqual([4, 2, 1, 0, 1]);
    expect(done).toMatchObject({ rowCount: 4, createdCount: 4, unchangedCount: 0 });
    expect([dateOnlyFromDb(statement.fromDate!), dateOnlyFromDb(statement.toDate!)]).toEqual([
      "2026-12-03",
      "2026-12-04",
    ]);
    const after = await openByNumber(db, org.id);
    expect(after).toEqual({ ...before, "20001": before["20001"] - 1250000, "20002": before["20002"] - 875000 });
    const review = await db.bankLine.findFirstOrThrow({ where: { statementId: statement.id, status: "review" } });
    expect(review).toMatchObject({ amountMinor: 299000n, payerName: "Oslo Data AS", payerAccount: "16004012345" });
    const known = await getPaymentsKnownUpTo(db, { orgId: org.id, now: NOW });
    expect(known).toMatchObject({ knownUpTo: "2026-12-04", source: "statement" });
    // The mapping is remembered for the organization's next bank file.
    const remembered = await db.importMapping.findUniqueOrThrow({
      where: { orgId_kind: { orgId: org.id, kind: "bank_statement" } },
    });
    expect(remembered.mapping).toMatchObject({ bookingDate: "Bokført dato", amount: "Beløp", reference: "KID" });

    // Tuesday's export repeats Monday's last two lines (same archive references): skipped and counted.
    const overlap = await importCsv(who, "dnb-bedrift-2026-12-05-overlap.csv");
    expect(countsOf(overlap.statement)).toEqual([3, 1, 0, 2, 0]);
    expect(overlap.done).toMatchObject({ createdCount: 1, unchangedCount: 2 });
    expect(await openByNumber(db, org.id)).toEqual({ ...after, "20003": after["20003"] - 320000 });
    expect(await db.bankLine.count({ where: { statement: { orgId: org.id } } })).toBe(5);
    expect((await getPaymentsKnownUpTo(db, { orgId: org.id, now: NOW })).knownUpTo).toBe("2026-12-05");
  });

  it.each([
    // [file, org currency, counts [lines, matched, review, duplicates, ignored], invoices paid]
    ["nordea-no-2026-12-05.csv", "EUR", [3, 2, 0, 0, 1], { "20003": 320000, "20011": 400000 }],
    ["barclays-uk-2026-12-05.csv", "GBP", [3, 1, 1, 0, 1], { "INV-7001": 240000 }],
    ["intesa-2026-12-04.csv", "EUR", [3, 2, 0, 0, 1], { "2026/0042": 183000, "5005": 60000, "5006": 40000 }],
  ] as const)(
    "%s: its headers map by themselves and its lines go the camt way",
    async (name, currency, counts, paid) => {
      const { org, user } = await orgWithBankInvoices(db);
      await db.organization.update({ where: { id: org.id }, data: { defaultCurrency: currency } });
      const before = await openByNumber(db, org.id);
      const { statement } = await importCsv({ orgId: org.id, userId: user.id }, name);
      expect(countsOf(statement)).toEqual(counts);
      const expected = { ...before };
      for (const [number, minor] of Object.entries(paid)) expected[number] -= minor;
      expect(await openByNumber(db, org.id)).toEqual(expected);
      // Re-importing the same export records nothing twice (lines without the bank's reference are keyed by their facts).
      const again = await importCsv({ orgId: org.id, userId: user.id }, name);
      expect(countsOf(again.statement)).toEqual([counts[0], 0, 0, counts[0], 0]);
      expect(await openByNumber(db, org.id)).toEqual(expected);
    },
  );

  it("an ISO 11649 RF reference built from the invoice number, in the reference column, is rule 1 (recorded at any amount)", async () => {
    const { org, user } = await orgWithBankInvoices(db);
    const rf = buildRfReference("2026/0043");
    expect(isRfReference(rf)).toBe(true);
    // A part payment of 2026/0043 (970,00): rule 1 records it though the amount is not the open sum.
    const text = `Data contabile;Descrizione;Riferimento;Importo;Divisa\n04/12/2026;BONIFICO DA FERRAMENTA ROSSI;${rf};500,00;EUR\n`;
    const done = await importFile(db, { orgId: org.id, userId: user.id }, "bank_statement", { text });
    expect(done).toMatchObject({ status: "COMMITTED" });
    const line = await db.bankLine.findFirstOrThrow({ where: { statement: { orgId: org.id } } });
    expect(line).toMatchObject({ status: "matched", rule: "rf", structuredRef: rf });
    expect((await openByNumber(db, org.id))["2026/0043"]).toBe(97000 - 50000);
  });

  it("a cell that cannot be read is named by row and column, and nothing is recorded", async () => {
    const { org, user } = await orgWithBankInvoices(db);
    const text =
      "Bokført dato;Forklaring;KID;Beløp;Valuta\n03.12.2026;Giro;1001200011;12 500,00;NOK\n31.02.2026;Giro;;1 000,00;NOK\n";
    const checked = await importFile(db, { orgId: org.id, userId: user.id }, "bank_statement", { text });
    expect(checked).toMatchObject({ status: "VALIDATED", problemCount: 1 });
    expect(checked.problems).toEqual([
      { line: 3, column: "Bokført dato", message: expect.stringContaining("is not a calendar date") },
    ]);
    expect(await db.bankStatement.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("a bank's CSV export received without a person (the API's path)", () => {
  it("is read through the organization's remembered mapping, else recognised headers, else refused naming the fields", async () => {
    const { org, user } = await orgWithBankInvoices(db);
    await db.organization.update({ where: { id: org.id }, data: { defaultCurrency: "NOK" } });
    // Headers nobody could guess: refused, nothing stored.
    const odd = Buffer.from("Når;Hvor mye;Hvem;Melding\n05.12.2026;4 000,00;Fjordkraft Handel AS;Faktura 20011\n");
    await expect(bankCsvColumns(db, { orgId: org.id, bytes: odd })).rejects.toThrow(
      /no column for the booking date and the amount/,
    );
    // Mapped once on the Import page (and so remembered)…
    const first = await importFile(
      db,
      { orgId: org.id, userId: user.id },
      "bank_statement",
      { text: odd, name: "first.csv" },
      {
        mapping: { bookingDate: "Når", amount: "Hvor mye", payerName: "Hvem", text: "Melding" },
        options: { dateFormat: "dmy", decimalSeparator: "," },
      },
    );
    expect(first).toMatchObject({ status: "COMMITTED", createdCount: 1 });
    // …the next file with those headers is read the same way when it comes by the API.
    const next = Buffer.from("Når;Hvor mye;Hvem;Melding\n06.12.2026;3 200,00;Tromsø Fisk AS;Faktura 20003\n");
    const columns = await bankCsvColumns(db, { orgId: org.id, bytes: next });
    expect(columns.mapping).toMatchObject({ bookingDate: "Når", amount: "Hvor mye" });
    expect(columns.options).toMatchObject({ delimiter: ";", dateFormat: "dmy", decimalSeparator: "," });
    const received = await receiveBankStatement(db, {
      orgId: org.id,
      actor: { userId: user.id },
      bytes: next,
      contentType: "text/csv",
      source: "api",
      csvColumns: columns,
    });
    const done = await processBankStatement(
      db,
      { orgId: org.id, statementId: received.id, userId: user.id },
      { retryable: false, now: NOW, readCsv: readBankCsv },
    );
    expect(done?.counts).toEqual({ lines: 1, matched: 1, review: 0, duplicates: 0, ignored: 0 });
    const statement = await db.bankStatement.findUniqueOrThrow({ where: { id: received.id } });
    expect(statement).toMatchObject({ source: "api", format: "csv", status: "processed" });
    expect(dateOnlyFromDb(statement.toDate!)).toBe("2026-12-06");
  });

  it("a CSV the job cannot read fails with the rows named", async () => {
    const { org, user } = await orgWithBankInvoices(db);
    const bytes = Buffer.from("Dato;Beløp;Valuta\n05.12.2026;fire tusen;NOK\n");
    const columns = await bankCsvColumns(db, { orgId: org.id, bytes });
    const received = await receiveBankStatement(db, {
      orgId: org.id,
      actor: { userId: user.id },
      bytes,
      contentType: "text/csv",
      source: "api",
      csvColumns: columns,
    });
    await processBankStatement(
      db,
      { orgId: org.id, statementId: received.id, userId: user.id },
      { retryable: false, now: NOW, readCsv: readBankCsv },
    );
    const statement = await db.bankStatement.findUniqueOrThrow({ where: { id: received.id } });
    expect(statement.status).toBe("failed");
    expect(statement.error).toMatch(/row 2, Beløp: "fire tusen"/);
  });
});
