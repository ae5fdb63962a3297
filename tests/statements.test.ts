import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { failedDeliveries } from "@/lib/delivery/delivery-status";
import { smtpSender } from "@/lib/delivery/mail-transport";
import { deliveryTasks } from "@/lib/delivery/tasks";
import { runDueJobs } from "@/lib/jobs/queue";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { composeStatement } from "@/lib/statements/compose-statement";
import { downloadStatement } from "@/lib/statements/download-statement";
import { emailStatement } from "@/lib/statements/email-statement";
import { dateOnlyToDb } from "@/lib/time/dates";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createLetter, createOrg, createPayment, createUser } from "./factories";
import { smtpInbox } from "./smtp-inbox";

const db = useTestDb();
const url = inject("testDatabaseUrl");
const NOW = instantAt("2026-12-01", "10:00", "Europe/Oslo");

/**
 * A customer with one open invoice of 1 250,00 that was part paid (300,00) and
 * credited (100,00), a second invoice paid in full, an interest charge a letter
 * claimed (18,40), and an unapplied payment of 50,00 on the account.
 */
async function accountWithMovements(language: "en" | "nb" | "it", email?: string) {
  const org = await createOrg(db, { name: "Aurora Components AS" });
  const collector = await createUser(db, org.id, "COLLECTOR");
  const actor = { userId: collector.id, role: "COLLECTOR" as const };
  const countryCode = { en: "GB", nb: "NO", it: "IT" }[language];
  const customer = await createCustomer(db, org.id, {
    name: "Bjørnstad AS",
    currency: "NOK",
    language,
    email,
    countryCode,
  });
  const open = await createInvoice(db, customer, {
    number: "F-1001",
    amountMinor: 125000,
    issueDate: "2026-10-02",
    dueDate: "2026-11-01",
  });
  const paid = await createInvoice(db, customer, {
    number: "F-1002",
    amountMinor: 40000,
    issueDate: "2026-10-05",
    dueDate: "2026-11-04",
  });
  await createPayment(db, open, { amountMinor: 30000, receivedOn: "2026-11-10" });
  await createPayment(db, paid, { amountMinor: 40000, receivedOn: "2026-11-03" });
  await recordCreditNote(db, {
    orgId: org.id,
    actor,
    invoiceId: open.id,
    amountMinor: 10000,
    currency: "NOK",
    reason: "Damaged goods",
    number: "KN-7",
    issuedOn: "2026-11-12",
    now: NOW,
  });
  await db.payment.create({
    data: {
      orgId: org.id,
      customerId: customer.id,
      currency: "NOK",
      amountMinor: 5000n,
      receivedOn: dateOnlyToDb("2026-11-20"),
    },
  });
  const letter = await createLetter(db, customer);
  await db.charge.create({
    data: {
      orgId: org.id,
      customerId: customer.id,
      letterId: letter.id,
      invoiceId: open.id,
      kind: "interest",
      invoiceNumber: "F-1001",
      amountMinor: 1840n,
      currency: "NOK",
      ratePercent: "12.25",
      fromDate: dateOnlyToDb("2026-11-02"),
      toDate: dateOnlyToDb("2026-11-30"),
      basis: "Late Payment Interest Act § 3",
    },
  });
  return { org, actor, customer };
}

describe("statement of account", () => {
  it("states the open invoice with its payment and credit note, the charge, the credit and the balance (English)", async () => {
    const { org, customer } = await accountWithMovements("en");
    const s = await composeStatement(db, { orgId: org.id, customerId: customer.id, now: NOW });
    expect(s.asOf).toBe("2026-12-01");
    expect(s.subject).toBe("Statement of account as of 1 December 2026");
    expect(s.currencies).toEqual(["NOK"]);
    const lines = s.body.split("\n").map((l) =>
      l
        .replace(/\u00a0/g, " ")
        .trim()
        .replace(/\s{2,}/g, " | "),
    );
    expect(lines).toContain("2 Oct 2026 | Invoice F-1001, due 1 Nov 2026 | NOK 1,250.00 | NOK 850.00");
    expect(lines).toContain("10 Nov 2026 | Payment received | -NOK 300.00");
    expect(lines).toContain("12 Nov 2026 | Credit note KN-7 | -NOK 100.00");
    expect(s.body.replace(/\u00a0/g, " ")).toMatch(
      /Late payment interest, invoice F-1001, 12\.25% a year, 2 Nov 2026–30 Nov 2026 +NOK 18\.40 +NOK 18\.40/,
    );
    expect(lines).toContain("Open invoices | NOK 850.00");
    expect(lines).toContain("Open interest and fees | NOK 18.40");
    expect(lines).toContain("Total due | NOK 868.40");
    expect(lines).toContain("Credit on account, not yet applied | -NOK 50.00");
    expect(lines).toContain("Balance | NOK 818.40");
    // The invoice paid in full is not an open item; its legal basis in English stays out of the text.
    expect(s.body).not.toContain("F-1002");
    expect(s.body).not.toContain("Late Payment Interest Act");
  });

  it("separates what is overdue from what is not yet due on the statement's day", async () => {
    const { org, customer } = await accountWithMovements("en");
    // Due on the statement's day: not yet overdue (as on the aging report). Due later: not yet due either.
    await createInvoice(db, customer, {
      number: "F-1003",
      amountMinor: 20000,
      issueDate: "2026-11-15",
      dueDate: "2026-12-01",
    });
    await createInvoice(db, customer, {
      number: "F-1004",
      amountMinor: 7550,
      issueDate: "2026-11-25",
      dueDate: "2026-12-25",
    });
    const s = await composeStatement(db, { orgId: org.id, customerId: customer.id, now: NOW });
    const lines = s.body.split("\n").map((l) =>
      l
        .replace(/\u00a0/g, " ")
        .trim()
        .replace(/\s{2,}/g, " | "),
    );
    const at = (text: string) => lines.indexOf(text);
    expect(at("Open invoices | NOK 1,125.50")).toBeGreaterThan(0);
    expect(at("of which overdue | NOK 850.00")).toBe(at("Open invoices | NOK 1,125.50") + 1);
    expect(at("of which not yet due | NOK 275.50")).toBe(at("Open invoices | NOK 1,125.50") + 2);
    expect(lines).toContain("Total due | NOK 1,143.90");
  });

  it("writes the Norwegian statement and its PDF on the letterhead, and audits the download", async () => {
    const { org, actor, customer } = await accountWithMovements("nb");
    await db.organization.update({
      where: { id: org.id },
      data: { countryCode: "NO", registrationNumber: "912 345 678", vatNumber: "NO 912 345 678 MVA" },
    });
    await db.orgBankAccount.create({
      data: { orgId: org.id, currency: "NOK", bankName: "DNB", accountNumber: "1234 56 78901", iban: "", bic: "" },
    });
    // A KID on the invoice is printed beside it, so a payment made from the statement matches by itself.
    await db.invoice.updateMany({ where: { orgId: org.id, number: "F-1001" }, data: { kid: "10011001" } });
    const started = performance.now();
    const { filename, pdf } = await downloadStatement(db, {
      orgId: org.id,
      customerId: customer.id,
      userId: actor.userId,
      ip: "",
      now: NOW,
    });
    console.log(`statement download (facts, text, PDF, audit): ${(performance.now() - started).toFixed(0)} ms`);
    expect(filename).toBe(`statement-${customer.reference}-2026-12-01.pdf`);
    const text = flatText(await pdfToText(pdf));
    expect(text).toContain("Kontoutskrift per 1. desember 2026");
    expect(text).toContain("Faktura F-1001, forfall 01.11.2026, KID 10011001 kr 1 250,00 kr 850,00");
    expect(text).toContain("10.11.2026 Innbetaling kr -300,00");
    expect(text).toContain("12.11.2026 Kreditnota KN-7 kr -100,00");
    expect(text).toContain("Forsinkelsesrente (forsinkelsesrenteloven § 3), faktura F-1001");
    expect(text).toContain("Til betaling kr 868,40");
    expect(text).toContain("Kreditt på kontoen, ikke avregnet kr -50,00");
    expect(text).toContain("Saldo kr 818,40");
    expect(text).toContain("Betaling til: DNB · 1234 56 78901");
    expect(text).toContain("912 345 678");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orgId: org.id, kind: "statement.downloaded" } });
    expect(audit.payload).toMatchObject({ customerId: customer.id, asOf: "2026-12-01", language: "nb" });
  });

  it("refuses a customer of another organization", async () => {
    const { customer } = await accountWithMovements("en");
    const other = await createOrg(db);
    await expect(composeStatement(db, { orgId: other.id, customerId: customer.id, now: NOW })).rejects.toThrow(
      /not found/i,
    );
  });
});

const smtp = smtpInbox();
beforeAll(() => smtp.listen());
afterAll(() => smtp.close());
const mailTo = smtp.mailTo;
const port = () => smtp.port;

describe("statement by email", () => {
  it("sends once for ten parallel submits of one form (issue 22, 8)", async () => {
    const { org, actor, customer } = await accountWithMovements("en", "ap@customer.example");
    const idempotencyKey = crypto.randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        emailStatement(db, { orgId: org.id, customerId: customer.id, actor, now: NOW, idempotencyKey }),
      ),
    );
    expect(new Set(results.map((r) => r.deliveryId)).size).toBe(1);
    expect(await db.statement.count({ where: { orgId: org.id } })).toBe(1);
    expect(await db.letterDelivery.count({ where: { orgId: org.id } })).toBe(1);
    const [jobs] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE key = ${`statement-email:${results[0].statementId}`}`;
    expect(jobs.n).toBe(1n);
    // A new form (a new key) sends again, on purpose.
    await emailStatement(db, {
      orgId: org.id,
      customerId: customer.id,
      actor,
      now: NOW,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(await db.letterDelivery.count({ where: { orgId: org.id } })).toBe(2);
  }, 60_000);

  it("queues the stored statement, sends it through SMTP with the PDF, and logs the contact", async () => {
    const email = `ap-statement-${process.pid}@customer.example`;
    const { org, actor, customer } = await accountWithMovements("nb", email);
    const sent = await emailStatement(db, { orgId: org.id, customerId: customer.id, actor, now: NOW });
    expect(sent.recipient).toBe(email);
    const stored = await db.statement.findUniqueOrThrow({ where: { id: sent.statementId } });
    expect(stored.subject).toBe("Kontoutskrift per 1. desember 2026");
    expect(await db.contactAttempt.count({ where: { customerId: customer.id } })).toBe(0);

    const started = performance.now();
    await runDueJobs(url, deliveryTasks(db, smtpSender(`smtp://127.0.0.1:${port()}`)));
    console.log(`statement email (queue run, PDF, SMTP, result rows): ${(performance.now() - started).toFixed(0)} ms`);
    expect(mailTo(email)).toHaveLength(1);
    const mail = mailTo(email)[0];
    expect(mail.subject).toBe("Kontoutskrift per 1. desember 2026");
    expect(mail.text).toContain("Vedlagt følger kontoutskrift for Bjørnstad AS per 1. desember 2026.");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].filename).toBe(`statement-${customer.reference}-2026-12-01.pdf`);
    const attached = flatText(await pdfToText(mail.attachments[0].content));
    expect(attached).toContain("Saldo kr 818,40");
    expect(attached).toContain(stored.contentSha256.slice(0, 16));

    const contacts = await db.contactAttempt.findMany({ where: { customerId: customer.id } });
    expect(contacts.map((c) => [c.channel, c.direction, c.outcome, c.letterId])).toEqual([
      ["EMAIL", "OUTBOUND", "DELIVERED", null],
    ]);
    expect(contacts[0].note).toContain(`Statement of account as of 2026-12-01 by email to ${email}`);
    const kinds = (await db.auditEvent.findMany({ where: { orgId: org.id }, orderBy: { createdAt: "asc" } })).map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(expect.arrayContaining(["statement.email_requested", "statement.email_result"]));
  });

  it("shows a failed statement email as a failed delivery and logs it", async () => {
    const { org, actor, customer } = await accountWithMovements("it", "ap-down@customer.example");
    await emailStatement(db, { orgId: org.id, customerId: customer.id, actor, now: NOW });
    // Nothing listens on port 1: the connection is refused.
    await runDueJobs(url, deliveryTasks(db, smtpSender("smtp://127.0.0.1:1")));
    const failed = await failedDeliveries(db, { orgId: org.id });
    expect(failed.map((f) => [f.label, f.customerName, f.status.state])).toEqual([
      ["Statement of account", "Bjørnstad AS", "failed"],
    ]);
    const contacts = await db.contactAttempt.findMany({ where: { customerId: customer.id } });
    expect(contacts.map((c) => c.outcome)).toEqual(["DELIVERY_FAILED"]);
  });

  it("refuses a viewer and a customer without an email address, changing nothing", async () => {
    const { org, customer } = await accountWithMovements("en");
    const viewer = await createUser(db, org.id, "VIEWER");
    await expect(
      emailStatement(db, {
        orgId: org.id,
        customerId: customer.id,
        actor: { userId: viewer.id, role: "VIEWER" },
        now: NOW,
      }),
    ).rejects.toThrow(/can view accounts but not change/);
    const collector = await createUser(db, org.id, "COLLECTOR");
    await db.customer.update({ where: { id: customer.id }, data: { email: "" } });
    await expect(
      emailStatement(db, {
        orgId: org.id,
        customerId: customer.id,
        actor: { userId: collector.id, role: "COLLECTOR" },
        now: NOW,
      }),
    ).rejects.toThrow(/no email address/);
    expect(await db.statement.count({ where: { orgId: org.id } })).toBe(0);
  });
});
