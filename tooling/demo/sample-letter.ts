import { letterheadForLetter } from "@/lib/documents/letterhead";
import type { StoredLetterForPdf } from "@/lib/documents/render-letter-pdf";
import type { Language } from "@/lib/generated/prisma/enums";
import type { ProfileId } from "@/lib/law/profile";
import { letterSha256 } from "@/lib/letters/compose-letter";
import { type LetterInput, renderLetter } from "@/lib/letters/render";
import { englishLocale } from "@/lib/locale/letter-format";
import type { Stage } from "@/lib/stages/stage";

// A realistic letter for each language, stage and country profile, with no database:
// used by the PDF tests, the settings preview and the benchmark (render-letter-pdf speed).

const CURRENCY: Record<ProfileId, string> = { NO: "NOK", IT: "EUR", GB: "GBP", US: "USD" };
/** The profile a language's sample goes to when none is named. */
const HOME: Record<Language, ProfileId> = { en: "GB", it: "IT", nb: "NO" };

const CUSTOMER: Record<ProfileId, LetterInput["customer"]> = {
  GB: {
    name: "Brightwater Supplies Ltd",
    addressLine1: "12 Harbour Road",
    addressLine2: "",
    postalCode: "BS1 4DJ",
    city: "Bristol",
    region: "",
    country: "United Kingdom",
    countryCode: "GB",
    contactPerson: "Jane “JJ” Doe",
  },
  US: {
    name: "Harborview Marine Inc.",
    addressLine1: "200 Atlantic Avenue",
    addressLine2: "Suite 400",
    postalCode: "02110",
    city: "Boston",
    region: "MA",
    country: "United States",
    countryCode: "US",
    contactPerson: "",
  },
  IT: {
    name: "Società Città Srl",
    addressLine1: "Via Roma 1",
    addressLine2: "",
    postalCode: "20121",
    city: "Milano",
    region: "MI",
    country: "Italia",
    countryCode: "IT",
    contactPerson: "",
  },
  NO: {
    name: "Bjørnstad & Ærø AS",
    addressLine1: "Storgata 5",
    addressLine2: "",
    postalCode: "0155",
    city: "Oslo",
    region: "",
    country: "Norge",
    countryCode: "NO",
    contactPerson: "Åse Bjørnstad",
  },
};

export const SAMPLE_ORG = {
  name: "Aurora Components AS",
  addressLine1: "Akersgata 32",
  addressLine2: "",
  postalCode: "0180",
  city: "Oslo",
  region: "",
  country: "Norway",
  countryCode: "NO",
  registrationNumber: "923 456 789",
  vatNumber: "NO923456789MVA",
  phone: "+47 22 00 45 00",
  email: "ar@aurora.example",
  website: "aurora.example",
  contactPerson: "Colin Collector",
  paymentInstructions: "",
  logoSha256: null as string | null,
};

const BANK: Record<string, LetterInput["bank"]> = {
  NOK: { bankName: "DNB", iban: "NO93 8601 1117 947", bic: "DNBANOKK", accountNumber: "8601 11 17947", usesKid: true },
  EUR: { bankName: "DNB", iban: "NO20 8601 1117 955", bic: "DNBANOKK", accountNumber: "", usesKid: false },
  GBP: {
    bankName: "Barclays",
    iban: "GB33 BUKB 2020 1555 5555 55",
    bic: "BUKBGB22",
    accountNumber: "",
    usesKid: false,
  },
  USD: { bankName: "DNB", iban: "NO51 8601 1117 963", bic: "DNBANOKK", accountNumber: "", usesKid: false },
};

export function sampleLetterInput(language: Language, stage: Stage, profile: ProfileId = HOME[language]): LetterInput {
  const currency = CURRENCY[profile];
  return {
    stage,
    language,
    profile,
    customerType: "business",
    locale: englishLocale(profile),
    currency,
    letterDate: "2026-04-02",
    deadline: "2026-04-16",
    org: { ...SAMPLE_ORG, paymentMethods: "" },
    customer: CUSTOMER[profile],
    invoices: [
      {
        invoiceId: "a",
        number: "INV-101",
        issueDate: "2026-01-15",
        dueDate: "2026-02-14",
        amountMinor: 125000,
        openMinor: 125000,
        daysPastDue: 47,
        kid: "0001011",
        copyEnclosed: true,
      },
      {
        invoiceId: "b",
        number: "INV-104",
        issueDate: "2026-02-01",
        dueDate: "2026-03-03",
        amountMinor: 50050,
        openMinor: 20050,
        daysPastDue: 30,
        kid: "0001045",
      },
    ],
    charges: [],
    contacts: [
      { kind: "contact", on: "2026-02-16", channel: "EMAIL", direction: "OUTBOUND", outcome: "SENT" },
      { kind: "contact", on: "2026-02-18", channel: "PHONE", direction: "OUTBOUND", outcome: "NO_ANSWER" },
      ...([1, 2, 3] as const)
        .filter((s) => stage > s)
        .map((s) => ({
          kind: "contact" as const,
          on: ["2026-02-20", "2026-03-06", "2026-03-20"][s - 1],
          channel: "LETTER" as const,
          direction: "OUTBOUND" as const,
          outcome: "SENT" as const,
          letterStage: s,
        })),
    ],
    bank: BANK[currency],
    handoff:
      stage === 4
        ? {
            agency: "Nordic Recovery AS",
            reference: "NR-5531",
            handedOverOn: "2026-04-01",
            contact: "+47 21 00 00 00, post@nordicrecovery.example",
            paymentDetails: "account 1503 12 34567, KID 55310001",
          }
        : null,
  };
}

export function sampleStoredLetter(
  language: Language,
  stage: Stage,
  id = `sample-${language}-${stage}`,
  profile: ProfileId = HOME[language],
): StoredLetterForPdf {
  const input = sampleLetterInput(language, stage, profile);
  const { subject, body } = renderLetter(input);
  return {
    id,
    stage,
    language,
    subject,
    body,
    registeredMail: stage === 4 || (stage === 3 && profile === "IT"),
    contentSha256: letterSha256(subject, body),
    sentAt: new Date("2026-04-02T09:00:00Z"),
    letterhead: letterheadForLetter(SAMPLE_ORG, { bank: input.bank, stage }),
  };
}
