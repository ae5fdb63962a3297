import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/generated/prisma/enums";
import { flatText, pdfToText } from "@/lib/documents/pdf-text";
import { lettersToPost, printLetters } from "@/lib/documents/print-todays-letters";
import { sampleStoredLetter } from "@/lib/documents/sample-letter";
import type { Stage } from "@/lib/letters/template-types";
import { instantAt } from "@/lib/time/instants";
import { useTestDb } from "./db";
import { createCustomer, createOrg } from "./factories";

const db = useTestDb();

async function storeLetter(orgId: string, name: string, language: Language, stage: Stage, sentAt: Date, opts: { emailed?: boolean } = {}) {
  const customer = await createCustomer(db, orgId, { name, language, currency: "EUR" });
  const theCase = await db.collectionCase.create({ data: { orgId, customerId: customer.id, currency: "EUR" } });
  const sample = sampleStoredLetter(language, stage);
  const letter = await db.letter.create({
    data: {
      orgId, customerId: customer.id, caseId: theCase.id, stage, language, currency: "EUR", subject: sample.subject, body: sample.body,
      invoices: [], totalDueMinor: 145050n, deadlineDate: new Date("2026-04-16"), registeredMail: stage === 4, contentSha256: sample.contentSha256,
      letterhead: sample.letterhead as object, sentAt,
    },
  });
  if (opts.emailed) await db.letterDelivery.create({ data: { orgId, letterId: letter.id, customerId: customer.id, recipient: "ap@customer.example" } });
  return letter;
}

describe("print today's letters", () => {
  it("puts every letter posted today in one PDF, a sheet each, letter 4 marked for registered mail", async () => {
    const org = await createOrg(db);
    const day = "2026-04-02";
    const at = (time: string, d = day) => instantAt(d, time, "Europe/Oslo");
    const post1 = await storeLetter(org.id, "Alfa AS", "nb", 1, at("09:00"));
    const emailed = await storeLetter(org.id, "Beta Srl", "it", 2, at("10:00"), { emailed: true });
    const registered = await storeLetter(org.id, "Gamma Ltd", "en", 4, at("23:59"), { emailed: true });
    const yesterday = await storeLetter(org.id, "Delta AS", "nb", 3, at("23:59", "2026-04-01"));
    const other = await createOrg(db);
    await storeLetter(other.id, "Other", "en", 1, at("12:00"));

    const posted = await lettersToPost(db, { orgId: org.id, timeZone: "Europe/Oslo", day });
    expect(posted.map((l) => l.id)).toEqual([post1.id, registered.id]);
    expect(posted.map((l) => l.id)).not.toContain(emailed.id);
    expect(posted.map((l) => l.id)).not.toContain(yesterday.id);

    const progress: number[] = [];
    const result = await printLetters(db, { orgId: org.id, timeZone: "Europe/Oslo", day, onProgress: (done) => void progress.push(done) });
    expect(result).toMatchObject({ letters: 2, registered: 1 });
    expect(progress).toEqual([1, 2]);
    const pages = (await pdfToText(result.pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(flatText(pages[0])).toContain("Betalingspåminnelse");
    expect(pages[0]).not.toContain("REGISTERED MAIL");
    expect(flatText(pages[1])).toContain("REGISTERED MAIL");
    expect(flatText(pages[1])).toContain("Final notice");
  });
});
