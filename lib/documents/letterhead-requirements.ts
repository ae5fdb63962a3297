// What a business letter must show about its sender, by the sender's country.
// Data with its source; the letterhead prints the line, the settings page warns when a
// required number is missing. Checked 2026-12-01 against the texts cited; not legal advice.

export interface LetterheadRequirement {
  /** Builds the line from the organization's numbers; empty parts are left out. */
  line(org: { registrationNumber: string; vatNumber: string; registeredOffice: string }): string;
  requires: ("registrationNumber" | "vatNumber" | "registeredOffice")[];
  source: string;
}

/**
 * The part of the United Kingdom a company is registered in, read from its
 * Companies House number: "SC"-type prefixes are Scotland, "NI"-type Northern
 * Ireland, the rest (plain digits, "OC", ...) England and Wales (Companies House,
 * "Company registration numbers": the prefix names the register).
 */
export function ukRegistrationJurisdiction(companyNumber: string): string {
  const prefix = companyNumber.trim().toUpperCase().slice(0, 2);
  if (["SC", "SO", "SL", "SA", "SF", "SP", "SR", "SZ", "SE", "SG"].includes(prefix)) return "Scotland";
  if (["NI", "NC", "NF", "NL", "NA", "NO", "NP", "NR", "NZ", "R0"].includes(prefix)) return "Northern Ireland";
  return "England and Wales";
}

const REQUIREMENTS: Record<string, LetterheadRequirement> = {
  NO: {
    // "Org.nr. 923 456 789 MVA": the suffix MVA marks a VAT-registered business.
    line: (o) => (o.registrationNumber ? `Org.nr. ${o.registrationNumber}${o.vatNumber ? " MVA" : ""}` : ""),
    requires: ["registrationNumber"],
    source:
      "foretaksregisterloven § 10-2 (name and organization number on business letters); merverdiavgiftsloven / bokføringsforskriften § 5-1-1 (MVA after the number when VAT-registered)",
  },
  IT: {
    line: (o) =>
      [o.vatNumber ? `P.IVA ${o.vatNumber}` : "", o.registrationNumber ? `Reg. Imprese ${o.registrationNumber}` : ""]
        .filter(Boolean)
        .join(" · "),
    requires: ["vatNumber"],
    source:
      "art. 2250 c.c. (registered office and company register number on correspondence); art. 35 D.P.R. 633/1972 (partita IVA)",
  },
  GB: {
    line: (o) =>
      [
        o.registrationNumber
          ? `Registered in ${ukRegistrationJurisdiction(o.registrationNumber)}, company number ${o.registrationNumber}`
          : "",
        o.registeredOffice ? `Registered office: ${o.registeredOffice}` : "",
        o.vatNumber ? `VAT ${o.vatNumber}` : "",
      ]
        .filter(Boolean)
        .join(" · "),
    requires: ["registrationNumber", "registeredOffice"],
    source:
      "Companies Act 2006 s. 82; The Company, Limited Liability Partnership and Business (Names and Trading Disclosures) Regulations 2015, reg. 25 (number, part of the UK, registered office)",
  },
};

/** The sender's legal line for its letterhead, or "" where the country asks for none. */
export function letterheadLegalLine(org: {
  countryCode: string;
  registrationNumber: string;
  vatNumber: string;
  registeredOffice: string;
}): string {
  return REQUIREMENTS[org.countryCode.toUpperCase()]?.line(org) ?? "";
}

export function letterheadRequirement(countryCode: string): LetterheadRequirement | null {
  return REQUIREMENTS[countryCode.toUpperCase()] ?? null;
}
