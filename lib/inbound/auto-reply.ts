import type { ParsedMail } from "@/lib/sandbox/parse-mail";

// An automatic answer ("I am away until Monday") is not the customer answering a letter:
// it is stored and shown, but logs no contact and holds no letter. Recognised by the
// headers that RFC 3834 and the common mail systems set, else by its subject line.

/** Subject openings of out-of-office answers, in the languages the letters speak (en, nb, it) and a few neighbours. */
const AUTO_SUBJECTS = [
  /\bout of (the )?office\b/i,
  /\bauto(matic)?[- ]?(reply|response)\b/i,
  /\bautoreply\b/i,
  /\bautomatisk (svar|melding)\b/i, // nb/da/sv
  /\bfraværende\b|\bferie\b.*\bsvar\b/i,
  /\brisposta automatica\b/i,
  /\bfuori (sede|ufficio)\b/i,
  /\babwesenheitsnotiz\b|\bautomatische antwort\b/i,
  /\br[ée]ponse automatique\b|\babsence du bureau\b/i,
];

export function isAutoReply(mail: Pick<ParsedMail, "subject" | "headers">): boolean {
  const h = mail.headers;
  // RFC 3834: anything but "no" means a machine sent it (auto-replied, auto-generated).
  const autoSubmitted = h.autoSubmitted.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return true;
  if (h.xAutoreply.trim()) return true;
  if (/^(auto_reply|bulk|junk)$/i.test(h.precedence.trim())) return true;
  // Exchange marks its own out-of-office answers so that they are not answered again.
  if (/\b(oof|autoreply|all)\b/i.test(h.xAutoResponseSuppress)) return true;
  return AUTO_SUBJECTS.some((re) => re.test(mail.subject));
}
