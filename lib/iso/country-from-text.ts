import { COUNTRY_CODES, isCountryCode } from "./codes";

// A country as an export writes it ("GB", "Norge", "Italia", "United Kingdom", "UK") to its
// ISO 3166-1 alpha-2 code: the letters' legal rules and the send need the code, not the text.
// Names come from the runtime's CLDR data in the product's languages and English, so no
// list of names is kept here.

const NAME_LOCALES = ["en", "nb", "nn", "it", "de", "fr", "sv", "da"];
/** Usual names CLDR does not give. */
const ALIASES: Record<string, string> = { uk: "GB", "great britain": "GB", england: "GB", usa: "US", noreg: "NO" };

const key = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-zæøå ]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

let byName: Map<string, string> | null = null;
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map(Object.entries(ALIASES));
  for (const locale of NAME_LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: "region" });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name && name !== code && !byName.has(key(name))) byName.set(key(name), code);
    }
  }
  return byName;
}

/** The ISO code of a country written as a code or a name in a common language, or null. */
export function countryFromText(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (/^[A-Za-z]{2}$/.test(trimmed) && isCountryCode(trimmed.toUpperCase())) return trimmed.toUpperCase();
  return names().get(key(trimmed)) ?? null;
}
