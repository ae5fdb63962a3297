import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/letters/template-types";
import { flatText, pdfFonts, pdfToText } from "@/tests/pdf-text";
import { sampleStoredLetter } from "@/tooling/demo/sample-letter";
import { renderLetterPdf, renderLettersPdf } from "./render-letter-pdf";

// What a reader finds in the printed letter, per language: the checklist of each
// stage (docs: COLLECTIONS.md) in that language's own date and money format.
const common: Record<Language, string[]> = {
  en: [
    "Aurora Components AS",
    "Akersgata 32",
    "Brightwater Supplies Ltd",
    "ATTN: Accounts Department",
    "Jane “JJ” Doe",
    "+47 22 00 45 00",
    "ar@aurora.example",
    "INV-101",
    "INV-104",
    "15 January 2026",
    "14 Feb 2026",
    "US$1,250.00",
    "US$200.50",
    "US$1,450.50",
    "16 April 2026",
    "Days past due",
    "Bank transfer to IBAN NO93 8601 1117 947",
  ],
  it: [
    "Aurora Components AS",
    "Akersgata 32",
    "Società Città Srl",
    "Alla c.a. dell'Ufficio Amministrazione",
    "Paola Rossi",
    "+47 22 00 45 00",
    "ar@aurora.example",
    "INV-101",
    "INV-104",
    "15 gennaio 2026",
    "14/02/2026",
    "1.250,00 EUR",
    "200,50 EUR",
    "1.450,50 EUR",
    "16 aprile 2026",
    "Giorni di ritardo",
    "Bank transfer to IBAN NO93 8601 1117 947",
  ],
  nb: [
    "Aurora Components AS",
    "Akersgata 32",
    "Bjørnstad & Ærø AS",
    "Att.: Regnskapsavdelingen",
    "Åse Bjørnstad",
    "+47 22 00 45 00",
    "ar@aurora.example",
    "INV-101",
    "INV-104",
    "15. januar 2026",
    "14.02.2026",
    "kr 1 250,00",
    "kr 200,50",
    "kr 1 450,50",
    "16. april 2026",
    "Dager over forfall",
    "Bank transfer to IBAN NO93 8601 1117 947",
  ],
};

const checklist: Record<Language, Record<Stage, string[]>> = {
  en: {
    1: [
      "47 days past due",
      "16 February 2026: email, sent",
      "18 February 2026: phone call, no answer",
      "What to do next",
      "error in our invoice",
      "payment plan",
      "never reached you",
    ],
    2: [
      "20 February 2026: letter 1 (first reminder) sent",
      "original due date of 14 February 2026",
      "47 days",
      "payment plan",
      "credit rating",
      "credit limits",
      "card over the phone",
      "cheque",
    ],
    3: [
      "20 February 2026: letter 1",
      "6 March 2026: letter 2",
      "collection agency",
      "attorney",
      "payment plan is agreed",
      "final request to get in touch",
    ],
    4: [
      "have not heard from you",
      "20 March 2026: letter 3",
      "Nordic Recovery AS",
      "NR-5531",
      "1 April 2026",
      "credit bureau",
      "registered mail",
      "REGISTERED MAIL",
    ],
  },
  it: {
    1: [
      "scadute da 47 giorni",
      "16 febbraio 2026: e-mail, inviata",
      "18 febbraio 2026: telefonata, nessuna risposta",
      "Come procedere",
      "contenga un errore",
      "piano di pagamento",
      "non Le sia pervenuta",
    ],
    2: [
      "20 febbraio 2026: invio del sollecito n. 1 (primo sollecito)",
      "scadenza originaria del 14 febbraio 2026",
      "47 giorni",
      "piano di pagamento",
      "merito creditizio",
      "limiti di fido",
      "carta di credito per telefono",
      "assegno",
    ],
    3: [
      "20 febbraio 2026: invio del sollecito n. 1",
      "6 marzo 2026: invio del sollecito n. 2",
      "recupero crediti",
      "legale",
      "piano di pagamento",
      "per l'ultima volta",
    ],
    4: [
      "Non abbiamo ricevuto alcun riscontro",
      "20 marzo 2026: invio del sollecito n. 3",
      "Nordic Recovery AS",
      "NR-5531",
      "1 aprile 2026",
      "centrale rischi",
      "raccomandata",
      "RACCOMANDATA A.R.",
    ],
  },
  nb: {
    1: [
      "47 dager over forfall",
      "16. februar 2026: e-post, sendt",
      "18. februar 2026: telefonsamtale, ikke besvart",
      "Slik går du frem",
      "inneholder en feil",
      "betalingsplan",
      "ikke kommet frem",
    ],
    2: [
      "20. februar 2026: purring 1 (første påminnelse) sendt",
      "opprinnelig forfallsdato 14. februar 2026",
      "47 dager",
      "betalingsplan",
      "kredittvurderingen",
      "kredittgrensene",
      "kort over telefon",
      "sjekk",
    ],
    3: [
      "20. februar 2026: purring 1",
      "6. mars 2026: purring 2",
      "inkassobyrå",
      "advokat",
      "betalingsplan er avtalt",
      "siste oppfordring",
    ],
    4: [
      "Vi har ikke hørt fra deg",
      "20. mars 2026: purring 3",
      "Nordic Recovery AS",
      "NR-5531",
      "1. april 2026",
      "kredittopplysningsbyrået",
      "rekommandert",
      "REKOMMANDERT",
    ],
  },
};

describe("renderLetterPdf", () => {
  for (const language of ["en", "it", "nb"] as const) {
    for (const stage of [1, 2, 3, 4] as const) {
      it(`letter ${stage} in ${language}: the printed text carries the stage's checklist in ${language} formats`, async () => {
        const pdf = await renderLetterPdf(sampleStoredLetter(language, stage));
        expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe("%PDF-");
        const text = flatText(await pdfToText(pdf));
        for (const expected of [...common[language], ...checklist[language][stage]]) expect(text).toContain(expected);
        if (stage !== 4) expect(text).not.toMatch(/REGISTERED MAIL|RACCOMANDATA A\.R\.|REKOMMANDERT/);
      });
    }
  }

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
    expect(text).toContain("Secondo sollecito");
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

  it("renders a letter PDF in under 100 ms", async () => {
    const letter = sampleStoredLetter("nb", 2);
    for (let i = 0; i < 3; i++) await renderLetterPdf(letter);
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      await renderLetterPdf(letter);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`letter PDF: median ${median.toFixed(1)} ms over ${times.length} renders`);
    expect(median).toBeLessThan(100);
  });
});
