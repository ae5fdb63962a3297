import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { parseQueryStrict } from "@/lib/actions/query-params";
import { getAgingReport } from "@/lib/aging/get-aging-report";
import { accountFilterSchema } from "@/lib/aging/list-accounts";
import { customerFilterSchema } from "@/lib/customers/list-customers";
import { AGING_ACCOUNT_COLUMNS, agingAccountExportRows } from "@/lib/exports/aging-account-rows";
import { agingCsvLines } from "@/lib/exports/aging-csv";
import { csvLinesOf } from "@/lib/exports/columns";
import { CUSTOMER_EXPORT_COLUMNS, customerExportRows } from "@/lib/exports/customer-rows";
import { formatPlainAmount } from "@/lib/imports/parse-values";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createContactAttempt, createCustomer, createInvoice, createOrg, createPayment } from "./factories";

const db = useTestDb();
const TODAY = "2026-12-01";
const TZ = "Europe/Oslo";

/**
 *   Bjørkli AS (NOK)  B-1 1 000,00 due 11-21 (1–30), B-2 400,00 due 09-15 (61–90), paid 100,00
 *   Bjørkli AS (EUR)  B-3   250,00 due 12-10 (current)
 *   Alpha GmbH (EUR)  A-1   800,00 due 10-20 (31–60), A-2 90,00 due 06-01 (90+)
 *   "=cmd" Ltd (NOK)  X-1   300,00 due 11-30 (1–30)
 */
async function seed() {
  const org = await createOrg(db, { timeZone: TZ });
  const bjorkli = await createCustomer(db, org.id, { name: "Bjørkli AS", currency: "NOK" });
  const alpha = await createCustomer(db, org.id, { name: "Alpha GmbH", currency: "EUR" });
  const evil = await createCustomer(db, org.id, { name: "=cmd|' /C calc'!A0 Ltd", currency: "NOK" });
  await createInvoice(db, bjorkli, {
    number: "B-1",
    amountMinor: 100000,
    issueDate: "2026-10-22",
    dueDate: "2026-11-21",
  });
  const b2 = await createInvoice(db, bjorkli, {
    number: "B-2",
    amountMinor: 40000,
    issueDate: "2026-08-16",
    dueDate: "2026-09-15",
  });
  await createPayment(db, b2, { amountMinor: 10000, receivedOn: "2026-10-01" });
  await createInvoice(db, bjorkli, {
    number: "B-3",
    amountMinor: 25000,
    currency: "EUR",
    issueDate: "2026-11-10",
    dueDate: "2026-12-10",
  });
  await createInvoice(db, alpha, { number: "A-1", amountMinor: 80000, issueDate: "2026-09-20", dueDate: "2026-10-20" });
  await createInvoice(db, alpha, { number: "A-2", amountMinor: 9000, issueDate: "2026-05-01", dueDate: "2026-06-01" });
  await createInvoice(db, evil, { number: "X-1", amountMinor: 30000, issueDate: "2026-10-31", dueDate: "2026-11-30" });
  await createContactAttempt(db, bjorkli, { occurredAt: instantAt("2026-11-25", "23:30", TZ) });
  return { org };
}

async function text(lines: AsyncIterable<string>) {
  let out = "";
  for await (const line of lines) out += line;
  return parse(out, { bom: true }) as string[][];
}

describe("exports follow the filters on screen", () => {
  it("the invoice export keeps only the invoices the report's query string asks for", async () => {
    const { org } = await seed();
    const query = parseQueryStrict(accountFilterSchema, new URLSearchParams("q=bjorkli&currency=NOK&sort=open"));
    const [header, ...rows] = await text(
      agingCsvLines(db, { orgId: org.id, asOf: TODAY, today: TODAY, filter: query }),
    );
    expect(header[2]).toBe("Invoice number");
    expect(rows.map((r) => [r[1], r[2], r[5], r[8], r[10]])).toEqual([
      ["Bjørkli AS", "B-1", "NOK", "1000.00", "1–30 days"],
      ["Bjørkli AS", "B-2", "NOK", "300.00", "61–90 days"],
    ]);

    const bucket = parseQueryStrict(accountFilterSchema, new URLSearchParams("bucket=d1_30"));
    const [, ...inBucket] = await text(agingCsvLines(db, { orgId: org.id, asOf: TODAY, today: TODAY, filter: bucket }));
    expect(inBucket.map((r) => r[2])).toEqual(["X-1", "B-1"]);
    // Formula text from a customer's name is defused, never a live cell.
    expect(inBucket[0][1]).toBe("'=cmd|' /C calc'!A0 Ltd");

    const [, ...all] = await text(agingCsvLines(db, { orgId: org.id, asOf: TODAY, today: TODAY }));
    expect(all).toHaveLength(6);
  });

  it("the account export has one row per account whose values equal the report's, in its sort", async () => {
    const { org } = await seed();
    const query = parseQueryStrict(accountFilterSchema, new URLSearchParams("sort=open&dir=desc&currency=NOK"));
    const report = await getAgingReport(db, { orgId: org.id, timeZone: TZ, today: TODAY, query });
    const exported = [];
    for await (const r of agingAccountExportRows(db, { orgId: org.id, timeZone: TZ, today: TODAY, asOf: TODAY, query }))
      exported.push(r);
    expect(exported.map((r) => `${r.name} ${r.currency}`)).toEqual(["Bjørkli AS NOK", "=cmd|' /C calc'!A0 Ltd NOK"]);
    expect(
      exported.map((r) => [
        r.customerId,
        r.currency,
        r.open,
        r.current,
        r.d1_30,
        r.d31_60,
        r.d61_90,
        r.d90_plus,
        r.stage,
      ]),
    ).toEqual(
      report.accounts.rows.map((r) => [
        r.customerId,
        r.currency,
        r.open,
        r.current,
        r.d1_30,
        r.d31_60,
        r.d61_90,
        r.d90_plus,
        r.stage,
      ]),
    );

    const [header, ...rows] = await text(
      csvLinesOf(
        agingAccountExportRows(db, { orgId: org.id, timeZone: TZ, today: TODAY, asOf: TODAY, query }),
        AGING_ACCOUNT_COLUMNS,
      ),
    );
    expect(header).toEqual([
      "Customer",
      "Currency",
      "Open",
      "Overdue",
      "Current",
      "1–30 days",
      "31–60 days",
      "61–90 days",
      "90+ days",
      "Oldest days past due",
      "Letter stage",
      "Last contact",
    ]);
    const first = report.accounts.rows[0];
    expect(rows[0]).toEqual([
      "Bjørkli AS",
      "NOK",
      formatPlainAmount(first.open, "NOK"),
      "1300.00",
      "0.00",
      "1000.00",
      "0.00",
      "300.00",
      "0.00",
      String(first.oldestDaysPastDue),
      "",
      // 23:30 in Oslo is the 25th, though it is the 25th 22:30 UTC.
      "2026-11-25",
    ]);
    expect(rows[0][2]).toBe("1300.00");
    expect(rows[1][11]).toBe("");
  });

  it("the customer export keeps the list's search and filters, and its order", async () => {
    const { org } = await seed();
    const search = parseQueryStrict(customerFilterSchema, new URLSearchParams("q=BJORKLI&sort=name"));
    const [, ...found] = await text(
      csvLinesOf(customerExportRows(db, { orgId: org.id, today: TODAY, query: search }), CUSTOMER_EXPORT_COLUMNS),
    );
    expect(found.map((r) => [r[1], r[6], r[7]])).toEqual([["Bjørkli AS", "NOK", "EUR 250.00; NOK 1300.00"]]);
    const nok = parseQueryStrict(customerFilterSchema, new URLSearchParams("currency=NOK&dir=desc"));
    const [, ...inNok] = await text(
      csvLinesOf(customerExportRows(db, { orgId: org.id, today: TODAY, query: nok }), CUSTOMER_EXPORT_COLUMNS),
    );
    expect(inNok.map((r) => r[1])).toEqual(["Bjørkli AS", "'=cmd|' /C calc'!A0 Ltd"]);
    expect(() => parseQueryStrict(customerFilterSchema, new URLSearchParams("balance=some"))).toThrow(/balance/);
  });
});
