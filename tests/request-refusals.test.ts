import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/run-action";
import { logContactAction } from "@/lib/collections/actions";
import { CONTACT_TYPES } from "@/lib/collections/contact-types";
import { updateLetterheadAction } from "@/lib/documents/actions";
import { getImportOrThrow } from "@/lib/imports/get-import";
import { attachInvoicePdfAction } from "@/lib/invoices/actions";
import { proxy } from "@/proxy";
import { actionContextFor } from "./action-context";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";
import { largePng, paddedPdf } from "./fixtures/hostile-files";

// Issue 14, items 12 and 13: each of these got a bare 500.
const db = useTestDb();

describe("answers instead of a 500", () => {
  it("refuses a server action posted from another site with 403", () => {
    const response = proxy(
      new NextRequest("http://localhost:3000/worklist", {
        method: "POST",
        headers: { origin: "https://evil.example", host: "localhost:3000", "next-action": "abc123" },
      }),
    );
    expect(response.status).toBe(403);
  });

  it("refuses a NUL byte in the address with 400", () => {
    expect(proxy(new NextRequest("http://localhost:3000/worklist?q=a%00b")).status).toBe(400);
  });

  it("refuses a NUL byte in a form field with a reason, changing nothing", async () => {
    const org = await createOrg(db);
    const user = await createUser(db, org.id, "COLLECTOR");
    const customer = await createCustomer(db, org.id, { name: "Beta SpA", currency: "EUR" });
    const result = await runAction(logContactAction, await actionContextFor(db, user.id), {
      customerId: customer.id,
      type: Object.keys(CONTACT_TYPES)[0],
      occurredOn: "2026-11-02",
      time: "10:00",
      note: "called\u0000back",
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringContaining("NUL") });
    expect(await db.contactAttempt.count({ where: { customerId: customer.id } })).toBe(0);
  });

  it("says an import with an id that is not a uuid was not found", async () => {
    const org = await createOrg(db);
    await expect(getImportOrThrow(db, { orgId: org.id, importId: "not-a-uuid" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("accepts an invoice PDF up to the documented 5 MB and refuses a larger one saying so (issue 22, 11)", async () => {
    const org = await createOrg(db);
    const collector = await createUser(db, org.id, "COLLECTOR");
    const ctx = await actionContextFor(db, collector.id);
    const customer = await createCustomer(db, org.id);
    const invoice = await createInvoice(db, customer, { amountMinor: 100, dueDate: "2026-10-01" });
    const file = async (bytes: number) =>
      new File([Buffer.from(await paddedPdf(bytes))], "invoice.pdf", { type: "application/pdf" });
    expect(
      await runAction(attachInvoicePdfAction, ctx, { invoiceId: invoice.id, file: await file(1024 * 1024) }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      await runAction(attachInvoicePdfAction, ctx, { invoiceId: invoice.id, file: await file(5 * 1024 * 1024 + 1) }),
    ).toMatchObject({ ok: false, code: "TOO_LARGE", message: expect.stringContaining("the limit is 5 MB") });
  }, 60_000);

  it("accepts a logo up to the documented 512 KB and refuses a larger one with a clear message", async () => {
    const org = await createOrg(db);
    const admin = await createUser(db, org.id, "ADMIN");
    const ctx = await actionContextFor(db, admin.id);
    // A real 300 x 100 PNG (the logo is decoded in the sandbox), padded to the size asked for.
    const png = (bytes: number) =>
      new File([largePng(300, 100, { padBytes: bytes })], "logo.png", { type: "image/png" });
    const fields = {
      name: "Aurora Components AS",
      addressLine1: "Akersgata 32",
      addressLine2: "",
      postalCode: "0180",
      city: "Oslo",
      region: "",
      country: "Norway",
      phone: "+47 22 00 45 00",
      email: "ar@aurora.example",
      website: "aurora.example",
      registrationNumber: "923 456 789",
      vatNumber: "NO 923 456 789 MVA",
      paymentInstructions: "Bank transfer to IBAN NO93 8601 1117 947.",
    };
    expect(await runAction(updateLetterheadAction, ctx, { ...fields, logo: png(100_000) })).toMatchObject({ ok: true });
    expect(await runAction(updateLetterheadAction, ctx, { ...fields, logo: png(2 * 1024 * 1024) })).toMatchObject({
      ok: false,
      message: "The file is 2 MB; the limit is 512 KB.",
    });
  });
});
