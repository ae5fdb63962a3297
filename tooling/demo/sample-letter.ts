import { letterheadSnapshot } from "@/lib/documents/letterhead";
import type { StoredLetterForPdf } from "@/lib/documents/render-letter-pdf";
import type { Language } from "@/lib/generated/prisma/enums";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { type LetterInput, renderLetter } from "@/lib/letters/render";
import type { Stage } from "@/lib/letters/template-types";

// A realistic letter for each language and stage, with no database: used by the
// PDF tests and by the benchmark (render-letter-pdf speed).

const CURRENCY: Record<Language, string> = { en: "USD", it: "EUR", nb: "NOK" };
const CUSTOMER: Record<Language, LetterInput["customer"]> = {
  en: {
    name: "Brightwater Supplies Ltd",
    addressLine1: "12 Harbour Road",
    addressLine2: "",
    postalCode: "BS1 4DJ",
    city: "Bristol",
    country: "United Kingdom",
    contactPerson: "Jane “JJ” Doe",
  },
  it: {
    name: "Società Città Srl",
    addressLine1: "Via Roma 1",
    addressLine2: "",
    postalCode: "20100",
    city: "Milano",
    country: "Italia",
    contactPerson: "Paola Rossi",
  },
  nb: {
    name: "Bjørnstad & Ærø AS",
    addressLine1: "Storgata 5",
    addressLine2: "",
    postalCode: "0155",
    city: "Oslo",
    country: "Norge",
    contactPerson: "Åse Bjørnstad",
  },
};

export const SAMPLE_ORG = {
  name: "Aurora Components AS",
  addressLine1: "Akersgata 32",
  addressLine2: "",
  postalCode: "0180",
  city: "Oslo",
  country: "Norway",
  phone: "+47 22 00 45 00",
  email: "ar@aurora.example",
  website: "aurora.example",
  contactPerson: "Colin Collector",
  paymentInstructions: "Bank transfer to IBAN NO93 8601 1117 947 (BIC DNBANOKK), quoting the invoice number.",
  logoSha256: null as string | null,
};

export function sampleLetterInput(language: Language, stage: Stage): LetterInput {
  return {
    stage,
    language,
    locale: "en-GB",
    currency: CURRENCY[language],
    letterDate: "2026-04-02",
    deadline: "2026-04-16",
    org: SAMPLE_ORG,
    customer: CUSTOMER[language],
    invoices: [
      {
        invoiceId: "a",
        number: "INV-101",
        issueDate: "2026-01-15",
        dueDate: "2026-02-14",
        amountMinor: 125000,
        openMinor: 125000,
        daysPastDue: 47,
      },
      {
        invoiceId: "b",
        number: "INV-104",
        issueDate: "2026-02-01",
        dueDate: "2026-03-03",
        amountMinor: 50050,
        openMinor: 20050,
        daysPastDue: 30,
      },
    ],
    attempts: [
      { on: "2026-02-16", channel: "EMAIL", outcome: "SENT" },
      { on: "2026-02-18", channel: "PHONE", outcome: "NO_ANSWER" },
      ...(stage > 1
        ? [{ on: "2026-02-20", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 1 }]
        : []),
      ...(stage > 2
        ? [{ on: "2026-03-06", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 2 }]
        : []),
      ...(stage > 3
        ? [{ on: "2026-03-20", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 3 }]
        : []),
    ],
    handoff: stage === 4 ? { agency: "Nordic Recovery AS", reference: "NR-5531", handedOverOn: "2026-04-01" } : null,
  };
}

export function sampleStoredLetter(
  language: Language,
  stage: Stage,
  id = `sample-${language}-${stage}`,
): StoredLetterForPdf {
  const input = sampleLetterInput(language, stage);
  const { subject, body } = renderLetter(input);
  return {
    id,
    stage,
    language,
    subject,
    body,
    registeredMail: stage === 4,
    contentSha256: letterSha256(subject, body),
    sentAt: new Date("2026-04-02T09:00:00Z"),
    letterhead: letterheadSnapshot(SAMPLE_ORG),
  };
}
