import { describe, expect, it } from "vitest";
import type { ProfileId } from "@/lib/law/profile";
import type { Stage } from "@/lib/stages/stage";
import { sampleLetterInput } from "@/tooling/demo/sample-letter";
import { letterDeadline } from "./deadline";
import { type LetterContact, type LetterInput, renderLetter } from "./render";

const STAGES: Stage[] = [1, 2, 3, 4];
const LANGUAGES = ["en", "it", "nb"] as const;
const PROFILES: ProfileId[] = ["NO", "IT", "GB", "US"];

const input = (over: Partial<LetterInput> & { stage: Stage; language?: "en" | "it" | "nb"; profile?: ProfileId }) => {
  const base = sampleLetterInput(over.language ?? "en", over.stage, over.profile ?? "GB");
  return { ...base, ...over } as LetterInput;
};
const text = (i: LetterInput) => renderLetter(i).body.replace(/\s+/g, " ");

// Claims no record backs: a credit-bureau report (only an agency may make one, later, in
// Norway; Italy's Centrale Rischi takes reports from banks only) and "invoice issued" as a contact.
const UNRECORDED = /credit bureau|centrale rischi|kredittopplysning|segnalat|reported to|issued\b|emess[ao]\b|utstedt/i;
const HARSH = /\b(fail(ed)? to|immediately|deadbeat|threat|lawsuit|sue|shame|ignore[sd]?)\b/i;

describe("every stage x language x profile", () => {
  for (const profile of PROFILES)
    for (const language of LANGUAGES)
      for (const stage of STAGES)
        it(`${profile} ${language} letter ${stage}: its elements, nothing unrecorded`, () => {
          const i = input({ stage, language, profile });
          const { subject, body } = renderLetter(i);
          const flat = body.replace(/\s+/g, " ");
          for (const must of ["INV-101", "INV-104", "Aurora Components AS", "+47 22 00 45 00", "ar@aurora.example"])
            expect(flat, must).toContain(must);
          expect(flat).not.toMatch(UNRECORDED);
          expect(flat).not.toMatch(HARSH);
          expect(`${subject} ${body}`).not.toMatch(/\{\{|\}\}|undefined|NaN|null/);
          expect(flat).not.toMatch(/business days|within \d+ days|entro \d+ giorni|innen \d+ dager/i);
          if (stage < 4) {
            // Our account for the letter's currency, never on letter 4.
            expect(flat).toContain(i.bank!.iban);
          } else {
            expect(flat).not.toContain(i.bank!.iban);
            for (const must of ["Nordic Recovery AS", "NR-5531", "post@nordicrecovery.example", "1503 12 34567"])
              expect(flat, must).toContain(must);
          }
          if (profile === "NO" || profile === "GB") expect(flat).not.toMatch(/attorney|without further notice/i);
          if (language === "nb") expect(flat).not.toMatch(/uten (ytterligere|videre) varsel/i);
        });
});

describe("the formal notice of each profile (letter 3)", () => {
  it("Norway: the inkassovarsel heading, collection and costs", () => {
    const nb = renderLetter(input({ stage: 3, language: "nb", profile: "NO" }));
    expect(nb.subject).toBe("Inkassovarsel");
    expect(nb.body.replace(/\s+/g, " ")).toContain(
      "vil kravet bli oversendt til inkasso, og det kan påløpe omkostninger",
    );
    expect(text(input({ stage: 3, language: "en", profile: "NO" }))).toContain(
      "the claim will be sent to debt collection, and collection costs may be added",
    );
  });

  it("Italy: costituzione in mora under art. 1219 c.c., naming the method it is sent by (raccomandata A/R)", () => {
    const it_ = renderLetter(input({ stage: 3, language: "it", profile: "IT" }));
    expect(it_.subject).toBe("Ultimo sollecito e costituzione in mora");
    const flat = it_.body.replace(/\s+/g, " ");
    expect(flat).toContain("art. 1219 c.c., Vi costituiamo formalmente in mora");
    expect(flat).toContain("La presente è inviata a mezzo raccomandata A/R e vale");
    expect(flat).not.toContain("PEC");
    expect(flat).toContain("Spettabile Società Città Srl,");
  });

  it("UK: a letter before action naming solicitors; the protocol forms for individuals and sole traders only", () => {
    const company = renderLetter(input({ stage: 3, profile: "GB" }));
    expect(company.subject).toMatch(/^Letter before action/);
    expect(company.body).toContain("solicitors");
    expect(company.body).not.toContain("Pre-Action Protocol");
    for (const customerType of ["sole_trader", "consumer"] as const) {
      const flat = text(input({ stage: 3, profile: "GB", customerType }));
      expect(flat).toContain("Pre-Action Protocol for Debt Claims applies: it gives you 30 days to reply");
      // The forms are printed after the letter (its PDF); the Financial Statement is where the Protocol publishes it.
      expect(flat).toContain(
        "Enclosed with this letter are the Protocol's Information Sheet and Reply Form (Annex 1).",
      );
      expect(flat).toContain("return it to us at the address above by");
      expect(flat).toContain(
        "the Financial Statement form is published with the Protocol at https://www.justice.gov.uk/",
      );
    }
    for (const [language, enclosed] of [
      ["it", "Alla presente sono allegati l'Information Sheet e il Reply Form del Protocol (Annex 1, in inglese)."],
      [
        "nb",
        "Vedlagt følger protokollens informasjonsark (Information Sheet) og svarskjema (Reply Form), på engelsk (Annex 1).",
      ],
    ] as const) {
      const flat = text(input({ stage: 3, profile: "GB", customerType: "consumer", language }));
      expect(flat).toContain("justice.gov.uk");
      expect(flat).toContain(enclosed);
    }
  });

  it("US: a collection agency or attorney, no foreign statute", () => {
    const flat = text(input({ stage: 3, profile: "US" }));
    expect(flat).toContain("collection agency or to our attorney");
    expect(flat).not.toMatch(/1219|inkassoloven|Protocol/);
  });
});

describe("the contact list is exactly the contact log", () => {
  const email: LetterContact = {
    kind: "contact",
    on: "2026-02-16",
    channel: "EMAIL",
    direction: "OUTBOUND",
    outcome: "SENT",
  };
  const letter1: LetterContact = {
    kind: "contact",
    on: "2026-02-20",
    channel: "LETTER",
    direction: "OUTBOUND",
    outcome: "SENT",
    letterStage: 1,
  };

  it("letter 1 without a logged contact is a first reminder, with none it never says 'already in touch'", () => {
    const flat = text(input({ stage: 1, contacts: [] }));
    expect(flat).not.toMatch(/already been in touch|contacts so far/);
    expect(flat).toContain("According to our records");
    expect(text(input({ stage: 1, contacts: [email] }))).toContain(
      "We have already been in touch about this: – 16 February 2026: we emailed you".replace("–", "-"),
    );
  });

  it("says 'we have not heard from you' only when nothing came in since the last letter", () => {
    expect(text(input({ stage: 2, contacts: [email, letter1] }))).toContain(
      "We have not heard from you since our letter of 20 February 2026.",
    );
    const reply: LetterContact = {
      kind: "contact",
      on: "2026-02-25",
      channel: "EMAIL",
      direction: "INBOUND",
      outcome: "REPLIED",
    };
    const answered = text(input({ stage: 2, contacts: [email, letter1, reply] }));
    expect(answered).not.toContain("not heard from you");
    expect(answered).toContain("We refer to your reply of 25 February 2026.");
    expect(answered).toContain("25 February 2026: your email received");
    // A reply before the last letter does not count as an answer to it.
    const older = text(input({ stage: 2, contacts: [{ ...reply, on: "2026-02-18" }, letter1] }));
    expect(older).toContain("We have not heard from you since our letter of 20 February 2026.");
  });

  it("words calls with their outcome and promises kept or broken, each once, in time order", () => {
    const flat = text(
      input({
        stage: 2,
        contacts: [
          letter1,
          { kind: "contact", on: "2026-02-17", channel: "PHONE", direction: "OUTBOUND", outcome: "VOICEMAIL" },
          { kind: "promise", on: "2026-02-22", amount: "£500.00", promisedFor: "2026-03-01", status: "broken" },
          { kind: "contact", on: "2026-02-22", channel: "PHONE", direction: "OUTBOUND", outcome: "SPOKE" },
        ],
      }),
    );
    expect(flat).toContain(
      "- 17 February 2026: we called you and left a voicemail - 20 February 2026: our letter 1 (first reminder) sent by post - 22 February 2026: you promised to pay £500.00 by 1 March 2026: not paid - 22 February 2026: we called you and spoke with you",
    );
    expect(flat).toContain("We refer to your reply of 22 February 2026.");
  });

  it("is the same in Italian and Norwegian: no invented contact", () => {
    expect(text(input({ stage: 1, language: "it", profile: "IT", contacts: [] }))).not.toContain(
      "Vi abbiamo già contattato",
    );
    expect(text(input({ stage: 1, language: "nb", profile: "NO", contacts: [] }))).not.toContain(
      "allerede vært i kontakt",
    );
    expect(text(input({ stage: 2, language: "it", profile: "IT", contacts: [letter1] }))).toContain(
      "Non abbiamo ricevuto alcun riscontro alla nostra lettera del 20 febbraio 2026.",
    );
    expect(text(input({ stage: 2, language: "nb", profile: "NO", contacts: [letter1] }))).toContain(
      "Vi har ikke hørt fra dere siden brevet vårt av 20. februar 2026.",
    );
  });
});

// Issue 14, item 11: an invoice number "INV-{{nope}}" was expanded as a placeholder and broke every letter of the account.
describe("data is never read as a template", () => {
  it("prints invoice numbers, names and agency details literally", () => {
    const i = input({ stage: 4, profile: "US" });
    i.invoices = i.invoices.map((inv, n) => ({ ...inv, number: n ? "INV-$&-$1" : "INV-{{nope}}" }));
    i.customer = { ...i.customer, name: "{{totalDue}} & Sons", contactPerson: "" };
    i.handoff = { ...i.handoff!, agency: "{{agency}} Recovery", reference: "{{n:a|b}}" };
    const { subject, body } = renderLetter(i);
    expect(body).toContain("INV-{{nope}}");
    expect(body).toContain("INV-$&-$1");
    expect(body).toContain("{{totalDue}} & Sons");
    expect(subject).toContain("{{agency}} Recovery");
    expect(body).toContain("reference {{n:a|b}}");
  });
});

describe("native forms", () => {
  it("Italian: 'il 1° agosto', 'l'8', 'l'11', Voi, singular and plural", () => {
    const one = input({ stage: 2, language: "it", profile: "IT", deadline: "2026-08-01" });
    one.invoices = [one.invoices[0]];
    const flat = text(one);
    expect(flat).toContain("entro il 1° agosto 2026");
    expect(flat).toContain("scaduto il 14 febbraio 2026");
    expect(flat).toContain("Vi preghiamo di indicare nella causale il numero della fattura INV-101");
    expect(text(input({ stage: 1, language: "it", profile: "IT", deadline: "2026-08-08" }))).toContain(
      "entro l'8 agosto 2026",
    );
    const many = text(input({ stage: 1, language: "it", profile: "IT", deadline: "2026-08-11" }));
    expect(many).toContain("entro l'11 agosto 2026");
    expect(many).toContain("risultano ancora aperte le fatture indicate");
    expect(many).not.toMatch(/\b(Lei|Sua|La preghiamo)\b/);
  });

  it("Norwegian: dere, no greeting, KID per invoice", () => {
    const { body } = renderLetter(input({ stage: 1, language: "nb", profile: "NO" }));
    expect(body).not.toMatch(/^(Hei|Kjære)/m);
    expect(body).not.toMatch(/\b(du|deg|din)\b/);
    expect(body).toContain("Har dere allerede betalt");
    expect(body.replace(/\s+/g, " ")).toContain(
      "Bruk KID for hver faktura: 0001011 (faktura INV-101), 0001045 (faktura INV-104).",
    );
  });

  it("RF references on a EUR letter in the letter's language; no RF line in another currency or when one invoice has none", () => {
    const withRf = (language: "en" | "it" | "nb", currency: string, refs: (string | null)[]) => {
      const base = input({ stage: 1, language, profile: language === "it" ? "IT" : "GB" });
      const bank = { ...base.bank!, usesKid: false };
      return text({
        ...base,
        currency,
        bank,
        invoices: base.invoices.map((i, n) => ({ ...i, kid: null, rfReference: refs[n] ?? null })),
      });
    };
    const refs = ["RF18539007547034", "RF6120260043"];
    expect(withRf("en", "EUR", refs)).toContain(
      "Payment reference (RF): RF18 5390 0754 7034 (invoice INV-101), RF61 2026 0043 (invoice INV-104).",
    );
    expect(withRf("it", "EUR", refs)).toContain(
      "Riferimento di pagamento (RF): RF18 5390 0754 7034 (fattura INV-101), RF61 2026 0043 (fattura INV-104).",
    );
    expect(withRf("nb", "EUR", refs)).toContain("Betalingsreferanse (RF): RF18 5390 0754 7034 (faktura INV-101)");
    expect(withRf("en", "GBP", refs)).not.toContain("RF18");
    const partial = withRf("en", "EUR", [refs[0], null]);
    expect(partial).not.toContain("RF18");
    expect(partial).toContain("INV-101 and INV-104");
  });

  it("English follows the customer's country: US dates and $, UK dates and £", () => {
    const us = text(input({ stage: 1, profile: "US", deadline: "2026-08-01" }));
    expect(us).toContain("by August 1, 2026");
    expect(us).toContain("$1,450.50");
    expect(us).toContain("Dear Sir or Madam,");
    expect(us).toContain("Sincerely,");
    const gb = text(input({ stage: 1, profile: "GB", deadline: "2026-08-01" }));
    expect(gb).toContain("by 1 August 2026");
    expect(gb).toContain("£1,450.50");
  });

  it("addresses the envelope in the destination's format, the country only on mail abroad", () => {
    const us = renderLetter(input({ stage: 1, profile: "US" })).body;
    expect(us).toContain(
      "Harborview Marine Inc.\nAttn: Accounts Department\n200 Atlantic Avenue\nSuite 400\nBoston, MA 02110\nUNITED STATES",
    );
    const domestic = renderLetter(input({ stage: 1, language: "nb", profile: "NO" })).body;
    expect(domestic).toContain("Bjørnstad & Ærø AS\nAtt.: Åse Bjørnstad\nStorgata 5\n0155 Oslo\n\n");
    expect(renderLetter(input({ stage: 1, language: "it", profile: "IT" })).body).toContain("20121 Milano MI\nITALIA");
  });

  it("shows charges as their own lines with rate and period, and a total including them", () => {
    const i = input({ stage: 3, language: "nb", profile: "NO" });
    i.charges = [
      {
        kind: "interest",
        invoiceNumber: "INV-101",
        amountMinor: 1234,
        currency: "NOK",
        ratePercent: "12.25",
        fromDate: "2026-02-15",
        toDate: "2026-04-02",
        // The working basis, in English: it stays in the charge row, never in the letter.
        basis: "Statutory interest (forsinkelsesrenteloven § 3) as LAW.md reads it",
      },
      {
        kind: "reminder_fee",
        invoiceNumber: null,
        amountMinor: 7500,
        currency: "NOK",
        ratePercent: null,
        fromDate: null,
        toDate: null,
        basis: "inkassoforskriften § 1-2",
      },
    ];
    const flat = text(i);
    expect(flat).toContain(
      "Forsinkelsesrente (forsinkelsesrenteloven § 3), faktura INV-101, 12,25 % p.a., 15.02.2026–02.04.2026 kr 12,34",
    );
    expect(flat).toContain("Purregebyr (inkassoforskriften § 1-2) kr 75,00");
    expect(flat).not.toContain("LAW.md");
    // What is overdue is stated apart from the charges; interest keeps running.
    expect(flat).toContain("er kr 1 450,50 fortsatt ikke betalt");
    expect(flat).toContain("Forsinkelsesrenten løper videre fram til betaling skjer.");
    expect(flat).toContain("Fakturaer: kr 1 450,50 Tillegg: kr 87,34 Totalt å betale: kr 1 537,84");
    expect(flat).toContain("Dersom kr 1 537,84 ikke er betalt innen 16. april 2026");
  });

  it("UK letter before action to a business: basis, how the sum is calculated, a reply date, ADR", () => {
    const gb = text(input({ stage: 3, language: "en", profile: "GB" }));
    expect(gb).toContain("Our claim is for the unpaid invoices listed above");
    expect(gb).toContain("Please reply by 16 April 2026");
    expect(gb).toContain("alternative dispute resolution, such as mediation");
  });

  it("a consumer is addressed as a person: by name, with no Att. line", () => {
    const base = input({ stage: 1, language: "en", profile: "GB" });
    const consumer = text({
      ...base,
      customerType: "consumer",
      customer: { ...base.customer, name: "Mary Lowe", contactPerson: "" },
    });
    expect(consumer).toContain("Dear Mary Lowe,");
    expect(consumer).toContain("Yours sincerely,");
    expect(consumer).not.toMatch(/Attn|Accounts Department|Sir or Madam/);
  });

  it("greets by the recorded salutation ('Dear Ms Lowe'), the full name when none is recorded", () => {
    const base = input({ stage: 1, language: "en", profile: "GB" });
    const consumer = { ...base, customerType: "consumer" as const };
    const lowe = { ...base.customer, name: "Mary Lowe", contactPerson: "" };
    expect(text({ ...consumer, customer: { ...lowe, salutation: "Ms Lowe" } })).toContain("Dear Ms Lowe,");
    expect(text({ ...consumer, customer: { ...lowe, salutation: "  " } })).toContain("Dear Mary Lowe,");
    // A company's contact: the attention line keeps the full name, the greeting the salutation.
    const company = text({
      ...base,
      customer: { ...base.customer, contactPerson: "Mary Lowe", salutation: "Ms Lowe" },
    });
    expect(company).toContain("Attn: Mary Lowe");
    expect(company).toContain("Dear Ms Lowe, ");
    expect(company).toContain("Yours sincerely,");
    const it_ = input({ stage: 1, language: "it", profile: "IT", customerType: "consumer" });
    const rossi = { ...it_.customer, name: "Anna Rossi", contactPerson: "", salutation: "Sig.ra Rossi" };
    expect(text({ ...it_, customer: rossi })).toContain("Gentile Sig.ra Rossi,");
  });

  it("US English for US readers, British English for the others", () => {
    const us = text(input({ stage: 1, language: "en", profile: "US" }));
    expect(us).toContain("agree on a payment plan");
    expect(us).toContain("contact Colin Collector at +47 22 00 45 00");
    const gb = text(input({ stage: 1, language: "en", profile: "GB" }));
    expect(gb).toContain("agree a payment plan");
    expect(gb).toContain("contact Colin Collector on +47 22 00 45 00");
    expect(us).toContain("Please include the invoice numbers INV-101 and INV-104 in the payment memo.");
    expect(gb).toContain("Please quote the invoice numbers INV-101 and INV-104 as the payment reference.");
  });

  it("writes a US sender's letterhead in the US format, as its envelope", () => {
    const i = input({ stage: 1, language: "en", profile: "US" });
    const org = {
      ...i.org,
      countryCode: "US",
      addressLine1: "500 Congress Ave",
      addressLine2: "",
      postalCode: "78701",
      city: "Austin",
      region: "TX",
    };
    expect(renderLetter({ ...i, org }).body).toContain("500 Congress Ave\nAustin, TX 78701\n");
  });

  it("lists the copies enclosed and offers the others on request", () => {
    expect(text(input({ stage: 1 }))).toContain(
      "Enclosed: a copy of invoice INV-101. If you need a copy of invoice INV-104, we will send it on request.",
    );
  });
});

describe("deadline", () => {
  it("sets a real deadline, off weekends, never before an earlier one", () => {
    expect(letterDeadline("2026-12-07", 14)).toBe("2026-12-21"); // Monday
    expect(letterDeadline("2026-12-05", 14)).toBe("2026-12-21"); // Saturday -> Monday
    expect(letterDeadline("2026-12-06", 14)).toBe("2026-12-21"); // Sunday -> Monday
    expect(letterDeadline("2026-12-07", 14, "2026-12-30")).toBe("2026-12-30");
  });
});

describe("a consumer is written to as a person: Norwegian 'du', Italian 'Lei'", () => {
  const contacts: LetterContact[] = [
    { kind: "contact", on: "2026-03-02", channel: "PHONE", direction: "OUTBOUND", outcome: "SPOKE" },
    { kind: "contact", on: "2026-03-03", channel: "EMAIL", direction: "INBOUND", outcome: "DELIVERED" },
    { kind: "promise", on: "2026-03-03", amount: "1.00", promisedFor: "2026-03-10", status: "broken" },
    { kind: "contact", on: "2026-03-05", channel: "LETTER", direction: "OUTBOUND", outcome: "SENT", letterStage: 1 },
  ];
  for (const profile of PROFILES)
    for (const stage of STAGES) {
      it(`${profile} Norwegian consumer letter ${stage}: du and deg, never dere`, () => {
        const i = input({ stage, language: "nb", profile, customerType: "consumer", contacts, creditMinor: 100 });
        const flat = text(i);
        expect(flat).not.toMatch(/\b(dere|Dere|deres)\b/);
        expect(flat).toMatch(/\b(du|deg|Du)\b/);
        expect(flat).not.toMatch(/Att\.:/);
      });
      it(`${profile} Italian consumer letter ${stage}: Lei, never Voi`, () => {
        const i = input({ stage, language: "it", profile, customerType: "consumer", contacts, creditMinor: 100 });
        const flat = text(i);
        expect(flat).not.toMatch(/\b(Vi|Voi|Vostr[aoie]|Ve|avete|potete|rispeditelo|contattarVi)\b/);
        expect(flat).toMatch(/\b(La|Le|Lei|Sua|Suo)\b/);
        expect(flat).not.toMatch(/Alla c\.a\./);
      });
    }

  it("says the same facts as to a company, in the personal form", () => {
    const nb = text(input({ stage: 1, language: "nb", profile: "NO", customerType: "consumer", contacts }));
    expect(nb).toContain("Har du allerede betalt, kan du se bort fra denne påminnelsen.");
    expect(nb).toContain("vi ringte og snakket med deg");
    expect(nb).toContain("du lovet å betale 1.00");
    const it3 = text(input({ stage: 3, language: "it", profile: "IT", customerType: "consumer", contacts }));
    expect(it3).toContain("art. 1219 c.c., La costituiamo formalmente in mora e Le intimiamo il pagamento");
    expect(it3).toContain("Le abbiamo telefonato e abbiamo parlato con Lei");
    expect(it3).toContain("impegno da Lei assunto di pagare 1.00");
    expect(it3).toContain("La preghiamo di indicare nella causale");
    const gb = text(input({ stage: 3, language: "it", profile: "GB", customerType: "consumer" }));
    expect(gb).toContain("compili il Reply Form e lo rispedisca al nostro indirizzo");
    // A sole trader keeps the company form.
    expect(text(input({ stage: 1, language: "nb", profile: "NO", customerType: "sole_trader" }))).toContain(
      "Har dere allerede betalt",
    );
  });
});
