// ISO code lists the forms validate against. Countries are ISO 3166-1 alpha-2
// (officially assigned codes, 249); currencies ISO 4217 and time zones IANA, as
// the runtime's ICU data knows them (Intl.supportedValuesOf), so a code the
// formatters cannot use is never accepted.

const ALPHA2 =
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

export const COUNTRY_CODES: readonly string[] = ALPHA2.split(" ");
const countrySet = new Set(COUNTRY_CODES);
const currencySet = new Set(Intl.supportedValuesOf("currency"));
// "UTC" is not in every runtime's list of canonical zones, but every formatter takes it.
const timeZoneSet = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

export const isCountryCode = (code: string) => countrySet.has(code);
export const isCurrencyCode = (code: string) => currencySet.has(code);
export const isTimeZone = (zone: string) => timeZoneSet.has(zone);

/** A BCP 47 tag the formatters support, e.g. nb-NO; returns its canonical spelling or null. */
export function canonicalLocale(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.NumberFormat.supportedLocalesOf([canonical]).length ? canonical : null;
  } catch {
    return null;
  }
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
export const countryName = (code: string) => regionNames.of(code) ?? code;

/** Options for a country select, by English name. */
export const countryOptions = () =>
  COUNTRY_CODES.map((code) => ({ value: code, label: `${countryName(code)} (${code})` })).sort((a, b) =>
    a.label.localeCompare(b.label, "en"),
  );
export const currencyOptions = () => [...currencySet].sort().map((c) => ({ value: c, label: c }));
export const timeZoneOptions = () => [...timeZoneSet].sort().map((z) => ({ value: z, label: z }));
