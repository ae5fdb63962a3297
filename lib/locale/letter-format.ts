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

const italian: LetterFormat = {
  date: (value) => {
    const { year, month, day } = parts(value);
    return `${day} ${MONTHS.it[month - 1]} ${year}`;
  },
  shortDate: (value) => value.split("-").reverse().join("/"),
  money: (minor, currency) => `${grouped(minor, currency, ".", ",")} ${currency}`,
};

const norwegian: LetterFormat = {
  date: (value) => {
    const { year, month, day } = parts(value);
    return `${day}. ${MONTHS.nb[month - 1]} ${year}`;
  },
  shortDate: (value) => value.split("-").reverse().join("."),
  money: (minor, currency) => `${currency === "NOK" ? "kr" : currency} ${grouped(minor, currency, " ", ",")}`,
};

/** English keeps the organization's locale (en-US, en-GB, ...), as letters did before. */
export function letterFormat(language: Language, locale: string): LetterFormat {
  if (language === "it") return italian;
  if (language === "nb") return norwegian;
  return {
    date: (value) => formatDateOnly(value, locale, "long"),
    shortDate: (value) => formatDateOnly(value, locale),
    money: (minor, currency) => formatMoney(minor, currency, locale),
  };
}
