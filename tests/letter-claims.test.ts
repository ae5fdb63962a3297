import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { logContact } from "@/lib/collections/log-contact";
import { recordHandoff } from "@/lib/collections/record-handoff";
import { saveBankAccount } from "@/lib/documents/bank-accounts";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { printLetters } from "@/lib/documents/print-todays-letters";
import { attachInvoicePdf, storeInvoicePdf } from "@/lib/invoices/invoice-pdf";
import { lawSettingsSchema, updateLawSettings } from "@/lib/law/update-law-settings";
import { previewNextLetter } from "@/lib/letters/preview-next-letter";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { ownerConnection, useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// Letters sent through the real path say only what the database records.

const db = useTestDb();
const at = (day: string, time = "10:00") => instantAt(day, time, "Europe/Oslo");
const EUR_ACCOUNT = {
  currency: "EUR",
  bankName: "DNB",
  iban: "NO20 8601 1117 955",
  bic: "DNBANOKK",
  accountNumber: "",
  usesKid: false,
};

async function setup(opts: { language?: "en" | "it" | "nb"; countryCode?: string; number?: string } = {}) {
  const org = await createOrg(db);
  await db.organization.update({
    where: { id: org.id },
    data: { countryCode: "NO", registrationNumber: "912 345 678" },
  });
  const admin = { userId: (await createUser(db, org.id, "ADMIN")).id, role: "ADMIN" as const };
  const collector = { userId: (await createUser(db, org.id, "COLLECTOR")).id, role: "COLLECTOR" as const };
  // A UK letter names the account to pay into (issue 25): the organization has one in the letters' currency.
  await db.orgBankAccount.create({ data: { orgId: org.id, ...EUR_ACCOUNT } });
  const customer = await createCustomer(db, org.id, { language: opts.language ?? "en", currency: "EUR" });
  await db.customer.update({
    where: { id: customer.id },
    data: { countryCode: opts.countryCode ?? "GB", contactPerson: "" },
  });
  const invoice = await createInvoice(db, customer, {
    amountMinor: 125000,
    issueDate: "2026-09-01",
    dueDate: "2026-10-01",
    number: opts.number,
  });
  const account = { orgId: org.id, customerId: customer.id, currency: "EUR" };
  const contact = (type: "call_no_answer" | "reply_email", day: string) =>
    logContact(db, {
      ...account,
      actor: collector,
      ...{
        call_no_answer: { channel: "PHONE", direction: "OUTBOUND", outcome: "NO_ANSWER" },
        reply_email: { channel: "EMAIL", direction: "INBOUND", outcome: "REPLIED" },
      }[type],
      occurredOn: day,
      time: "09:00",
      note: "Logged by the test.",
      now: at(day, "18:00"),
    } as Parameters<typeof logContact>[1]);
  const send = (stage: 1 | 2 | 3 | 4, day: string) =>
    sendNextLetter(db, { ...account, actor: collector, stage, now: at(day) });
  const body = async (letterId: string) =>
    (await db.letter.findUniqueOrThrow({ where: { id: letterId } })).body.replace(/\s+/g, " ");
  return { org, admin, collector, customer, invoice, account, contact, send, body };
}

describe("the contact list is the contact log", () => {
  it("letter 1 with nothing logged is a first reminder; with a logged call it lists the call", async () => {
    const a = await setup();
    const first = await a.body((await a.send(1, "2026-10-05")).letterId);
    expect(first).not.toMatch(/already been in touch|contacts so far|invoice .* issued/i);

    const b = await setup();
    await b.contact("call_no_answer", "2026-10-03");
    const second = await b.body((await b.send(1, "2026-10-05")).letterId);
    expect(second).toContain("We have already been in touch about this: - 3 October 2026: we called you: no answer");
  });

  it("letter 2 refers to the customer's reply, and says 'not heard' only without one", async () => {
    const a = await setup();
    await a.send(1, "2026-10-05");
    // Letter 1 gave until 21 October (14 + 2 postal days): letter 2 goes after it.
    const silent = await a.body((await a.send(2, "2026-10-22")).letterId);
    expect(silent).toContain("We have not heard from you since our letter of 5 October 2026.");

    const b = await setup();
    await b.send(1, "2026-10-05");
    await b.contact("reply_email", "2026-10-07");
    const answered = await b.body((await b.send(2, "2026-10-22")).letterId);
    expect(answered).not.toContain("not heard from you");
    expect(answered).toContain("We refer to your reply of 7 October 2026.");
    expect(answered).toContain("7 October 2026: your email received");
    expect(answered).toContain("5 October 2026: our letter 1 (first reminder) sent by post");
  });

  it("the law settings can require a logged reminder or call before letter 1", async () => {
    const a = await setup();
    await updateLawSettings(db, {
      orgId: a.org.id,
      actor: a.admin,
      input: lawSettingsSchema.parse({ contactBeforeLetter1: "yes" }),
    });
    await expect(a.send(1, "2026-10-05")).rejects.toMatchObject({
      message: expect.stringContaining("log a reminder or a call to the customer before the first letter"),
    });
    expect(await db.letter.count({ where: { orgId: a.org.id } })).toBe(0);
    await a.contact("call_no_answer", "2026-10-05");
    await expect(a.send(1, "2026-10-05")).resolves.toMatchObject({ stage: 1 });
  });
});

describe("letter 4", () => {
  it("claims no credit-bureau report and sends the customer to the agency, not to our account", async () => {
    const a = await setup({ language: "it", countryCode: "IT" });
    await saveBankAccount(db, { orgId: a.org.id, actor: a.admin, account: EUR_ACCOUNT });
    await a.send(1, "2026-10-05");
    // Each letter after the previous one's deadline (Italy: 14 + 3 postal days).
    await a.send(2, "2026-10-23");
    const third = await a.send(3, "2026-11-10");
    const letter3 = await db.letter.findUniqueOrThrow({ where: { id: third.letterId } });
    expect(letter3.subject).toBe("Ultimo sollecito e costituzione in mora");
    expect(letter3.registeredMail).toBe(true); // messa in mora travels by raccomandata A/R
    expect(letter3.body).toContain("NO20 8601 1117 955");
    await recordHandoff(db, {
      ...a.account,
      actor: a.collector,
      agency: "Recupero Crediti Srl",
      reference: "RC-77",
      agencyContact: "02 1234 5678, pratiche@recupero.example",
      agencyPaymentDetails: "IBAN IT60 X054 2811 1010 0000 0123 456",
      // Letter 3's deadline is 27 November: 14 days plus Italy's postal days (lib/law).
      handedOverOn: "2026-11-28",
      amount: "1250",
      now: at("2026-11-28"),
    });
    const sent = await a.send(4, "2026-11-28");
    const body = await a.body(sent.letterId);
    expect(body).not.toMatch(/centrale rischi|segnalat|credit bureau/i);
    for (const s of [
      "Recupero Crediti Srl",
      "RC-77",
      "pratiche@recupero.example",
      "IT60 X054 2811 1010 0000 0123 456",
      "e non a noi",
    ])
      expect(body).toContain(s);
    expect(body).not.toContain("NO20 8601 1117 955");
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect((letter.letterhead as { paymentInstructions: string }).paymentInstructions).toBe("");
  });
});

describe("bank accounts", () => {
  it("an admin removes a currency's account as the app's role (a letter then names none), audited", async () => {
    const a = await setup({ countryCode: "US" });
    await saveBankAccount(db, { orgId: a.org.id, actor: a.admin, account: EUR_ACCOUNT });
    await saveBankAccount(db, { orgId: a.org.id, actor: a.admin, account: EUR_ACCOUNT, remove: true });
    expect(await db.orgBankAccount.count({ where: { orgId: a.org.id } })).toBe(0);
    const audits = await db.auditEvent.findMany({
      where: { orgId: a.org.id, kind: "bank_account.saved" },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((e) => (e.payload as { after: unknown }).after === null)).toEqual([false, true]);
    const body = await a.body((await a.send(1, "2026-10-05")).letterId);
    expect(body).not.toContain("NO20 8601 1117 955");
  });

  it("refuses a UK letter when no account in its currency is recorded, naming what to add; nothing is logged", async () => {
    const a = await setup({ countryCode: "GB" });
    await saveBankAccount(db, { orgId: a.org.id, actor: a.admin, account: EUR_ACCOUNT, remove: true });
    const counts = () =>
      Promise.all([
        db.letter.count({ where: { orgId: a.org.id } }),
        db.contactAttempt.count({ where: { orgId: a.org.id } }),
        db.auditEvent.count({ where: { orgId: a.org.id } }),
      ]);
    const before = await counts();
    // The preview warns ahead of the send, with the send's own words, and changes nothing.
    const preview = () => previewNextLetter(db, { ...a.account, now: at("2026-10-05") });
    const warned = (await preview()).refusals;
    expect(warned.post).toMatch(/no bank account in EUR is recorded .*Settings, Letterhead, Bank accounts/);
    expect(warned.email).toBe(warned.post);
    await expect(a.send(1, "2026-10-05")).rejects.toMatchObject({
      code: "CONFLICT",
      message: warned.post,
    });
    expect(await counts()).toEqual(before);
    // With the account recorded again, the preview has nothing to warn of and the same letter goes and names it.
    await saveBankAccount(db, { orgId: a.org.id, actor: a.admin, account: EUR_ACCOUNT });
    expect((await preview()).refusals).toEqual({ post: null, email: null });
    expect(await a.body((await a.send(1, "2026-10-05")).letterId)).toContain("NO20 8601 1117 955");
  });
});

describe("invoice copies", () => {
  async function invoicePdf(text: string) {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).drawText(text, { x: 20, y: 150, size: 12 });
    return doc.save();
  }

  it("stores a PDF once by its hash, never changes it, encloses it with the letter, the email and the print run", async () => {
    const a = await setup();
    const bytes = await invoicePdf("COPY OF THE INVOICE");
    await expect(
      attachInvoicePdf(db, {
        orgId: a.org.id,
        actor: { ...a.collector, role: "VIEWER" },
        invoiceId: a.invoice.id,
        fileName: "x.pdf",
        bytes,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      attachInvoicePdf(db, {
        orgId: a.org.id,
        actor: a.collector,
        invoiceId: a.invoice.id,
        fileName: "x.pdf",
        bytes: new TextEncoder().encode("<svg/>"),
      }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    const other = await createOrg(db);
    await expect(
      db.$transaction((tx) =>
        storeInvoicePdf(tx, { orgId: other.id, userId: null, invoiceId: a.invoice.id, fileName: "x.pdf", bytes }),
      ),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const { sha256 } = await attachInvoicePdf(db, {
      orgId: a.org.id,
      actor: a.collector,
      invoiceId: a.invoice.id,
      fileName: "inv.pdf",
      bytes,
    });
    await attachInvoicePdf(db, {
      orgId: a.org.id,
      actor: a.collector,
      invoiceId: a.invoice.id,
      fileName: "again.pdf",
      bytes,
    });
    expect(await db.invoiceFile.count({ where: { orgId: a.org.id } })).toBe(1);
    // Twice refused: the app's role has no UPDATE on it (lib/db/app-role.ts), and the trigger refuses even the owner.
    await expect(
      db.invoiceFile.update({
        where: { orgId_sha256: { orgId: a.org.id, sha256 } },
        data: { fileName: "changed.pdf" },
      }),
    ).rejects.toThrow(/permission denied for table invoice_files/);
    await expect(
      ownerConnection((c) => c.query("UPDATE invoice_files SET file_name = 'changed.pdf' WHERE sha256 = $1", [sha256])),
    ).rejects.toThrow(/immutable/);
    expect(await db.auditEvent.count({ where: { orgId: a.org.id, kind: "invoice.pdf_attached" } })).toBe(2);

    const sent = await a.send(1, "2026-10-05");
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.enclosures).toEqual([{ invoiceNumber: a.invoice.number, sha256 }]);
    expect(letter.body.replace(/\s+/g, " ")).toContain(`Enclosed: a copy of invoice ${a.invoice.number}.`);
    const pdf = await getLetterPdf(db, { orgId: a.org.id, letterId: sent.letterId });
    const pages = (await pdfToText(pdf.pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain("COPY OF THE INVOICE");
    const run = await printLetters(db, { orgId: a.org.id, timeZone: "Europe/Oslo", day: "2026-10-05" });
    expect(flatText(await pdfToText(run.pdf))).toContain("COPY OF THE INVOICE");
  });

  it("offers a copy on request when the invoice has no PDF", async () => {
    const a = await setup();
    const sent = await a.send(1, "2026-10-05");
    expect(await a.body(sent.letterId)).toContain(
      `If you need a copy of invoice ${a.invoice.number}, we will send it on request.`,
    );
  });
});

describe("data is never read as a template", () => {
  it("prints an invoice number like INV-{{nope}} literally, in the preview and the sent letter", async () => {
    const a = await setup({ number: "INV-{{nope}}-$&" });
    const preview = await previewNextLetter(db, { ...a.account, now: at("2026-10-05") });
    expect(preview.letter?.body).toContain("INV-{{nope}}-$&");
    const sent = await a.send(1, "2026-10-05");
    expect(await a.body(sent.letterId)).toContain("INV-{{nope}}-$&");
  });
});
