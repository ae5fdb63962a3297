import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { saveBankAccount } from "@/lib/documents/bank-accounts";
import { getLetterPdf } from "@/lib/documents/get-letter-pdf";
import { type LetterheadFields, sniffLogo, updateLetterhead } from "@/lib/documents/update-letterhead";
import { saveLetterTemplate, templateInForce } from "@/lib/letters/letter-templates";
import { previewTemplate } from "@/lib/letters/preview-template";
import { sendNextLetter } from "@/lib/letters/send-next-letter";
import { defaultDraft } from "@/lib/letters/validate-template";
import { instantAt } from "@/lib/time/instants";
import { flatText, pdfImageCount, pdfToText } from "@/tests/pdf-text";
import { useTestDb } from "./db";
import { createCustomer, createInvoice, createOrg, createUser } from "./factories";

const db = useTestDb();
const at = (day: string) => instantAt(day, "10:00", "Europe/Oslo");

function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function setup(language: "en" | "it" | "nb" = "en") {
  const org = await createOrg(db);
  const admin = await createUser(db, org.id, "ADMIN");
  const collector = await createUser(db, org.id, "COLLECTOR");
  const customer = await createCustomer(db, org.id, { language, currency: "EUR" });
  await createInvoice(db, customer, { amountMinor: 125000, dueDate: "2026-11-01", issueDate: "2026-10-02" });
  return {
    org,
    admin: { userId: admin.id, role: "ADMIN" as const },
    collector: { userId: collector.id, role: "COLLECTOR" as const },
    customer,
    account: { orgId: org.id, customerId: customer.id, currency: "EUR" },
  };
}

const fields = (over: Partial<LetterheadFields> = {}): LetterheadFields => ({
  name: "Fjord Fakturering AS",
  addressLine1: "Kaigata 7",
  addressLine2: "",
  postalCode: "5003",
  city: "Bergen",
  country: "Norway",
  phone: "+47 55 00 00 00",
  email: "innkreving@fjord.example",
  website: "fjord.example",
  registrationNumber: "912 345 678",
  vatNumber: "NO912345678MVA",
  paymentInstructions: "Kontonummer 1234.56.78903, KID på fakturaen.",
  ...over,
});

describe("letterhead", () => {
  it("accepts PNG and JPEG by their bytes only, and refuses SVG and files over 512 KB", () => {
    expect(sniffLogo(png(2, 2, [0, 0, 0]))).toEqual({ contentType: "image/png" });
    expect(sniffLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toEqual({ contentType: "image/jpeg" });
    expect(
      sniffLogo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    ).toMatchObject({ error: expect.stringContaining("PNG or JPEG") });
    const big = new Uint8Array(512 * 1024 + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(sniffLogo(big)).toMatchObject({ error: expect.stringContaining("limit is 512 KB") });
  });

  it("heads every letter; an old letter keeps the letterhead and logo it was sent with", async () => {
    const { org, admin, collector, account } = await setup("nb");
    await expect(updateLetterhead(db, { orgId: org.id, actor: collector, fields: fields() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const first = await updateLetterhead(db, {
      orgId: org.id,
      actor: admin,
      fields: fields(),
      logo: png(120, 40, [20, 80, 200]),
    });
    // The letter's currency picks the bank account; the footer prints it.
    await saveBankAccount(db, {
      orgId: org.id,
      actor: admin,
      account: {
        currency: "EUR",
        bankName: "Sparebanken Vest",
        iban: "NO12 3201 1234 567",
        bic: "SPAVNOBB",
        accountNumber: "",
        usesKid: false,
      },
    });
    await saveBankAccount(db, {
      orgId: org.id,
      actor: admin,
      account: { currency: "NOK", bankName: "DNB", iban: "", bic: "", accountNumber: "1234 56 78903", usesKid: true },
    });
    const sent = await sendNextLetter(db, { ...account, actor: collector, stage: 1, now: at("2026-11-05") });
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.letterhead).toMatchObject({
      name: "Fjord Fakturering AS",
      logoSha256: first.logoSha256,
      paymentInstructions: "Sparebanken Vest · IBAN NO12 3201 1234 567 · BIC SPAVNOBB",
    });
    expect(letter.body).not.toContain("1234 56 78903"); // the NOK account is not this letter's

    const before = await getLetterPdf(db, { orgId: org.id, letterId: sent.letterId });
    const text = flatText(await pdfToText(before.pdf));
    for (const s of [
      "Fjord Fakturering AS",
      "Kaigata 7",
      "+47 55 00 00 00",
      "innkreving@fjord.example",
      "Betal til IBAN NO12 3201 1234 567, BIC SPAVNOBB (Sparebanken Vest).",
      "Kontonummer 1234.56.78903, KID på fakturaen.", // other payment methods, as the organization wrote them
    ])
      expect(text).toContain(s);
    expect(await pdfImageCount(before.pdf)).toBe(1);

    // The organization moves and changes its logo: the stored letter's PDF does not change.
    await updateLetterhead(db, {
      orgId: org.id,
      actor: admin,
      fields: fields({ name: "Fjord Finans AS", addressLine1: "Nygata 1" }),
      logo: png(60, 60, [200, 0, 0]),
    });
    const after = await getLetterPdf(db, { orgId: org.id, letterId: sent.letterId });
    expect(Buffer.from(after.pdf).equals(Buffer.from(before.pdf))).toBe(true);

    // Another organization cannot fetch it.
    const other = await createOrg(db);
    await expect(getLetterPdf(db, { orgId: other.id, letterId: sent.letterId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("edited letter templates", () => {
  it("refuses an incomplete template naming what is missing, and only admins may save", async () => {
    const { org, admin, collector } = await setup();
    const draft = {
      ...defaultDraft("en", 2),
      paragraphs: defaultDraft("en", 2).paragraphs.filter((p) => p !== "{{invoiceTable}}" && !/payment plan/.test(p)),
    };
    await expect(
      saveLetterTemplate(db, { orgId: org.id, actor: admin, language: "en", stage: 2, draft }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/invoice table.*payment plan/) });
    await expect(
      saveLetterTemplate(db, {
        orgId: org.id,
        actor: collector,
        language: "en",
        stage: 2,
        draft: defaultDraft("en", 2),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await db.letterTemplateVersion.count({ where: { orgId: org.id } })).toBe(0);
  });

  it("uses the newest saved version for the next letter, previews it on a real account, and can go back to the default", async () => {
    const { org, admin, collector, account, customer } = await setup("it");
    const base = defaultDraft("it", 1);
    const draft = {
      ...base,
      paragraphs: [
        "Ci risulta un saldo aperto di {{totalDue}}: Vi preghiamo di provvedere entro {{deadline}}.",
        ...base.paragraphs.slice(1),
      ],
    };
    const preview = await previewTemplate(db, {
      orgId: org.id,
      language: "it",
      stage: 1,
      draft,
      now: at("2026-11-05"),
    });
    expect(preview.customerName).toBe(customer.name);
    expect(preview.body).toContain(
      "Ci risulta un saldo aperto di 1.250,00 EUR: Vi preghiamo di provvedere entro il 19 novembre 2026.",
    );

    await saveLetterTemplate(db, { orgId: org.id, actor: admin, language: "it", stage: 1, draft });
    expect((await templateInForce(db, { orgId: org.id, language: "it", stage: 1 })).versionId).not.toBeNull();
    const sent = await sendNextLetter(db, { ...account, actor: collector, stage: 1, now: at("2026-11-05") });
    const letter = await db.letter.findUniqueOrThrow({ where: { id: sent.letterId } });
    expect(letter.body).toContain("Ci risulta un saldo aperto di 1.250,00 EUR");
    expect(letter.body.split("al numero +47 22 00 00 00").length).toBe(2); // the contact line once, not twice

    await saveLetterTemplate(db, { orgId: org.id, actor: admin, language: "it", stage: 1, draft: null });
    const inForce = await templateInForce(db, { orgId: org.id, language: "it", stage: 1 });
    expect(inForce.versionId).toBeNull();
    expect(inForce.draft).toEqual(defaultDraft("it", 1));
    expect(await db.letterTemplateVersion.count({ where: { orgId: org.id } })).toBe(2);
  });
});
