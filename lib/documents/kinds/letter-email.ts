import type { Language } from "@/lib/generated/prisma/enums";
import { englishLocale, letterFormat } from "@/lib/locale/letter-format";
import { dateOnlyFromDb } from "@/lib/time/dates";

// The short message that carries a letter as a PDF attachment, in the customer's
// language. The letter itself is the attachment: the text only points at it, so the
// message never says something the letter does not. Companies are addressed as the
// letters address them ("Voi" in Italian, "dere" in Norwegian).

interface EmailValues {
  person: string;
  company: string;
  total: string;
  deadline: string;
  org: string;
  phone: string;
  email: string;
  copies: boolean;
}

const TEXT: Record<Language, (v: EmailValues) => string> = {
  en: (v) =>
    `${v.person ? `Dear ${v.person},` : "Dear Sir or Madam,"}\n\nPlease find attached our letter about your account${v.copies ? ", with copies of the invoices it mentions" : ""}. The amount due is ${v.total}, to be paid by ${v.deadline}.\n\nIf you have already paid, thank you, and please disregard this message. Questions: ${v.phone}, ${v.email}.\n\nKind regards,\n${v.org}`,
  it: (v) =>
    `${v.person ? `Gentile ${v.person},` : `Spettabile ${v.company},`}\n\nin allegato trasmettiamo la nostra lettera relativa alla Vostra posizione${v.copies ? ", con copia delle fatture indicate" : ""}. L'importo dovuto è di ${v.total}, da saldare entro ${v.deadline}.\n\nSe avete già provveduto al pagamento, Vi ringraziamo e Vi preghiamo di non tenere conto del presente messaggio. Per chiarimenti: ${v.phone}, ${v.email}.\n\nDistinti saluti,\n${v.org}`,
  nb: (v) =>
    `Vedlagt følger vårt brev om kontoen deres${v.copies ? ", med kopi av fakturaene det viser til" : ""}. Beløpet som skal betales er ${v.total}, med frist ${v.deadline}.\n\nHar dere allerede betalt, takk for det, og se bort fra denne meldingen. Spørsmål: ${v.phone}, ${v.email}.\n\nMed vennlig hilsen\n${v.org}`,
};

export function letterEmailText(opts: {
  language: Language;
  /** The customer's country: English follows it (US dates and "$"). */
  countryCode: string | null;
  locale: string;
  contactPerson: string;
  customerName: string;
  totalDueMinor: number;
  currency: string;
  deadlineDate: Date;
  copies: number;
  org: { name: string; phone: string; email: string };
}): string {
  const format = letterFormat(
    opts.language,
    opts.language === "en" ? englishLocale(opts.countryCode, opts.locale) : opts.locale,
  );
  return TEXT[opts.language]({
    person: opts.contactPerson,
    company: opts.customerName,
    total: format.money(opts.totalDueMinor, opts.currency),
    deadline: format.inlineDate(dateOnlyFromDb(opts.deadlineDate)),
    org: opts.org.name,
    phone: opts.org.phone,
    email: opts.org.email,
    copies: opts.copies > 0,
  });
}
