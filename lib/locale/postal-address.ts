// The recipient block in the destination country's postal format (UPU S42 templates as
// the national posts publish them): the attention line right after the company name,
// the country in capitals on the last line only when the letter goes abroad.

export interface PostalAddress {
  name: string;
  addressLine1: string;
  addressLine2: string;
  postalCode: string;
  city: string;
  /** US state, Italian province, UK county (optional there). */
  region?: string;
  /** Free-text country name as entered. */
  country: string;
  countryCode: string | null;
}

const COUNTRY_NAMES = new Intl.DisplayNames(["en"], { type: "region" });

/** The locality line(s) of a country: USPS "BOSTON, MA 02110", Royal Mail town then postcode, Poste "20100 MILANO MI". */
function localityLines(a: Omit<PostalAddress, "name" | "country">): string[] {
  const region = a.region?.trim() ?? "";
  switch (a.countryCode?.toUpperCase()) {
    case "US":
    case "CA":
    case "AU":
      return [`${[a.city, [region, a.postalCode].filter(Boolean).join(" ")].filter(Boolean).join(", ")}`];
    case "GB":
    case "IE":
      return [a.city.toUpperCase(), region, a.postalCode].filter(Boolean);
    case "IT":
      return [[a.postalCode, a.city, region.toUpperCase()].filter(Boolean).join(" ")];
    default:
      return [[a.postalCode, a.city].filter(Boolean).join(" ")];
  }
}

/**
 * The street and locality lines in the country's format, without name or country: the
 * one address format of letters, letterheads, statements and the hand-off pack
 * (US "Austin, TX 78701", Italian "20121 Milano MI", Norwegian "0155 Oslo").
 */
export function streetLines(a: Omit<PostalAddress, "name" | "country">): string[] {
  return [a.addressLine1, a.addressLine2, ...localityLines(a)].filter((line) => line.trim() !== "");
}

/** Lines of the address window; `fromCountryCode` is the sender's country (domestic mail carries no country line). */
export function postalAddressLines(
  a: PostalAddress,
  opts: { attention: string; fromCountryCode: string; fromCountry?: string },
): string[] {
  // Without a country code, the free-text names decide (an unknown country is printed).
  const abroad = a.countryCode
    ? a.countryCode.toUpperCase() !== opts.fromCountryCode.toUpperCase()
    : a.country.trim().toLowerCase() !== (opts.fromCountry ?? "").trim().toLowerCase();
  const countryName = a.country.trim() || (a.countryCode ? (COUNTRY_NAMES.of(a.countryCode.toUpperCase()) ?? "") : "");
  return [a.name, opts.attention, ...streetLines(a), abroad ? countryName.toUpperCase() : ""].filter(
    (line) => line.trim() !== "",
  );
}
