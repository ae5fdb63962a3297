import { describe, expect, it } from "vitest";
import { listDueLetters, listWorklist } from "@/lib/collections/list-worklist";
import { recordCreditNote } from "@/lib/ledger/record-credit-note";
import { previewNextLetter } from "@/lib/letters/preview-next-letter";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// A customer holding credit on account (unapplied cash, credit notes issued to no
// invoice) is not dunned for money we already hold: a credit that covers the
// overdue amount puts the account on the worklist to have it applied, and a
// credit covering part of it is deducted in the letter, as a recorded fact.

const db = useTestDb();
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");
const LETTER_DAY = "2026-10-05";

async function setup(language: "en" | "nb" | "it" = "en") {
  const org = await createOrg(db);
  const actor = { userId: (await createUser(db, org.id, "ADMIN")).id, role: "ADMIN" as const };
  const customer = await createCustomer(db, org.id, { currency: "EUR", language });
  await createInvoice(db, customer, { amountMinor: 125_000, issueDate: "2026-09-01", dueDate: "2026-10-01" });
  // Not yet due: a credit is compared with what is overdue, not with the whole balance.
  await createInvoice(db, customer, { amountMinor: 90_000, issueDate: "2026-09-20", dueDate: "2026-10-20" });
  const account = { orgId: org.id, customerId: customer.id, currency: "EUR" };
  let n = 0;
  const credit = (amountMinor: number, currency = "EUR") =>
    recordCreditNote(db, {
      orgId: org.id,
      actor,
      customerId: customer.id,
      amountMinor,
      currency,
      reason: "Returned goods",
      number: `CN-${customer.id.slice(0, 8)}-${++n}`,
      issuedOn: "2026-10-02",
      now: at("2026-10-02"),
    });
  const worklistRow = async () =>
    (await listWorklist(db, { orgId: org.id, now: at(LETTER_DAY) })).items.find((i) => i.customerId === customer.id);
  const send = () => sendNextLetter(db, { ...account, actor, stage: 1, now: at(LETTER_DAY) });
  return { org, customer, account, credit, worklistRow, send };
}

describe("credit on account", () => {
  it("that covers the overdue amount: no letter is due, the worklist says to apply it, and sending is refused", async () => {
    const a = await setup();
    await a.credit(125_000);
    const row = await a.worklistRow();
    expect(row).toMatchObject({
      kind: "credit",
      dueStage: null,
      reasons: ["Credit on account covers the overdue amount — apply it"],
    });
    expect((await listDueLetters(db, { orgId: a.org.id, now: at(LETTER_DAY) })).map((d) => d.customerId)).not.toContain(
      a.customer.id,
    );
    await expect(a.send()).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("Credit on account covers the overdue amount — apply it"),
    });
    expect(await db.letter.count({ where: { orgId: a.org.id } })).toBe(0);
  });

  it("in another currency does not count against this account", async () => {
    const a = await setup();
    await a.credit(500_000, "USD");
    expect(await a.worklistRow()).toMatchObject({ kind: "letter", dueStage: 1 });
  });

  it("that covers part: the letter states the credit and asks for the overdue amount less the credit", async () => {
    const a = await setup();
    await a.credit(25_000);
    expect(await a.worklistRow()).toMatchObject({ kind: "letter", dueStage: 1 });
    const sent = await a.send();
    const body = (await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } })).body.replace(/\s+/g, " ");
    expect(body).toContain("Invoices: €1,250.00");
    expect(body).toContain("Less unallocated credit on your account: -€250.00");
    expect(body).toContain("Total now due: €1,000.00");
    expect(body).toContain(
      "Our records show an unallocated credit of €250.00 on your account (a payment or credit note not yet matched to an invoice). We have deducted it from the amount now due.",
    );
  });

  it("is written in Norwegian and Italian as a credit controller would", async () => {
    const nb = await setup("nb");
    await nb.credit(25_000);
    const nbText = (await previewNextLetter(db, { ...nb.account, now: at(LETTER_DAY) })).letter!.body.replace(
      /\s+/g,
      " ",
    );
    expect(nbText).toContain(
      "Fakturaer: EUR 1 250,00 Fratrukket tilgodehavende: EUR -250,00 Totalt å betale: EUR 1 000,00",
    );
    expect(nbText).toContain("Dere har et tilgodehavende hos oss på");

    const it_ = await setup("it");
    await it_.credit(25_000);
    const itText = (await previewNextLetter(db, { ...it_.account, now: at(LETTER_DAY) })).letter!.body.replace(
      /\s+/g,
      " ",
    );
    expect(itText).toContain(
      "Fatture: 1.250,00 EUR A dedurre, credito a Vostro favore: -250,00 EUR Totale dovuto: 1.000,00 EUR",
    );
    expect(itText).toContain("risulta a Vostro favore un credito di 250,00");
  });
});
