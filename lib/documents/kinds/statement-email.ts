import type { Language } from "@/lib/generated/prisma/enums";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import type { DateOnly } from "@/lib/time/dates";

// The short message that carries a statement of account as a PDF attachment, in the
// customer's language. Like a letter's email it only points at the attachment, so it
// never says something the statement does not.

interface EmailValues {
  person: string;
  company: string;
  date: string;
  org: string;
  contact: string;
}

const TEXT: Record<Language, { subject: (date: string) => string; text: (v: EmailValues) => string }> = {
  en: {
    subject: (date) => `Statement of account as of ${date}`,
    text: (v) =>
      `${v.person ? `Dear ${v.person},` : "Dear Sir or Madam,"}\n\nPlease find attached the statement of account of ${v.company} as of ${v.date}.\n\nIf your records differ from it, please let us know${v.contact ? `: ${v.contact}` : ""}.\n\nKind regards,\n${v.org}`,
  },
  nb: {
    subject: (date) => `Kontoutskrift per ${date}`,
    text: (v) =>
      `Vedlagt følger kontoutskrift for ${v.company} per ${v.date}.\n\nStemmer den ikke med deres regnskap, ta kontakt med oss${v.contact ? `: ${v.contact}` : ""}.\n\nMed vennlig hilsen\n${v.org}`,
  },
  it: {
    subject: (date) => `Estratto conto al ${date}`,
    text: (v) =>
      `${v.person ? `Gentile ${v.person},` : `Spettabile ${v.company},`}\n\nin allegato trasmettiamo l'estratto conto al ${v.date}.\n\nSe non corrisponde alle Vostre registrazioni, Vi preghiamo di contattarci${v.contact ? `: ${v.contact}` : ""}.\n\nDistinti saluti,\n${v.org}`,
  },
};

export function statementEmail(opts: {
  language: Language;
  countryCode: string | null;
  locale: string;
  contactPerson: string;
  customerName: string;
  asOf: DateOnly;
  org: { name: string; phone: string; email: string };
}): { subject: string; text: string } {
  const format = letterFormat(
    opts.language,
    opts.language === "en" ? englishLocale(opts.countryCode, opts.locale) : opts.locale,
  );
  const t = TEXT[opts.language] ?? TEXT.en;
  const date = format.date(opts.asOf);
  return {
    subject: t.subject(date),
    text: t.text({
      person: opts.contactPerson,
      company: opts.customerName,
      date,
      org: opts.org.name,
      contact: [opts.org.phone, opts.org.email].filter(Boolean).join(", "),
    }),
  };
}
