import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

// UK Pre-Action Protocol for Debt Claims: the letter of claim (the GB letter before
// action, letter 3) to an individual or a sole trader encloses the Protocol's
// Information Sheet and Reply Form, printed as pages after the letter from the
// snapshot stored on the letter row; a company gets neither.

const db = useTestDb();
const at = (day: string) => instantAt(day, "10:00", "Europe/London");

async function sendLetterOfClaim(type: "sole_trader" | "business") {
  const org = await createOrg(db, { timeZone: "Europe/London" });
  await db.organization.update({
    where: { id: org.id },
    data: {
      countryCode: "GB",
      name: "Harbour Supplies Ltd",
      addressLine1: "1 Quay Street",
      postalCode: "BS1 4DJ",
      city: "Bristol",
      country: "United Kingdom",
    },
  });
  const actor = { userId: (await createUser(db, org.id, "ADMIN")).id, role: "ADMIN" as const };
  // A UK letter names the account to pay into (issue 25).
  await db.orgBankAccount.create({
    data: {
      orgId: org.id,
      currency: "GBP",
      bankName: "Barclays",
      iban: "GB33 BUKB 2020 1555 5555 55",
      bic: "BUKBGB22",
    },
  });
  // The Protocol's 30 days to reply: the letter before action's deadline must give them.
  await db.collectionPolicy.upsert({
    where: { orgId: org.id },
    create: { orgId: org.id, deadlineDays3: 30 },
    update: { deadlineDays3: 30 },
  });
  const customer = await createCustomer(db, org.id, {
    currency: "GBP",
    countryCode: "GB",
    type,
    name: "Sam Carter Plumbing",
  });
  await createInvoice(db, customer, {
    amountMinor: 84_000,
    issueDate: "2026-09-01",
    dueDate: "2026-10-01",
    number: "HS-1042",
  });
  const account = { orgId: org.id, customerId: customer.id, currency: "GBP", actor };
  await sendNextLetter(db, { ...account, stage: 1, now: at("2026-10-05") });
  // Each letter after the previous one's deadline (14 + 2 postal days, off the weekend).
  await sendNextLetter(db, { ...account, stage: 2, now: at("2026-10-22") });
  const third = await sendNextLetter(db, { ...account, stage: 3, now: at("2026-11-10") });
  const letter = await db.letter.findUniqueOrThrow({ where: { id: third.letterId } });
  const { pdf } = await getLetterPdf(db, { orgId: org.id, letterId: letter.id });
  return { letter, pdf, text: flatText(await pdfToText(pdf)), pages: (await PDFDocument.load(pdf)).getPageCount() };
}

describe("Pre-Action Protocol for Debt Claims forms", () => {
  it("a sole trader's letter of claim lists and carries the Information Sheet and Reply Form, filled in", async () => {
    const claim = await sendLetterOfClaim("sole_trader");
    expect(claim.letter.body.replace(/\s+/g, " ")).toContain(
      "Enclosed with this letter are the Protocol's Information Sheet and Reply Form (Annex 1).",
    );
    expect(claim.letter.protocolForms).toMatchObject({
      version: "GB-PAP-DEBT-2017-10-01/summary-1",
      creditor: { name: "Harbour Supplies Ltd", address: ["1 Quay Street", "BRISTOL", "BS1 4DJ"] },
      debtor: { name: "Sam Carter Plumbing" },
      invoices: ["HS-1042"],
    });
    const forms = claim.letter.protocolForms as { amountClaimed: string; replyBy: string };
    for (const s of [
      "Information Sheet",
      "Reply Form",
      "Pre-Action Protocol for Debt Claims (in force 2017-10-01), Annex 1",
      `Harbour Supplies Ltd says that you owe it ${forms.amountClaimed}`,
      `Reply within 30 days of the date of the letter, that is by ${forms.replyBy}`,
      "I agree that I owe the debt and the amount claimed.",
      "I agree that I owe the debt, but not the amount claimed.",
      "I do not know whether I owe the debt.",
      "I dispute the debt.",
      "I enclose a completed financial statement",
      "I am getting debt advice from",
      "Return this form by",
      "HS-1042",
    ])
      expect(claim.text).toContain(s);
    // The letter, then at least one page each for the sheet and the form.
    expect(claim.pages).toBeGreaterThanOrEqual(3);
  });

  it("a company's letter before action has no Protocol forms", async () => {
    const claim = await sendLetterOfClaim("business");
    expect(claim.letter.protocolForms).toBeNull();
    expect(claim.text).not.toContain("Reply Form");
    expect(claim.text).not.toContain("Pre-Action Protocol");
  });
});
