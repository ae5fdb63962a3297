import type { Language } from "@/lib/generated/prisma/enums";
import { formatMoney, minorToPlain } from "@/lib/money/money";
import { type DateOnly, formatDateOnly } from "@/lib/time/dates";

// How a letter writes dates and amounts in the customer's language. Italian and
// Norwegian are written out by hand rather than through Intl: ICU's it-IT leaves
// four-digit amounts ungrouped ("1250,00 €") and nb-NO puts "kr" last, while
// finance letters in those languages use "1.250,00 EUR" and "kr 1 250,00". Hand-
// written month names also keep a stored letter's text independent of the ICU
// version of the server that renders it.

export interface LetterFormat {
  date(value: DateOnly): string;
  /** A date as it reads inside a sentence: Italian carries its article ("il 1° agosto 2026", "l'8 agosto 2026"). */
  inlineDate(value: DateOnly): string;
  /** A yearly rate: "12.25%" in English, "12,25 %" in Italian and Norwegian. */
  rate(percent: string): string;
  /** Numeric date for tables: "16/04/2026", "16.04.2026", the locale's medium date in English. */
  shortDate(value: DateOnly): string;
  money(minor: number, currency: string): string;
}

const MONTHS: Record<"it" | "nb", string[]> = {
  it: [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
  ],
  nb: [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
  ],
};

function parts(value: DateOnly): { year: string; month: number; day: number } {
  const [year, month, day] = value.split("-");
  return { year, month: Number(month), day: Number(day) };
}

/** "1250.5" → integer part grouped with `group`, decimals after `decimal`. */
function grouped(minor: number, currency: string, group: string, decimal: string): string {
  const plain = minorToPlain(Math.abs(minor), currency);
  const [int, frac] = plain.split(".");
  const withGroups = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (minor < 0 ? "-" : "") + (frac ? `${withGroups}${decimal}${frac}` : withGroups);
}

/** Italian writes the first of the month as an ordinal: "1° agosto 2026". */
function italianDate(value: DateOnly): string {
  const { year, month, day } = parts(value);
  return `${day === 1 ? "1°" : day} ${MONTHS.it[month - 1]} ${year}`;
}

/** "l'8", "l'11" (the numbers read with a vowel: otto, undici), "il" before every other day. */
export function italianArticle(value: DateOnly): "il" | "l'" {
  const { day } = parts(value);
  return day === 8 || day === 11 ? "l'" : "il";
}

const commaRate = (percent: string) => `${percent.replace(".", ",")} %`;

const italian: LetterFormat = {
  date: italianDate,
  inlineDate: (value) => {
    const article = italianArticle(value);
    return `${article}${article === "il" ? " " : ""}${italianDate(value)}`;
  },
  rate: commaRate,
  shortDate: (value) => value.split("-").reverse().join("/"),
  money: (minor, currency) => `${grouped(minor, currency, ".", ",")} ${currency}`,
};

function norwegianDate(value: DateOnly): string {
  const { year, month, day } = parts(value);
  return `${day}. ${MONTHS.nb[month - 1]} ${year}`;
}

const norwegian: LetterFormat = {
  date: norwegianDate,
  inlineDate: norwegianDate,
  rate: commaRate,
  shortDate: (value) => value.split("-").reverse().join("."),
  money: (minor, currency) => `${currency === "NOK" ? "kr" : currency} ${grouped(minor, currency, " ", ",")}`,
};

/**
 * English follows the customer's country: US customers read "August 1, 2026" and "$",
 * everyone else British forms ("1 August 2026", "£"). Callers without a customer pass a locale.
 */
export function englishLocale(customerCountryCode: string | null | undefined, fallback = "en-GB"): string {
  if (!customerCountryCode) return fallback;
  return customerCountryCode.toUpperCase() === "US" ? "en-US" : "en-GB";
}

export function letterFormat(language: Language, locale: string): LetterFormat {
  if (language === "it") return italian;
  if (language === "nb") return norwegian;
  return {
    date: (value) => formatDateOnly(value, locale, "long"),
    inlineDate: (value) => formatDateOnly(value, locale, "long"),
    rate: (percent) => `${percent}%`,
    shortDate: (value) => formatDateOnly(value, locale),
    money: (minor, currency) => formatMoney(minor, currency, locale),
  };
}
