import type { Language } from "@/lib/generated/prisma/enums";
import { letterFormat } from "@/lib/locale/letter-format";
import { dateOnlyFromDb } from "@/lib/time/dates";

// The short message that carries a letter as a PDF attachment, in the
// customer's language. The letter itself is the attachment: the text only
// points at it, so the message never says something the letter does not.

const TEXT: Record<
  Language,
  (v: { contact: string; total: string; deadline: string; org: string; phone: string; email: string }) => string
> = {
  en: (v) =>
    `Dear ${v.contact},\n\nPlease find attached our letter about your account. The amount due is ${v.total}, to be paid by ${v.deadline}.\n\nIf you have already paid, thank you, and please disregard this message. Questions: ${v.phone}, ${v.email}.\n\nKind regards,\n${v.org}`,
  it: (v) =>
    `Gentile ${v.contact},\n\nin allegato trova la nostra lettera relativa alla Sua posizione. L'importo dovuto è di ${v.total}, da saldare entro il ${v.deadline}.\n\nSe ha già provveduto al pagamento, La ringraziamo e La preghiamo di non tenere conto del presente messaggio. Per chiarimenti: ${v.phone}, ${v.email}.\n\nDistinti saluti,\n${v.org}`,
  nb: (v) =>
    `Hei ${v.contact},\n\nvedlagt følger vårt brev om kontoen din. Beløpet som skal betales er ${v.total}, med frist ${v.deadline}.\n\nHar du allerede betalt, takk for det, og se bort fra denne meldingen. Spørsmål: ${v.phone}, ${v.email}.\n\nMed vennlig hilsen\n${v.org}`,
};

export function letterEmailText(opts: {
  language: Language;
  locale: string;
  contact: string;
  totalDueMinor: number;
  currency: string;
  deadlineDate: Date;
  org: { name: string; phone: string; email: string };
}): string {
  const format = letterFormat(opts.language, opts.locale);
  return TEXT[opts.language]({
    contact: opts.contact,
    total: format.money(opts.totalDueMinor, opts.currency),
    deadline: format.date(dateOnlyFromDb(opts.deadlineDate)),
    org: opts.org.name,
    phone: opts.org.phone,
    email: opts.org.email,
  });
}
