import { describe, expect, inject, it } from "vitest";
import { getBankStatementStatus } from "@/lib/bank/get-bank-statement-status";
import { bankStatementTasks } from "@/lib/bank/process-bank-statement";
import { receiveBankStatement } from "@/lib/bank/receive-bank-statement";
import { kidChecks } from "@/lib/iso/payment-reference";
import { runDueJobs } from "@/lib/jobs/queue";
import { enterInvoice } from "@/lib/ledger/enter-invoice";
import { BANK_INVOICES, bankFixture, openByNumber, orgWithBankInvoices, receiveAndProcess } from "./bank";
import { useTestDb } from "./db";

// Bank-shaped statements (tests/fixtures/bank/, each naming the guide it follows)
// through the lib as the Import page and the API hand them over: received, queued,
// processed; open balances after each asserted to the minor unit against the test's
// own sum of what each file pays.

const db = useTestDb();
const url = inject("testDatabaseUrl");

const startingBalances = () => Object.fromEntries(BANK_INVOICES.map(([, number, amount]) => [number, amount]));

describe("bank statements", () => {
  it("records KID, RF and invoice-number payments by themselves and leaves the rest for review, with reasons", async () => {
    const f = await orgWithBankInvoices(db);
    const who = { orgId: f.org.id, userId: f.user.id };
    const expected = startingBalances();
    const byRule: Record<string, number> = {};
    const run = async (file: string) => {
      const { done } = await receiveAndProcess(db, who, bankFixture(file), file);
      for (const [rule, n] of Object.entries(done!.byRule)) byRule[rule] = (byRule[rule] ?? 0) + n;
      return done!;
    };

    // DNB: two KIDs verified (MOD10) and recorded, one KID with a wrong check digit waits.
    const dnb = await run("dnb-camt054-v02-kid.xml");
    expect(dnb.counts).toEqual({ lines: 3, matched: 2, review: 1, duplicates: 0, ignored: 0 });
    expected["20001"] -= 1250000;
    expected["20002"] -= 500000;
    // Nordea: "Faktura 20011" for exactly its open amount; a fee and a payment out listed, ignored.
    expect((await run("nordea-camt053-v02.xml")).counts).toEqual({
      lines: 3,
      matched: 1,
      review: 0,
      duplicates: 0,
      ignored: 2,
    });
    expected["20011"] -= 400000;
    // SpareBank 1 (camt.054.001.08): a MOD11 KID recorded; a payer name with no reference only suggested.
    expect((await run("sparebank1-camt054-v08.xml")).counts).toEqual({
      lines: 2,
      matched: 1,
      review: 1,
      duplicates: 0,
      ignored: 0,
    });
    expected["20004"] -= 1500000;
    // Intesa: an RF creditor reference and "Saldo fattura n. 2026/0043" recorded; a return ignored.
    expect((await run("intesa-camt053-v04.xml")).counts).toEqual({
      lines: 3,
      matched: 2,
      review: 0,
      duplicates: 0,
      ignored: 1,
    });
    expected["2026/0042"] -= 183000;
    expected["2026/0043"] -= 97000;
    // UniCredit: "RE 5005 + 5006" pays both; a second line naming 5005 (now paid) is not matched twice.
    expect((await run("unicredit-camt053-v06.xml")).counts).toEqual({
      lines: 3,
      matched: 1,
      review: 1,
      duplicates: 0,
      ignored: 1,
    });
    expected["5005"] -= 60000;
    expected["5006"] -= 40000;
    // Barclays: "INV7001" exact; a known payer name with INV-7003's amount and an unknown payer wait.
    expect((await run("barclays-camt053-v02.xml")).counts).toEqual({
      lines: 3,
      matched: 1,
      review: 2,
      duplicates: 0,
      ignored: 0,
    });
    expected["INV-7001"] -= 240000;
    // HSBC: INV-7002 in the structured RfrdDocInf; a USD payment naming a GBP invoice is never matched by itself.
    expect((await run("hsbc-camt053-v08.xml")).counts).toEqual({
      lines: 2,
      matched: 1,
      review: 1,
      duplicates: 0,
      ignored: 0,
    });
    expected["INV-7002"] -= 60000;

    expect(await openByNumber(db, f.org.id)).toEqual(expected);
    expect(byRule).toEqual({ kid: 3, rf: 1, invoice_ref: 1, invoice_text: 4 });

    const review = await db.bankLine.findMany({
      where: { orgId: f.org.id, status: "review" },
      orderBy: { createdAt: "asc" },
    });
    expect(review.map((l) => l.reason.replace(/\u00a0/g, " "))).toEqual([
      "KID 1003200032 fails its check digit; invoice 20003 has KID 1003200031",
      `payer name "TROMSØ FISK AS"; invoice 20003 is open for exactly NOK 3,200.00`,
      `payer name "Pasticceria Bianchi SpA"; no open invoice or sum of invoices equals €300.00`,
      `payer name "HARTLEY & SONS LTD"; invoice INV-7003 is open for exactly £1,200.00`,
      "no reference we know, and the payer is not a customer we know",
      "the text names INV-7003 in GBP, the payment is in USD",
    ]);
    // Each recorded payment names its bank line, the evidence.
    const payments = await db.payment.findMany({ where: { orgId: f.org.id }, include: { bankLine: true } });
    expect(payments).toHaveLength(10); // 9 lines, "RE 5005 + 5006" paid two invoices
    expect(payments.every((p) => p.source === "bank" && p.bankLine?.status === "matched")).toBe(true);
    const kidPayment = payments.find((p) => p.bankLine?.structuredRef === "1001200011")!;
    expect([kidPayment.bankLine!.payerName, kidPayment.bankLine!.entryRef]).toEqual([
      "Fjordkraft Handel AS",
      "DNB-OCR-T-770011",
    ]);
  });

  it("skips the same statement twice and the overlapping part of the next one, counting duplicates", async () => {
    const f = await orgWithBankInvoices(db);
    const who = { orgId: f.org.id, userId: f.user.id };
    const first = await receiveAndProcess(db, who, bankFixture("barclays-camt053-v02.xml"));
    const again = await receiveAndProcess(db, who, bankFixture("barclays-camt053-v02.xml"));
    expect(again.received.duplicateOf).toBe(first.received.id);
    expect(again.done!.counts).toEqual({ lines: 3, matched: 0, review: 0, duplicates: 3, ignored: 0 });
    const overlap = await receiveAndProcess(db, who, bankFixture("barclays-camt053-v02-overlap.xml"));
    expect(overlap.done!.counts).toEqual({ lines: 4, matched: 1, review: 0, duplicates: 3, ignored: 0 });
    const open = await openByNumber(db, f.org.id);
    expect([open["INV-7001"], open["INV-7002"], open["INV-7003"]]).toEqual([0, 0, 120000]);
    expect(await db.payment.count({ where: { orgId: f.org.id } })).toBe(2);
    // A second DNB notification repeating the batch's account servicer references records nothing.
    await receiveAndProcess(db, who, bankFixture("dnb-camt054-v02-kid.xml"));
    const dnbAgain = await receiveAndProcess(db, who, bankFixture("dnb-camt054-v02-kid.xml"));
    expect(dnbAgain.done!.counts.duplicates).toBe(3);
    expect((await openByNumber(db, f.org.id))["20001"]).toBe(0);
  });

  it("queues the work on the durable job queue and reports its status; an unreadable file fails with the reason", async () => {
    const f = await orgWithBankInvoices(db);
    const who = { orgId: f.org.id, actor: { userId: f.user.id } };
    const received = await receiveBankStatement(db, {
      ...who,
      bytes: bankFixture("nordea-camt053-v02.xml"),
      source: "api",
    });
    expect((await getBankStatementStatus(db, { orgId: f.org.id, id: received.id }))?.status).toBe("queued");
    const broken = await receiveBankStatement(db, {
      ...who,
      bytes: Buffer.from("Date;Amount\n01.12.2026;100\n"),
      source: "api",
    });
    await runDueJobs(url, bankStatementTasks(db));
    expect(await getBankStatementStatus(db, { orgId: f.org.id, id: received.id })).toEqual({
      id: received.id,
      status: "processed",
      format: "camt.053.001.02",
      accountIban: "NO9386011117947",
      fromDate: "2026-12-01",
      toDate: "2026-12-01",
      counts: { lines: 3, matched: 1, review: 0, duplicates: 0, ignored: 2 },
    });
    const failed = await getBankStatementStatus(db, { orgId: f.org.id, id: broken.id });
    expect([failed?.status, failed?.error]).toEqual([
      "failed",
      expect.stringMatching(/not a camt\.053 or camt\.054 XML file/),
    ]);
    // Another organization cannot read it.
    const other = await orgWithBankInvoices(db);
    expect(await getBankStatementStatus(db, { orgId: other.org.id, id: received.id })).toBeNull();
    await expect(receiveBankStatement(db, { ...who, bytes: Buffer.alloc(0), source: "api" })).rejects.toThrow(/empty/);
  });

  it("gives an invoice entered by hand a KID when the organization uses KID, and a camt.054 with it pays the invoice", async () => {
    const f = await orgWithBankInvoices(db);
    await db.organization.update({ where: { id: f.org.id }, data: { kidMode: "mod11", kidLength: 10 } });
    const entered = await enterInvoice(db, {
      orgId: f.org.id,
      actor: { userId: f.user.id, role: "COLLECTOR" },
      customerId: f.customers.get("1003")!,
      number: "30077",
      issueDate: "2026-11-01",
      dueDate: "2026-11-30",
      amountMinor: 99_900,
      currency: "NOK",
      now: new Date("2026-12-01T10:00:00Z"),
    });
    const invoice = await db.invoice.findUniqueOrThrow({ where: { id: entered.invoiceId } });
    expect(invoice.kid).toMatch(/^\d{9}[\d-]$/);
    expect(kidChecks(invoice.kid!)).toContain("mod11");
    const xml = `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.04"><BkToCstmrDbtCdtNtfctn><Ntfctn><Acct><Id><IBAN>NO9386011117947</IBAN></Id></Acct><Ntry><Amt Ccy="NOK">999.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-12-02</Dt></BookgDt><AcctSvcrRef>K-1</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>${invoice.kid}</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
    const { done } = await receiveAndProcess(db, { orgId: f.org.id, userId: f.user.id }, Buffer.from(xml));
    expect(done!.byRule).toEqual({ kid: 1 });
    expect((await openByNumber(db, f.org.id))["30077"]).toBe(0);
  });
});
