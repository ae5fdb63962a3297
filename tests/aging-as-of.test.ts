import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { getAgingTotalsAsOf, listAgingAccountsAsOf, parseAsOf } from "@/lib/aging/aging-as-of";
import { getAgingTotals } from "@/lib/aging/aging-totals";
import { accountQuerySchema } from "@/lib/aging/list-accounts";
import { agingCsvLines } from "@/lib/exports/aging-csv";
import { agingExportRows } from "@/lib/exports/aging-rows";
import { agingXlsxStream } from "@/lib/exports/aging-xlsx";
import { dateOnlyToDb } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createContactAttempt, createCustomer, createInvoice, createOrg, createPayment, createUser } from "./factories";
import { importFile } from "./imports";

const db = useTestDb();
const TODAY = "2026-06-30";
const TZ = "Europe/Oslo";

/**
 * Fixture with payments on known dates:
 *   Alpha (EUR) INV-A1 1000.00 issued 05-01 due 05-31; paid 300.00 on 06-10 and 700.00 on 06-20
 *               INV-A2  500.00 issued 06-01 due 07-01; paid in full on 06-05
 *               INV-A3  200.00 issued 06-20 due 07-20
 *               INV-A4   80.00 issued 02-01 due 03-01; never paid
 *   Nord (NOK)  INV-N1 1 000,00 issued 06-01 due 06-10; paid 400,00 on 06-15 and 600,00 on 06-16
 */
async function seed() {
  const org = await createOrg(db);
  const alpha = await createCustomer(db, org.id, { name: "Alpha GmbH", currency: "EUR" });
  const nord = await createCustomer(db, org.id, { name: '=HYPERLINK("http://evil.example","Nord")', currency: "NOK" });
  const a1 = await createInvoice(db, alpha, {
    number: "INV-A1",
    amountMinor: 100000,
    issueDate: "2026-05-01",
    dueDate: "2026-05-31",
  });
  await createPayment(db, a1, { amountMinor: 30000, receivedOn: "2026-06-10" });
  await createPayment(db, a1, { amountMinor: 70000, receivedOn: "2026-06-20" });
  const a2 = await createInvoice(db, alpha, {
    number: "INV-A2",
    amountMinor: 50000,
    issueDate: "2026-06-01",
    dueDate: "2026-07-01",
  });
  await createPayment(db, a2, { amountMinor: 50000, receivedOn: "2026-06-05" });
  await createInvoice(db, alpha, {
    number: "INV-A3",
    amountMinor: 20000,
    issueDate: "2026-06-20",
    dueDate: "2026-07-20",
  });
  await createInvoice(db, alpha, {
    number: "INV-A4",
    amountMinor: 8000,
    issueDate: "2026-02-01",
    dueDate: "2026-03-01",
  });
  const n1 = await createInvoice(db, nord, {
    number: "INV-N1",
    amountMinor: 100000,
    issueDate: "2026-06-01",
    dueDate: "2026-06-10",
  });
  await createPayment(db, n1, { amountMinor: 40000, receivedOn: "2026-06-15" });
  await createPayment(db, n1, { amountMinor: 60000, receivedOn: "2026-06-16" });
  return { org, alpha, nord };
}

const zero = { current: 0, d1_30: 0, d31_60: 0, d61_90: 0, d90_plus: 0 };

describe("aging as of a past date", () => {
  it("equals hand-computed figures from the dated payments", async () => {
    const { org } = await seed();
    // 06-15: A1 700.00 open, 15 days; A2 paid; A3 not issued; A4 80.00, 106 days. N1 600,00 open (the 06-15 payment counts), 5 days.
    expect(await getAgingTotalsAsOf(db, { orgId: org.id, asOf: "2026-06-15" })).toEqual([
      {
        currency: "EUR",
        ...zero,
        open: 78000,
        overdue: 78000,
        d1_30: 70000,
        d90_plus: 8000,
        accounts: 1,
        overdueAccounts: 1,
      },
      { currency: "NOK", ...zero, open: 60000, overdue: 60000, d1_30: 60000, accounts: 1, overdueAccounts: 1 },
    ]);
    // 05-31: A1 due that day, unpaid (current); A2 and N1 not issued yet; A4 91 days.
    expect(await getAgingTotalsAsOf(db, { orgId: org.id, asOf: "2026-05-31" })).toEqual([
      {
        currency: "EUR",
        ...zero,
        open: 108000,
        overdue: 8000,
        current: 100000,
        d90_plus: 8000,
        accounts: 1,
        overdueAccounts: 1,
      },
    ]);
    // As of today the payments path agrees with the paid_minor path.
    const fast = await getAgingTotals(db, { orgId: org.id, today: TODAY });
    expect(fast).toEqual([
      {
        currency: "EUR",
        ...zero,
        open: 28000,
        overdue: 8000,
        current: 20000,
        d90_plus: 8000,
        accounts: 1,
        overdueAccounts: 1,
      },
    ]);
    expect(await getAgingTotalsAsOf(db, { orgId: org.id, asOf: TODAY })).toEqual(fast);
  });

  it("lists accounts as of the date, with days past due counted to it", async () => {
    const { org, alpha } = await seed();
    // Alpha's history: calls on 06-10 and 06-25 (Oslo), a case opened 06-05 with letter 1 on 06-12 and letter 2 on 06-26.
    await createContactAttempt(db, alpha, { occurredAt: instantAt("2026-06-10", "09:00", TZ) });
    await createContactAttempt(db, alpha, { occurredAt: instantAt("2026-06-25", "09:00", TZ) });
    const kase = await db.collectionCase.create({
      data: { orgId: org.id, customerId: alpha.id, currency: "EUR", openedAt: instantAt("2026-06-05", "09:00", TZ) },
    });
    for (const [stage, day] of [
      [1, "2026-06-12"],
      [2, "2026-06-26"],
    ] as const) {
      await db.letter.create({
        data: {
          orgId: org.id,
          customerId: alpha.id,
          caseId: kase.id,
          stage,
          language: "en",
          currency: "EUR",
          subject: "Overdue",
          body: "…",
          invoices: [],
          totalDueMinor: 1000n,
          deadlineDate: dateOnlyToDb("2026-07-14"),
          contentSha256: "a".repeat(64),
          sentAt: instantAt(day, "11:00", TZ),
        },
      });
    }
    const list = await listAgingAccountsAsOf(db, {
      orgId: org.id,
      asOf: "2026-06-15",
      timeZone: TZ,
      query: accountQuerySchema.parse({ sort: "name", dir: "asc" }),
    });
    expect(list.rows.map((r) => [r.name, r.currency, r.open, r.oldestDaysPastDue])).toEqual([
      ['=HYPERLINK("http://evil.example","Nord")', "NOK", 60000, 5],
      ["Alpha GmbH", "EUR", 78000, 106],
    ]);
    // Last contact and letter stage as they stood at the end of 06-15, not today's.
    expect(list.rows[1]).toMatchObject({
      customerId: alpha.id,
      d1_30: 70000,
      d90_plus: 8000,
      lastContactAt: instantAt("2026-06-10", "09:00", TZ),
      stage: 1,
    });
    const now = await listAgingAccountsAsOf(db, {
      orgId: org.id,
      asOf: "2026-06-29",
      timeZone: TZ,
      query: accountQuerySchema.parse({ sort: "name", dir: "asc" }),
    });
    expect(now.rows.find((r) => r.customerId === alpha.id)).toMatchObject({
      lastContactAt: instantAt("2026-06-25", "09:00", TZ),
      stage: 2,
    });
  });

  it("validates the as-of date", () => {
    expect(parseAsOf(undefined, TODAY)).toEqual({ ok: true, asOf: TODAY });
    expect(parseAsOf("2026-06-15", TODAY)).toEqual({ ok: true, asOf: "2026-06-15" });
    expect(parseAsOf("2026-07-01", TODAY)).toEqual({ ok: false, error: expect.stringContaining("is in the future") });
    expect(parseAsOf("2026-02-30", TODAY)).toEqual({ ok: false, error: expect.stringContaining("is not a date") });
  });
});

async function exportCsv(orgId: string, asOf: string) {
  let text = "";
  for await (const line of agingCsvLines(db, { orgId, asOf, today: TODAY })) text += line;
  return text;
}

describe("aging CSV export", () => {
  it("writes the open invoices as of the date with plain amounts and defused formulas", async () => {
    const { org } = await seed();
    const csv = await exportCsv(org.id, "2026-06-15");
    const [, ...lines] = csv.split("\r\n");
    expect(
      csv.startsWith(
        "\uFEFFCustomer reference,Customer,Invoice number,Issue date,Due date,Currency,Amount,Paid,Open,Days past due,Bucket,As of\r\n",
      ),
    ).toBe(true);
    expect(lines.filter(Boolean).map((l) => l.split(",").slice(-10).join(","))).toEqual([
      "INV-N1,2026-06-01,2026-06-10,NOK,1000.00,400.00,600.00,5,1–30 days,2026-06-15",
      "INV-A1,2026-05-01,2026-05-31,EUR,1000.00,300.00,700.00,15,1–30 days,2026-06-15",
      "INV-A4,2026-02-01,2026-03-01,EUR,80.00,0.00,80.00,106,90+ days,2026-06-15",
    ]);
    // The formula-looking name is quoted and starts with ' so spreadsheets show it as text.
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""Nord"")",INV-N1,`);
  });

  it("exports today's aging from the paid-to-date path with the same open amounts", async () => {
    const { org } = await seed();
    const rows = (await exportCsv(org.id, TODAY))
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",").slice(-10));
    expect(rows.map((r) => [r[0], r[4], r[5], r[6], r[7]])).toEqual([
      ["INV-A3", "200.00", "0.00", "200.00", "-20"],
      ["INV-A4", "80.00", "0.00", "80.00", "121"],
    ]);
  });

  it("round trip: importing the export's open amounts into another organization gives the same aging to the cent", async () => {
    const { org } = await seed();
    const csv = await exportCsv(org.id, "2026-06-15");
    const copy = await createOrg(db);
    const user = await createUser(db, copy.id);
    const who = { orgId: copy.id, userId: user.id };
    const customers = await db.customer.findMany({ where: { orgId: org.id } });
    await db.customer.createMany({
      data: customers.map((c) => ({ orgId: copy.id, reference: c.reference, name: c.name, currency: c.currency })),
    });
    const done = await importFile(
      db,
      who,
      "invoices",
      { text: csv, name: "aging.csv" },
      {
        mapping: {
          number: "Invoice number",
          customerReference: "Customer reference",
          issueDate: "Issue date",
          dueDate: "Due date",
          amount: "Open",
          currency: "Currency",
        },
      },
    );
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 3 });
    const original = await getAgingTotalsAsOf(db, { orgId: org.id, asOf: "2026-06-15" });
    expect(await getAgingTotals(db, { orgId: copy.id, today: "2026-06-15" })).toEqual(original);
    expect(await exportCsv(copy.id, "2026-06-15")).toBe(
      csv
        .replace(/,1000\.00,400\.00,600\.00,/, ",600.00,0.00,600.00,")
        .replace(/,1000\.00,300\.00,700\.00,/, ",700.00,0.00,700.00,"),
    );
  });
});

describe("aging XLSX export", () => {
  it("holds the same rows as the CSV, with dates as dates, amounts as numbers and a formula-looking name as plain text", async () => {
    const { org } = await seed();
    const chunks: Buffer[] = [];
    for await (const chunk of agingXlsxStream(
      agingExportRows(db, { orgId: org.id, asOf: "2026-06-15", today: TODAY }),
      { asOf: "2026-06-15" },
    ))
      chunks.push(chunk as Buffer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("Aging 2026-06-15");
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      "Customer reference",
      "Customer",
      "Invoice number",
      "Issue date",
      "Due date",
      "Currency",
      "Amount",
      "Paid",
      "Open",
      "Days past due",
      "Bucket",
      "As of",
    ]);
    const day = (d: string) => new Date(`${d}T00:00:00.000Z`);
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual([
      [
        '=HYPERLINK("http://evil.example","Nord")',
        "INV-N1",
        day("2026-06-01"),
        day("2026-06-10"),
        "NOK",
        1000,
        400,
        600,
        5,
        "1–30 days",
        day("2026-06-15"),
      ],
      [
        "Alpha GmbH",
        "INV-A1",
        day("2026-05-01"),
        day("2026-05-31"),
        "EUR",
        1000,
        300,
        700,
        15,
        "1–30 days",
        day("2026-06-15"),
      ],
      [
        "Alpha GmbH",
        "INV-A4",
        day("2026-02-01"),
        day("2026-03-01"),
        "EUR",
        80,
        0,
        80,
        106,
        "90+ days",
        day("2026-06-15"),
      ],
    ]);
    const nameCell = sheet.getRow(2).getCell(2);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String); // not a formula
    expect(sheet.getRow(2).getCell(7).numFmt).toBe("#,##0.00");
  });
});
