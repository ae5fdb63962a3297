import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { updateBankMatchingAction } from "@/lib/bank/actions";
import { kidChecks } from "@/lib/iso/payment-reference";
import { enterInvoice } from "@/lib/ledger/enter-invoice";
import { actionContextFor } from "./action-context";
import { orgWithBankInvoices } from "./bank";
import { useTestDb } from "./db";
import { createUser } from "./factories";

// The settings page's bank matching form (/settings/bank): an admin sets the KID
// mode and length and the staleness limit, audited; nobody else can; bad input
// changes nothing; the next invoice entered without a KID gets one as set.

const db = useTestDb();

describe("bank matching settings", () => {
  it("an admin sets KID mode, length and the stale limit, audited; the next invoice gets such a KID", async () => {
    const f = await orgWithBankInvoices(db);
    const admin = await actionContextFor(db, (await createUser(db, f.org.id, "ADMIN")).id);
    const collector = await actionContextFor(db, f.user.id);
    const settings = () =>
      db.organization.findUniqueOrThrow({
        where: { id: f.org.id },
        select: { kidMode: true, kidLength: true, paymentsStaleAfterDays: true },
      });
    const before = await settings();

    const refused = await runAction(updateBankMatchingAction, collector, {
      kidMode: "mod10",
      kidLength: "12",
      paymentsStaleAfterDays: "5",
    });
    expect(refused.ok).toBe(false);
    for (const bad of [
      { kidMode: "mod10", kidLength: "1", paymentsStaleAfterDays: "5" },
      { kidMode: "mod10", kidLength: "26", paymentsStaleAfterDays: "5" },
      { kidMode: "mod10", kidLength: "12", paymentsStaleAfterDays: "0" },
      { kidMode: "luhn", kidLength: "12", paymentsStaleAfterDays: "5" },
      { kidMode: "mod10", kidLength: "1.5", paymentsStaleAfterDays: "5" },
    ]) {
      const result = await runAction(updateBankMatchingAction, admin, bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toHaveLength(1);
    }
    expect(await settings()).toEqual(before);

    const saved = await runAction(updateBankMatchingAction, admin, {
      kidMode: "mod10",
      kidLength: "12",
      paymentsStaleAfterDays: "5",
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await settings()).toEqual({ kidMode: "mod10", kidLength: 12, paymentsStaleAfterDays: 5 });
    const again = await runAction(updateBankMatchingAction, admin, {
      kidMode: "mod10",
      kidLength: "12",
      paymentsStaleAfterDays: "5",
    });
    expect(again).toMatchObject({ ok: true, message: "Nothing changed." });
    const audits = await db.auditEvent.findMany({
      where: { orgId: f.org.id, kind: "organization.bank_matching_updated" },
    });
    expect(audits.map((a) => ({ userId: a.userId, payload: a.payload }))).toEqual([
      {
        userId: admin.userId,
        payload: { kidMode: "mod10", kidLength: 12, rfReferences: false, paymentsStaleAfterDays: 5 },
      },
    ]);

    const entered = await enterInvoice(db, {
      orgId: f.org.id,
      actor: { userId: f.user.id, role: "COLLECTOR" },
      customerId: f.customers.get("1003")!,
      number: "30078",
      issueDate: "2026-11-01",
      dueDate: "2026-11-30",
      amountMinor: 12_300,
      currency: "NOK",
      now: new Date("2026-12-01T10:00:00Z"),
    });
    const kid = (await db.invoice.findUniqueOrThrow({ where: { id: entered.invoiceId } })).kid!;
    expect(kid).toHaveLength(12);
    expect(kidChecks(kid)).toContain("mod10");

    // Off: the length is not kept, and invoices entered from then on get none.
    await runAction(updateBankMatchingAction, admin, { kidMode: "off", kidLength: "12", paymentsStaleAfterDays: "5" });
    expect(await settings()).toEqual({ kidMode: "off", kidLength: 0, paymentsStaleAfterDays: 5 });
  });
});
