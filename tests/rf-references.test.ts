import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { invoiceBody } from "@/lib/api/operations/invoices";
import { describeAuditEvent } from "@/lib/audit/describe-event";
import type { AuditEventInput } from "@/lib/audit/events";
import { updateBankMatchingAction } from "@/lib/bank/actions";
import { isRfReference, printedRfReference, rfReferenceForInvoice } from "@/lib/iso/payment-reference";
import { enterInvoice } from "@/lib/ledger/enter-invoice";
import { upsertInvoices } from "@/lib/ledger/upsert-invoices";
import { previewNextLetter } from "@/lib/letters/preview-next-letter";
import { composeStatement } from "@/lib/statements/compose-statement";
import { actionContextFor } from "./action-context";
import { openByNumber, orgWithBankInvoices } from "./bank";
import { useTestDb } from "./db";
import { createCustomer, createUser } from "./factories";
import { importFile } from "./imports";

// Issue 23 §2: RF creditor references on EUR invoices, when the organization
// switches them on (Settings → Bank matching). Invoices entered or imported
// without one get one built from their number; one that came with the invoice is
// kept; EUR letters and statements print it in the customer's language; a bank
// line carrying it is recorded by rule 1.

const db = useTestDb();
const NOW = new Date("2026-12-01T10:00:00Z");

describe("RF references on EUR invoices", () => {
  it("switched on: entered and imported EUR invoices get a verified RF, an issued one is kept, letters and statements print it, the bank matches it", async () => {
    const f = await orgWithBankInvoices(db);
    const who = { orgId: f.org.id, userId: f.user.id };
    const actor = { userId: f.user.id, role: "COLLECTOR" as const };
    const admin = await actionContextFor(db, (await createUser(db, f.org.id, "ADMIN")).id);
    await db.orgBankAccount.create({
      data: {
        orgId: f.org.id,
        currency: "EUR",
        bankName: "Intesa Sanpaolo",
        iban: "IT60 X054 2811 1010 0000 0123 456",
        bic: "BCITITMM",
        accountNumber: "",
        usesKid: false,
      },
    });
    const rfOf = async (id: string) => (await db.invoice.findUniqueOrThrow({ where: { id } })).rfReference;
    const enter = (customerId: string, number: string, currency: string) =>
      enterInvoice(db, {
        orgId: f.org.id,
        actor,
        customerId,
        number,
        issueDate: "2026-10-01",
        dueDate: "2026-10-31",
        amountMinor: 50_000,
        currency,
        now: NOW,
      });

    // Off (the default): a EUR invoice gets none.
    const before = await enter(f.customers.get("2001")!, "2026/0090", "EUR");
    expect(await rfOf(before.invoiceId)).toBeNull();

    const saved = await runAction(updateBankMatchingAction, admin, {
      kidMode: "off",
      kidLength: "0",
      rfReferences: "on",
      paymentsStaleAfterDays: "3",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(saved.ok && saved.message).toContain("new EUR invoices without one get an RF reference");
    const audit = await db.auditEvent.findFirstOrThrow({
      where: { orgId: f.org.id, kind: "organization.bank_matching_updated" },
    });
    expect(audit.payload).toEqual({ kidMode: "off", kidLength: 0, rfReferences: true, paymentsStaleAfterDays: 3 });
    expect(
      describeAuditEvent({ kind: "organization.bank_matching_updated", payload: audit.payload } as AuditEventInput),
    ).toBe("Changed bank matching: KID off, RF references on EUR invoices on, payments stale after 3 bank days");

    // Entered by hand: EUR gets the RF of its number; NOK gets none.
    const italian = await createCustomer(db, f.org.id, { language: "it", currency: "EUR", countryCode: "IT" });
    const entered = await enter(italian.id, "2026/0101", "EUR");
    const enteredRf = (await rfOf(entered.invoiceId))!;
    expect(enteredRf).toBe(rfReferenceForInvoice("2026/0101"));
    expect(enteredRf).toBe(`RF${enteredRf.slice(2, 4)}20260101`);
    expect(isRfReference(enteredRf)).toBe(true);
    const nok = await enter(f.customers.get("1001")!, "20099", "NOK");
    expect(await rfOf(nok.invoiceId)).toBeNull();
    // The one entered while it was off keeps having none (a printed letter stays as it was).
    expect(await rfOf(before.invoiceId)).toBeNull();

    // Imported from a file: the characters RF does not allow are dropped.
    const file = ["Number,Date,Due Date,Customer,Amount,Currency", "FT-2026/77,2026-10-01,2026-10-31,2002,300.00,EUR"];
    const imported = await importFile(db, who, "invoices", { text: file.join("\n") });
    expect(imported).toMatchObject({ status: "COMMITTED", createdCount: 1 });
    const fileInvoice = await db.invoice.findFirstOrThrow({ where: { orgId: f.org.id, number: "FT-2026/77" } });
    expect(fileInvoice.rfReference).toMatch(/^RF\d{2}FT202677$/);
    expect(isRfReference(fileInvoice.rfReference!)).toBe(true);

    // Issued by the accounting system (the API's invoice body): verified, kept as given, spaces dropped.
    const good = invoiceBody.safeParse({
      customerReference: "2002",
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      currency: "EUR",
      amount: "120.00",
      rfReference: "rf18 5390 0754 7034",
    });
    expect(good.success && good.data.rfReference).toBe("RF18539007547034");
    expect(invoiceBody.safeParse({ ...good.data, rfReference: "RF19539007547034" }).success).toBe(false);
    expect(invoiceBody.safeParse({ ...good.data, rfReference: "RF18-5390" }).success).toBe(false);
    const [issued] = await upsertInvoices(db, {
      orgId: f.org.id,
      actor,
      now: NOW,
      invoices: [{ ...good.data!, number: "ERP-555", amountMinor: 12_000, rfReference: "RF18539007547034" }],
    });
    expect(issued).toMatchObject({ outcome: "created" });
    expect(await rfOf((issued as { invoiceId: string }).invoiceId)).toBe("RF18539007547034");

    // The Italian customer's next letter and statement name it, in Italian.
    const preview = await previewNextLetter(db, {
      orgId: f.org.id,
      customerId: italian.id,
      currency: "EUR",
      now: NOW,
    });
    expect(preview.letter?.body.replace(/\s+/g, " ")).toContain(
      `Riferimento di pagamento (RF): ${printedRfReference(enteredRf)} (fattura 2026/0101).`,
    );
    const statement = await composeStatement(db, { orgId: f.org.id, customerId: italian.id, now: NOW });
    expect(statement.body.replace(/\s+/g, " ")).toContain(
      `riferimento di pagamento (RF) ${printedRfReference(enteredRf)}`,
    );
    // A EUR customer whose invoices have none (created before): no RF line on its statement.
    const older = await composeStatement(db, { orgId: f.org.id, customerId: f.customers.get("2001")!, now: NOW });
    expect(older.body).not.toMatch(/\(RF\)/);

    // Bank lines carrying them are rule 1, recorded at any amount: one built from the number, one issued.
    const bank = [
      "Data contabile;Descrizione;Riferimento;Importo;Divisa",
      `04/12/2026;BONIFICO;${printedRfReference(fileInvoice.rfReference!)};100,00;EUR`,
      "04/12/2026;BONIFICO PASTICCERIA;RF18539007547034;20,00;EUR",
    ];
    const openBefore = await openByNumber(db, f.org.id);
    const done = await importFile(db, who, "bank_statement", { text: `${bank.join("\n")}\n` });
    expect(done).toMatchObject({ status: "COMMITTED" });
    const lines = await db.bankLine.findMany({
      where: { statement: { orgId: f.org.id } },
      orderBy: { amountMinor: "desc" },
      select: { status: true, rule: true },
    });
    expect(lines).toEqual([
      { status: "matched", rule: "rf" },
      { status: "matched", rule: "rf" },
    ]);
    const openAfter = await openByNumber(db, f.org.id);
    expect(openAfter["FT-2026/77"]).toBe(openBefore["FT-2026/77"] - 10_000);
    expect(openAfter["ERP-555"]).toBe(openBefore["ERP-555"] - 2_000);
  });

  it("switched on again with nothing changed is 'Nothing changed'; bad input is refused and changes nothing", async () => {
    const f = await orgWithBankInvoices(db);
    const admin = await actionContextFor(db, (await createUser(db, f.org.id, "ADMIN")).id);
    const input = { kidMode: "off", kidLength: "0", paymentsStaleAfterDays: "3" };
    for (const hostile of ["yes", "ON", "true", "1", "' OR 1=1 --", "<script>alert(1)</script>", 1, true, ["on"], {}]) {
      const refused = await runAction(updateBankMatchingAction, admin, { ...input, rfReferences: hostile });
      expect(refused.ok, JSON.stringify(hostile)).toBe(false);
      if (!refused.ok) {
        expect(refused.code).toBe("INVALID_INPUT");
        expect(Object.keys(refused.fieldErrors ?? {})).toEqual(["rfReferences"]);
      }
    }
    expect((await db.organization.findUniqueOrThrow({ where: { id: f.org.id } })).rfReferences).toBe(false);
    expect(await runAction(updateBankMatchingAction, admin, { ...input, rfReferences: "on" })).toMatchObject({
      ok: true,
    });
    expect(await runAction(updateBankMatchingAction, admin, { ...input, rfReferences: "on" })).toMatchObject({
      ok: true,
      message: "Nothing changed.",
    });
    // Unticked (the box sends nothing): off again.
    expect(await runAction(updateBankMatchingAction, admin, input)).toMatchObject({ ok: true });
    expect((await db.organization.findUniqueOrThrow({ where: { id: f.org.id } })).rfReferences).toBe(false);
  });
});
