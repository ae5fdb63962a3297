import { readFileSync } from "node:fs";
import { processBankStatement } from "@/lib/bank/process-bank-statement";
import { receiveBankStatement } from "@/lib/bank/receive-bank-statement";
import type { Db } from "@/lib/db/client";
import { dateOnlyToDb } from "@/lib/time/dates";
import { createOrg, createUser } from "./factories";

// The customers and invoices the bank-shaped statements in tests/fixtures/bank/ pay:
// their references, KIDs and amounts are the ones those files carry.

export const BANK_CUSTOMERS = [
  { reference: "1001", name: "Fjordkraft Handel AS", currency: "NOK", countryCode: "NO" },
  { reference: "1002", name: "Bergen Bryggeri AS", currency: "NOK", countryCode: "NO" },
  { reference: "1003", name: "Tromsø Fisk AS", currency: "NOK", countryCode: "NO" },
  { reference: "1004", name: "Oslo Data AS", currency: "NOK", countryCode: "NO" },
  { reference: "2001", name: "Ferramenta Rossi S.r.l.", currency: "EUR", countryCode: "IT" },
  { reference: "2002", name: "Pasticceria Bianchi SpA", currency: "EUR", countryCode: "IT" },
  { reference: "3001", name: "Thames Tooling Ltd", currency: "GBP", countryCode: "GB" },
  { reference: "3002", name: "Hartley & Sons Ltd", currency: "GBP", countryCode: "GB" },
] as const;

/** [customer reference, invoice number, amount in minor units, KID]. */
export const BANK_INVOICES: [string, string, number, string | null][] = [
  ["1001", "20001", 1250000, "1001200011"],
  ["1001", "20011", 400000, null],
  ["1002", "20002", 875000, "1002200028"],
  ["1003", "20003", 320000, "1003200031"],
  ["1004", "20004", 1500000, "1004200043"],
  ["2001", "2026/0042", 183000, null],
  ["2001", "2026/0043", 97000, null],
  ["2002", "5005", 60000, null],
  ["2002", "5006", 40000, null],
  ["3001", "INV-7001", 240000, null],
  ["3001", "INV-7002", 60000, null],
  ["3002", "INV-7003", 120000, null],
];

/** An organization of its own with the fixtures' customers and open invoices (issued 1 October, due 31 October 2026). */
export async function orgWithBankInvoices(db: Db) {
  const org = await createOrg(db);
  const user = await createUser(db, org.id, "COLLECTOR");
  const customers = new Map<string, string>();
  for (const c of BANK_CUSTOMERS) {
    const row = await db.customer.create({ data: { orgId: org.id, ...c, email: "ap@customer.example" } });
    customers.set(c.reference, row.id);
  }
  const invoices = new Map<string, string>();
  for (const [ref, number, amount, kid] of BANK_INVOICES) {
    const c = BANK_CUSTOMERS.find((x) => x.reference === ref)!;
    const row = await db.invoice.create({
      data: {
        orgId: org.id,
        customerId: customers.get(ref)!,
        number,
        issueDate: dateOnlyToDb("2026-10-01"),
        dueDate: dateOnlyToDb("2026-10-31"),
        amountMinor: BigInt(amount),
        currency: c.currency,
        kid,
      },
    });
    invoices.set(number, row.id);
  }
  return { org, user, customers, invoices };
}

export const bankFixture = (name: string) => readFileSync(`tests/fixtures/bank/${name}`);

/** Receives a statement as the Import page or the API would, then runs its queued job's work. */
export async function receiveAndProcess(
  db: Db,
  who: { orgId: string; userId: string },
  bytes: Buffer,
  fileName = "statement.xml",
) {
  const received = await receiveBankStatement(db, {
    orgId: who.orgId,
    actor: { userId: who.userId },
    bytes,
    fileName,
    source: "upload",
  });
  const done = await processBankStatement(
    db,
    { orgId: who.orgId, statementId: received.id, userId: who.userId },
    { retryable: false, now: new Date("2026-12-06T10:00:00Z") },
  );
  return { received, done };
}

/** Each invoice's open balance by number, read from the database. */
export async function openByNumber(db: Db, orgId: string): Promise<Record<string, number>> {
  const rows = await db.invoice.findMany({
    where: { orgId },
    select: { number: true, amountMinor: true, paidMinor: true },
  });
  return Object.fromEntries(rows.map((r) => [r.number, Number(r.amountMinor - r.paidMinor)]));
}
