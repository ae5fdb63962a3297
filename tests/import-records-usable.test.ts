import { describe, expect, it } from "vitest";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { addDaysTo, dateOnlyFromDb, todayIn } from "@/lib/time/dates";
import { useTestDb } from "./db";
import { createOrg, createUser } from "./factories";
import { importFile, upload } from "./imports";

// Issue 23 §4, session 7: imports that leave the record usable — a customers file's
// type and channel, the decimal comma read from "2 990,00", Xero's invoice export as
// exported, "amount still owed" kept out of "collected this month", and a customer's
// VAT or registration number seen before flagged in the check.

const db = useTestDb();

async function orgIn(currency: string) {
  const org = await createOrg(db);
  await db.organization.update({ where: { id: org.id }, data: { defaultCurrency: currency } });
  const user = await createUser(db, org.id, "COLLECTOR");
  return { orgId: org.id, userId: user.id, timeZone: org.timeZone };
}

describe("customers file: type, channel and numbers reach the legal fields", () => {
  it("reads Company/Privat/Privato/Azienda/Sole trader and Email/Post; an unreadable value is a problem on its row", async () => {
    const who = await orgIn("NOK");
    const text = [
      "Kundenummer;Kundenavn;Kundetype;Forsendelsesmåte;E-post;Land;Organisasjonsnummer;MVA-nummer",
      "10001;Fjordkraft Handel AS;Bedrift;E-post;faktura@fjordkraft.example;Norge;923 609 016;NO 923 609 016 MVA",
      "10002;Kari Nordmann;Privat;Post;;Norge;;",
      "10003;Ferramenta Rossi S.r.l.;Azienda;Posta;;Italia;;IT01234567890",
      "10004;Mario Bianchi;Privato;;;Italia;;",
      "10005;Hansen Snekkeri;ENK;Papir;;Norge;987 654 321;",
    ].join("\n");
    const done = await importFile(db, who, "customers", { text, name: "kunder.csv" });
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 5 });
    const rows = await db.customer.findMany({
      where: { orgId: who.orgId },
      orderBy: { reference: "asc" },
      select: {
        reference: true,
        type: true,
        preferredChannel: true,
        countryCode: true,
        vatNumber: true,
        registrationNumber: true,
      },
    });
    expect(rows).toEqual([
      {
        reference: "10001",
        type: "business",
        preferredChannel: "email",
        countryCode: "NO",
        vatNumber: "NO 923 609 016 MVA",
        registrationNumber: "923 609 016",
      },
      {
        reference: "10002",
        type: "consumer",
        preferredChannel: "post",
        countryCode: "NO",
        vatNumber: "",
        registrationNumber: "",
      },
      {
        reference: "10003",
        type: "business",
        preferredChannel: "post",
        countryCode: "IT",
        vatNumber: "IT01234567890",
        registrationNumber: "",
      },
      // An empty channel cell: the default (post) for a new customer.
      {
        reference: "10004",
        type: "consumer",
        preferredChannel: "post",
        countryCode: "IT",
        vatNumber: "",
        registrationNumber: "",
      },
      {
        reference: "10005",
        type: "sole_trader",
        preferredChannel: "post",
        countryCode: "NO",
        vatNumber: "",
        registrationNumber: "987 654 321",
      },
    ]);

    // A hand-set channel survives a later file whose cell is empty; unreadable values stop the file.
    await db.customer.update({
      where: { orgId_reference: { orgId: who.orgId, reference: "10002" } },
      data: { preferredChannel: "email", email: "kari@example.no" },
    });
    const again = await importFile(db, who, "customers", {
      text: "Kundenummer;Kundenavn;Kundetype;Forsendelsesmåte\n10002;Kari Nordmann;Privat;\n",
      name: "kunder2.csv",
    });
    expect(again).toMatchObject({ status: "COMMITTED" });
    expect(
      await db.customer.findFirstOrThrow({
        where: { orgId: who.orgId, reference: "10002" },
        select: { preferredChannel: true },
      }),
    ).toEqual({ preferredChannel: "email" });

    const bad = await importFile(db, who, "customers", {
      text: [
        "Customer No,Company Name,Customer Type,Preferred Delivery Method,Email",
        "C1,Wholesale Ltd,Wholesale,Email,ap@wholesale.example",
        "C2,Fjord EHF AS,Company,EHF,ap@fjord.example",
        "C3,No Mail Ltd,Company,Email,",
      ].join("\n"),
      name: "bad.csv",
    });
    expect(bad.problems).toEqual([
      {
        line: 2,
        column: "Customer Type",
        message:
          '"Wholesale" is not a customer type we know: write business (company), consumer (private person) or sole trader',
      },
      {
        line: 3,
        column: "Preferred Delivery Method",
        message:
          '"EHF" is an e-invoice network, not a way to send letters: write email or post, or leave this column out',
      },
      {
        line: 4,
        column: "Preferred Delivery Method",
        message: "letters by email need an email address, and this customer has none",
      },
    ]);
    expect(await db.customer.count({ where: { orgId: who.orgId } })).toBe(5);
  });
});

describe("customers file: a VAT or registration number another customer has", () => {
  const existing = ["Kundenummer;Kundenavn;Organisasjonsnummer", "10001;Fjordkraft Handel AS;923609016"].join("\n");
  const file = [
    "Customer No;Company Name;VAT Number",
    "F-77;Fjordkraft Handel AS (ny);NO 923 609 016 MVA",
    "F-78;Bergen Bakeri AS;NO 912 345 678 MVA",
    "F-79;Bergen Bakeri Avd. Sentrum;912.345.678",
  ].join("\n");

  it("is a problem naming the existing customer (and the earlier row) until the user chooses; nothing is created twice", async () => {
    const who = await orgIn("NOK");
    await importFile(db, who, "customers", { text: existing, name: "kunder.csv" });
    const flagged = await importFile(db, who, "customers", { text: file, name: "ny.csv" });
    expect(flagged.problems).toEqual([
      {
        line: 2,
        column: "VAT Number",
        message:
          'the VAT number NO 923 609 016 MVA is already on customer 10001 "Fjordkraft Handel AS": choose below whether to skip such rows, update that customer or create a new one',
      },
      {
        line: 4,
        column: "VAT Number",
        message:
          "the VAT number 912.345.678 is on row 3 (customer F-78) too: choose below whether to skip such rows or create them anyway",
      },
    ]);
    expect(await db.customer.count({ where: { orgId: who.orgId } })).toBe(1);

    const skipped = await importFile(
      db,
      who,
      "customers",
      { text: file, name: "ny.csv" },
      { options: { sameNumber: "skip" } },
    );
    expect(skipped).toMatchObject({ status: "COMMITTED", createdCount: 1 });
    expect(skipped.notices).toEqual([
      {
        line: 2,
        message: 'Skipped: its VAT number NO 923 609 016 MVA is already on customer 10001 "Fjordkraft Handel AS".',
      },
      { line: 4, message: "Skipped: row 3 (customer F-78) has the same VAT number 912.345.678 and is imported." },
    ]);
    expect(
      (await db.customer.findMany({ where: { orgId: who.orgId }, orderBy: { reference: "asc" } })).map(
        (c) => c.reference,
      ),
    ).toEqual(["10001", "F-78"]);
  });

  it("updates the existing customer, or creates anyway, when the user says so", async () => {
    const who = await orgIn("NOK");
    await importFile(db, who, "customers", { text: existing, name: "kunder.csv" });
    const updated = await importFile(
      db,
      who,
      "customers",
      { text: file, name: "ny.csv" },
      { options: { sameNumber: "update" } },
    );
    expect(updated).toMatchObject({ status: "COMMITTED", createdCount: 1, updatedCount: 1 });
    expect((updated.notices as unknown[])[0]).toEqual({
      line: 2,
      message:
        'Updates customer 10001 "Fjordkraft Handel AS" (same VAT number NO 923 609 016 MVA); the file\'s reference F-77 is not kept.',
    });
    const rows = await db.customer.findMany({
      where: { orgId: who.orgId },
      orderBy: { reference: "asc" },
      select: { reference: true, name: true, vatNumber: true },
    });
    expect(rows).toEqual([
      { reference: "10001", name: "Fjordkraft Handel AS (ny)", vatNumber: "NO 923 609 016 MVA" },
      { reference: "F-78", name: "Bergen Bakeri AS", vatNumber: "NO 912 345 678 MVA" },
    ]);

    const other = await orgIn("NOK");
    await importFile(db, other, "customers", { text: existing, name: "kunder.csv" });
    const created = await importFile(
      db,
      other,
      "customers",
      { text: file, name: "ny.csv" },
      { options: { sameNumber: "create" } },
    );
    expect(created).toMatchObject({ status: "COMMITTED", createdCount: 3 });
    expect(await db.customer.count({ where: { orgId: other.orgId } })).toBe(4);
    // Another organization's customer with the number is not this one's.
    const third = await orgIn("NOK");
    expect(
      await importFile(db, third, "customers", { text: file.split("\n").slice(0, 3).join("\n"), name: "ny.csv" }),
    ).toMatchObject({
      status: "COMMITTED",
      createdCount: 2,
    });
  });

  it("takes the same digits in another country for another number (a UK VAT number is not a Norwegian org.nr.)", async () => {
    const who = await orgIn("NOK");
    const norwegian = ["Kundenummer;Navn;Organisasjonsnummer;Land", "20002;Havbris Sjømat AS;987 654 321;Norge"];
    await importFile(db, who, "customers", { text: norwegian.join("\n"), name: "kunder.csv" });
    const uk = [
      "AccountNumber,ContactName,TaxNumber,POCountry",
      "MF002,Meadow Farm Co,GB987654321,United Kingdom",
      "HL001,Harbour Lights Ltd,GB 912 345 678,United Kingdom",
      "BB003,Bergen Bakeri AS,NO 912 345 678 MVA,Norway",
    ];
    const imported = await importFile(db, who, "customers", { text: uk.join("\n"), name: "xero.csv" });
    expect(imported.problems).toEqual([]);
    expect(imported).toMatchObject({ status: "COMMITTED", createdCount: 3 });
    // The same country still flags: a Norwegian VAT number on the stored org.nr.
    const again = await importFile(db, who, "customers", {
      text: ["Customer No,Company Name,VAT Number,Country", "F-1,Havbris (ny),NO 987 654 321 MVA,Norway"].join("\n"),
      name: "ny.csv",
    });
    expect(again.problems).toEqual([
      expect.objectContaining({ message: expect.stringContaining('already on customer 20002 "Havbris Sjømat AS"') }),
    ]);
  });
});

describe("payments file: the decimal comma from its values", () => {
  it('reads "2 990,00" (space and no-break space thousands) as 2990.00 NOK and says so in the check', async () => {
    const who = await orgIn("NOK");
    await importFile(db, who, "customers", {
      text: "Kundenummer;Kundenavn\n10001;Fjordkraft Handel AS\n",
      name: "kunder.csv",
    });
    await importFile(db, who, "invoices", {
      text: [
        "Fakturanr;Kundenummer;Fakturadato;Forfallsdato;Beløp",
        "1001;10001;01.10.2026;15.10.2026;2 990,00",
        "1002;10001;05.10.2026;19.10.2026;12\u00a0450,50",
      ].join("\n"),
      name: "fakturaer.csv",
    });
    // Fiken's shape: semicolons, day-first dates, amounts with spaces for thousands and a decimal comma.
    const text = [
      "Fakturanummer;Betalingsdato;Innbetalt beløp;KID",
      "1001;20.10.2026;2 990,00;000100110",
      "1002;21.10.2026;12\u00a0450,50;000100219",
    ].join("\n");
    const uploaded = await upload(db, who, "payments", { text, name: "innbetalinger.csv" });
    expect(uploaded.mapping).toMatchObject({ amount: "Innbetalt beløp", receivedOn: "Betalingsdato" });
    expect(uploaded.options).toMatchObject({ decimalSeparator: ",", dateFormat: "dmy", delimiter: ";" });
    const done = await importFile(db, who, "payments", { text, name: "innbetalinger.csv" });
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 2 });
    const payments = await db.payment.findMany({
      where: { orgId: who.orgId },
      orderBy: { amountMinor: "asc" },
      select: { amountMinor: true, currency: true },
    });
    expect(payments.map((p) => [Number(p.amountMinor), p.currency])).toEqual([
      [299000, "NOK"],
      [1245050, "NOK"],
    ]);
    const checked = await db.import.findFirstOrThrow({
      where: { orgId: who.orgId, kind: "payments" },
      orderBy: { createdAt: "desc" },
      select: { notices: true },
    });
    expect(checked.notices).toEqual([
      { line: 2, message: 'Amounts are read with a decimal comma, as the file writes them: "2 990,00" is 2990.00.' },
    ]);
  });
});

const XERO_HEADER =
  "*ContactName,EmailAddress,*InvoiceNumber,Reference,*InvoiceDate,*DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,LineAmount,*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,Currency,Type,Sent,Status";
const xeroInvoices = (taxOnTravel = "100.00") =>
  [
    XERO_HEADER,
    'Harbour Lights Ltd,accounts@harbourlights.example,INV-0101,PO 77,15/10/2026,14/11/2026,1800.00,300.00,0.00,1800.00,,"Consulting, October",10,100.00,,1000.00,200,20% (VAT on Income),200.00,,,GBP,Sales invoice,Sent,Awaiting Payment',
    `Harbour Lights Ltd,accounts@harbourlights.example,INV-0101,PO 77,15/10/2026,14/11/2026,1800.00,300.00,0.00,1800.00,,Travel,1,500.00,,500.00,200,20% (VAT on Income),${taxOnTravel},,,GBP,Sales invoice,Sent,Awaiting Payment`,
    "Meadow Farm Co,office@meadowfarm.example,INV-0102,,20/10/2026,19/11/2026,288.00,48.00,248.00,40.00,,Feed,2,120.00,,240.00,200,20% (VAT on Income),48.00,,,GBP,Sales invoice,Sent,Awaiting Payment",
  ].join("\n");

describe("Xero's invoice export", () => {
  it("imports one invoice per InvoiceNumber at its Total (lines exclude VAT: lines + TaxAmount = Total)", async () => {
    const who = await orgIn("GBP");
    await importFile(db, who, "customers", "xero-contacts-en.csv");
    const uploaded = await upload(db, who, "invoices", { text: xeroInvoices(), name: "xero.csv" });
    expect(uploaded.mapping).toMatchObject({
      number: "*InvoiceNumber",
      amount: "LineAmount",
      invoiceTotal: "Total",
      lineTax: "TaxAmount",
      taxTotal: "TaxTotal",
      openAmount: "InvoiceAmountDue",
    });
    expect(uploaded.options).toMatchObject({ mergeLines: true, dateFormat: "dmy" });
    const done = await importFile(db, who, "invoices", { text: xeroInvoices(), name: "xero.csv" });
    expect(done).toMatchObject({ status: "COMMITTED", createdCount: 2 });
    const rows = await db.invoice.findMany({
      where: { orgId: who.orgId },
      orderBy: { number: "asc" },
      select: { number: true, amountMinor: true, paidMinor: true, currency: true },
    });
    expect(rows.map((r) => [r.number, Number(r.amountMinor), Number(r.paidMinor), r.currency])).toEqual([
      ["INV-0101", 180000, 0, "GBP"],
      ["INV-0102", 28800, 24800, "GBP"],
    ]);
  });

  it("names the invoice whose lines and tax do not add up to its Total", async () => {
    const who = await orgIn("GBP");
    await importFile(db, who, "customers", "xero-contacts-en.csv");
    const checked = await importFile(db, who, "invoices", { text: xeroInvoices("90.00"), name: "xero.csv" });
    expect(checked.problems).toEqual([
      {
        line: 2,
        column: "Total",
        message:
          "the lines of invoice INV-0101 (rows 2–3) add up to £1,500.00 plus £290.00 tax, £1,790.00 in all, but its total is £1,800.00",
      },
    ]);
    expect(await db.invoice.count({ where: { orgId: who.orgId } })).toBe(0);
  });
});

describe("amount still owed", () => {
  it("books the difference as settled before the import, dated by the invoice's data, never as collected this month", async () => {
    const who = await orgIn("NOK");
    const today = todayIn(who.timeZone);
    const dmy = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
    await importFile(db, who, "customers", {
      text: "Kundenummer;Kundenavn\n10001;Fjordkraft Handel AS\n",
      name: "k.csv",
    });
    const collected = async () => {
      const d = await getDashboard(db, { orgId: who.orgId, timeZone: who.timeZone, today });
      const nok = d.perCurrency.find((c) => c.currency === "NOK");
      // Every month of the dashboard's history, not only this one: nothing settled before the import is "collected".
      return { thisMonth: nok?.collectedThisMonth, all: d.collected.reduce((sum, m) => sum + m.collected, 0) };
    };
    const overdueIssue = addDaysTo(today, -60);
    const overdueDue = addDaysTo(today, -30);
    const notDueIssue = addDaysTo(today, -5);
    const paidIssue = addDaysTo(today, -40);
    const paidOn = addDaysTo(today, -35);
    const text = [
      "Fakturanr;Kundenummer;Fakturadato;Forfallsdato;Beløp;Utestående;Betalt dato",
      `2001;10001;${dmy(overdueIssue)};${dmy(overdueDue)};1 000,00;400,00;`,
      `2002;10001;${dmy(notDueIssue)};${dmy(addDaysTo(today, 25))};500,00;100,00;`,
      `2003;10001;${dmy(paidIssue)};${dmy(addDaysTo(paidIssue, 14))};300,00;0,00;${dmy(paidOn)}`,
      `2004;10001;${dmy(overdueIssue)};${dmy(overdueDue)};250,00;250,00;`,
    ].join("\n");
    const uploaded = await upload(db, who, "invoices", { text, name: "fakturaer.csv" });
    expect(uploaded.mapping).toMatchObject({ openAmount: "Utestående", paidOn: "Betalt dato" });
    expect(await importFile(db, who, "invoices", { text, name: "fakturaer.csv" })).toMatchObject({
      status: "COMMITTED",
      createdCount: 4,
    });
    expect(await collected()).toEqual({ thisMonth: 0, all: 0 });
    // A re-import of the same file adds nothing.
    expect(await importFile(db, who, "invoices", { text, name: "fakturaer.csv" })).toMatchObject({
      status: "COMMITTED",
      createdCount: 0,
    });

    // A payment collected today is collected this month, and only it.
    await importFile(db, who, "payments", {
      text: `Fakturanummer;Betalingsdato;Innbetalt beløp\n2004;${dmy(today)};50,00\n`,
      name: "innbetalinger.csv",
    });
    expect(await collected()).toEqual({ thisMonth: 5000, all: 5000 });

    const payments = await db.payment.findMany({
      where: { orgId: who.orgId },
      select: { amountMinor: true, receivedOn: true, source: true, invoice: { select: { number: true } } },
    });
    expect(
      payments
        .map((p) => [p.invoice?.number, Number(p.amountMinor), dateOnlyFromDb(p.receivedOn), p.source])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["2001", 60000, overdueDue, "before_import"], // overdue: dated its due date, not the import's day
      ["2002", 40000, today, "before_import"], // not due yet: today, never after
      ["2003", 30000, paidOn, "before_import"], // the file's paid date
      ["2004", 5000, today, "import"],
    ]);
    const open = await db.invoice.findMany({
      where: { orgId: who.orgId },
      orderBy: { number: "asc" },
      select: { number: true, amountMinor: true, paidMinor: true },
    });
    expect(open.map((i) => [i.number, Number(i.amountMinor) - Number(i.paidMinor)])).toEqual([
      ["2001", 40000],
      ["2002", 10000],
      ["2003", 0],
      ["2004", 20000],
    ]);
  });

  it("refuses a paid date after today or before the issue date, on its row", async () => {
    const who = await orgIn("NOK");
    const today = todayIn(who.timeZone);
    const dmy = (d: string) => `${d.slice(8, 10)}.${d.slice(5, 7)}.${d.slice(0, 4)}`;
    await importFile(db, who, "customers", {
      text: "Kundenummer;Kundenavn\n10001;Fjordkraft Handel AS\n",
      name: "k.csv",
    });
    const issue = addDaysTo(today, -20);
    const text = [
      "Fakturanr;Kundenummer;Fakturadato;Forfallsdato;Beløp;Utestående;Betalt dato",
      `3001;10001;${dmy(issue)};${dmy(addDaysTo(issue, 14))};100,00;0,00;${dmy(addDaysTo(today, 3))}`,
      `3002;10001;${dmy(issue)};${dmy(addDaysTo(issue, 14))};100,00;0,00;${dmy(addDaysTo(issue, -1))}`,
    ].join("\n");
    const checked = await importFile(db, who, "invoices", { text, name: "fakturaer.csv" });
    expect(checked.problems).toEqual([
      {
        line: 2,
        column: "Betalt dato",
        message: `the invoice is paid on ${addDaysTo(today, 3)}, after today (${today})`,
      },
      {
        line: 3,
        column: "Betalt dato",
        message: `the invoice is paid on ${addDaysTo(issue, -1)}, before its issue date ${issue}`,
      },
    ]);
  });
});
