import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/generated/prisma/enums";
import type { ProfileId } from "@/lib/law/profile";
import { renderLetter } from "@/lib/letters/render";
import { letterFormat } from "@/lib/locale/letter-format";
import { flatText, pdfFonts, pdfToText } from "@/tests/pdf-text";
import { sampleLetterInput, sampleStoredLetter } from "@/tooling/demo/sample-letter";
import { renderLetterPdf, renderLettersPdf } from "./render-letter-pdf";

// What a reader finds in the printed letter, for every stage x language x country
// profile: the stage's elements, the profile's formal wording, the customer's formats,
// and none of the claims no record backs (the text as pdftotext extracts it).

const PROFILES: ProfileId[] = ["NO", "IT", "GB", "US"];
const UNRECORDED =
  /credit bureau|centrale rischi|kredittopplysning|segnalat|reported to|invoice issued|fattura emessa|faktura utstedt/i;
const PAGE: Record<Language, string> = { en: "Page 1/1", it: "Pagina 1/1", nb: "Side 1/1" };
const REGISTERED = /REGISTERED MAIL|RACCOMANDATA A\.R\.|REKOMMANDERT/;

/** The words each stage must carry, by language; letter 3 carries its profile's formal notice. */
const STAGE: Record<Language, Record<1 | 2 | 4, string[]>> = {
  en: { 1: ["payment plan", "47 days past due"], 2: ["payment plan", "not heard from you"], 4: ["not to us"] },
  it: { 1: ["piano di pagamento", "47 giorni"], 2: ["piano di pagamento", "alcun riscontro"], 4: ["e non a noi"] },
  nb: { 1: ["betalingsplan", "47 dager"], 2: ["betalingsplan", "ikke hørt fra dere"], 4: ["ikke til oss"] },
};
const NOTICE: Record<ProfileId, Record<Language, string[]>> = {
  NO: {
    en: ["Debt collection notice (inkassovarsel)", "sent to debt collection", "inkassoloven"],
    it: ["recupero crediti (inkassovarsel)", "inkassoloven"],
    nb: ["Inkassovarsel", "oversendt til inkasso, og det kan påløpe omkostninger"],
  },
  IT: {
    en: ["messa in mora", "article 1219", "registered post with return receipt (raccomandata A/R)"],
    it: ["Ultimo sollecito e costituzione in mora", "art. 1219 c.c.", "a mezzo raccomandata A/R"],
    nb: ["messa in mora", "1219", "rekommandert med mottaksbevis (raccomandata A/R)"],
  },
  GB: { en: ["Letter before action", "solicitors"], it: ["letter before action", "solicitors"], nb: ["solicitors"] },
  US: { en: ["Final demand", "collection agency"], it: ["recupero crediti"], nb: ["inkassobyrå"] },
};

/** A Norwegian business letter 3 with interest, fees and standardkompensasjon on `invoices` invoices. */
function letterWithCharges(invoices: number) {
  const input = sampleLetterInput("nb", 3, "NO");
  const base = input.invoices;
  input.invoices = Array.from({ length: invoices }, (_, i) => ({
    ...base[i % base.length],
    invoiceId: `i${i}`,
    number: `INV-${101 + i}`,
  }));
  input.charges = input.invoices.flatMap((inv) => [
    {
      kind: "interest" as const,
      invoiceNumber: inv.number,
      amountMinor: 1932,
      currency: "NOK",
      ratePercent: "12.00",
      fromDate: inv.dueDate,
      toDate: "2026-04-02",
      basis: "forsinkelsesrenteloven § 3",
    },
    {
      kind: "compensation" as const,
      invoiceNumber: inv.number,
      amountMinor: 42500,
      currency: "NOK",
      ratePercent: null,
      fromDate: null,
      toDate: null,
      basis: "forsinkelsesrenteloven § 3a",
    },
  ]);
  input.charges.push({ ...input.charges[1], kind: "reminder_fee", invoiceNumber: null, amountMinor: 3500 });
  const { subject, body } = renderLetter(input);
  return { ...sampleStoredLetter("nb", 3, `charges-${invoices}`, "NO"), subject, body };
}

describe("a letter with charges", () => {
  it("fits the customer's copy on one page with two invoices and five charge lines", async () => {
    const pdf = await renderLetterPdf(letterWithCharges(2));
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const text = flatText(await pdfToText(pdf));
    expect(text).toContain("Fakturaer: kr 1 450,50 Tillegg:");
    expect(text).toContain("Med vennlig hilsen");
  });

  it("breaks cleanly when it cannot fit: whole charge rows, the closing paragraph with the sign-off", async () => {
    const pdf = await renderLetterPdf(letterWithCharges(6));
    const pages = (await pdfToText(pdf)).split("\f").filter((p) => p.trim());
    expect(pages.length).toBe(2);
    const last = flatText(pages[1]);
    expect(last).toContain("Aurora Components AS · Inkassovarsel"); // the running header
    expect(last).toContain("Har dere spørsmål");
    expect(last).toContain("Med vennlig hilsen Colin Collector");
    // No charge row is split: each interest line's period stays on the page of its invoice number.
    for (const page of pages.map(flatText))
      for (const m of page.matchAll(/faktura (INV-\d+), 12,00 % p\.a\.,/g))
        expect(page.slice(m.index, m.index + 120)).toMatch(/\d{2}\.\d{2}\.\d{4}–02\.04\.2026/);
  });
});

describe("renderLetterPdf", () => {
  for (const profile of PROFILES)
    for (const language of ["en", "it", "nb"] as const)
      for (const stage of [1, 2, 3, 4] as const)
        it(`${profile} customer, ${language}, letter ${stage}: its elements in print, nothing unrecorded, one page`, async () => {
          const input = sampleLetterInput(language, stage, profile);
          const pdf = await renderLetterPdf(
            sampleStoredLetter(language, stage, `s-${profile}-${language}-${stage}`, profile),
          );
          expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
          const raw = await pdfToText(pdf);
          const text = flatText(raw);
          const format = letterFormat(language, input.locale);
          const must = [
            "Aurora Components AS",
            "Org.nr. 923 456 789 MVA", // the sender is Norwegian: org.nr. on its letterhead
            input.customer.name,
            "INV-101",
            "INV-104",
            flatText(format.money(145050, input.currency)),
            format.date(input.deadline),
            "ar@aurora.example",
            PAGE[language],
            ...(stage === 3 ? NOTICE[profile][language] : STAGE[language][stage]),
            ...(stage === 4 ? ["Nordic Recovery AS", "NR-5531", "post@nordicrecovery.example"] : [input.bank!.iban]),
          ];
          for (const expected of must) expect(text, expected).toContain(expected);
          // Phone numbers never break across lines.
          expect(raw).toContain("+47 22 00 45 00");
          expect(text).not.toMatch(UNRECORDED);
          expect(text).not.toContain("…"); // nothing cut off, the footer included
          if (profile === "NO" || profile === "GB") expect(text).not.toMatch(/attorney|without further notice/i);
          const registered = stage === 4 || (stage === 3 && profile === "IT");
          if (registered) expect(text).toMatch(REGISTERED);
          else expect(text).not.toMatch(REGISTERED);
          if (stage === 4) expect(text).not.toContain(input.bank!.iban); // payment goes to the agency
        });

  it("keeps the closing with the signature when a letter runs over a page", async () => {
    const base = sampleStoredLetter("en", 2);
    const blocks = base.body.split("\n\n");
    // Lengthen the letter until its closing no longer fits on page 1.
    for (let extra = 10; extra < 40; extra++) {
      const body = [
        ...blocks.slice(0, -2),
        ...Array.from({ length: extra }, (_, i) => `Filler line ${i + 1}.`),
        ...blocks.slice(-2),
      ].join("\n\n");
      const pages = (await pdfToText(await renderLetterPdf({ ...base, body }))).split("\f").filter((p) => p.trim());
      if (pages.length < 2) continue;
      const last = pages.at(-1)!;
      expect(last).toContain("Yours sincerely,");
      expect(last).toContain("If you have any questions");
      expect(pages[0]).not.toContain("Yours sincerely,");
      return;
    }
    throw new Error("the letter never ran over a page");
  });

  it("encloses invoice copies after the letter, page for page", async () => {
    const copy = await PDFDocument.create();
    copy.addPage([300, 300]).drawText("INVOICE COPY INV-101", { x: 20, y: 150, size: 12 });
    copy.addPage([300, 300]).drawText("PAGE TWO OF THE COPY", { x: 20, y: 150, size: 12 });
    const pdf = await renderLetterPdf(sampleStoredLetter("en", 1), null, [await copy.save()]);
    const pages = (await pdfToText(pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    expect(pages[0]).toContain("Enclosed: a copy of invoice INV-101");
    expect(pages[1]).toContain("INVOICE COPY INV-101");
    expect(pages[2]).toContain("PAGE TWO OF THE COPY");
  });

  it("is a pure function of the stored letter: rendering twice gives the same bytes", async () => {
    const letter = sampleStoredLetter("nb", 3);
    const [a, b] = [await renderLetterPdf(letter), await renderLetterPdf(letter)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it("embeds its fonts, so æ ø å é € and quotes print on any machine", async () => {
    const base = sampleStoredLetter("nb", 1);
    const subject = "Påminnelse € 100 «é» “q”";
    const letter = { ...base, subject, body: base.body.replace(base.subject, subject) };
    const pdf = await renderLetterPdf(letter);
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) expect(font).toMatchObject({ embedded: true, unicode: true });
    expect(flatText(await pdfToText(pdf))).toContain("Påminnelse € 100 «é» “q”");
  });

  it("continues a long letter on further A4 pages with page numbers", async () => {
    const base = sampleStoredLetter("en", 3);
    const long = {
      ...base,
      body:
        base.body +
        "\n\n" +
        Array.from({ length: 60 }, (_, i) => `Extra paragraph ${i + 1} of a long letter.`).join("\n\n"),
    };
    const text = await pdfToText(await renderLetterPdf(long));
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1}/${pages.length}`));
    expect(flatText(text)).toContain("Extra paragraph 60 of a long letter.");
  });

  it("renders letters sent before letterhead snapshots from their stored body alone", async () => {
    const letter = { ...sampleStoredLetter("it", 2), letterhead: null };
    const text = flatText(await pdfToText(await renderLetterPdf(letter)));
    expect(text).toContain("Aurora Components AS");
    expect(text).toContain("Secondo sollecito di pagamento");
  });

  it("puts many letters in one PDF, each on its own sheet, and reports progress", async () => {
    const letters = [sampleStoredLetter("en", 1), sampleStoredLetter("it", 4), sampleStoredLetter("nb", 2)];
    const progress: number[] = [];
    const pdf = await renderLettersPdf(letters, () => null, {
      title: "Print",
      date: new Date(0),
      duplex: true,
      onProgress: (done) => void progress.push(done),
    });
    expect(progress).toEqual([1, 2, 3]);
    const pages = (await pdfToText(pdf)).split("\f").filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    expect(pages[1]).toContain("RACCOMANDATA A.R.");
  });
});
