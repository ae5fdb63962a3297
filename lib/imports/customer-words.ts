import type { CustomerType, PreferredChannel } from "@/lib/generated/prisma/enums";
import { normalizeHeader } from "./fields";

// A customers file's customer type and preferred channel, as accounting systems and
// people write them (English, Norwegian, Italian), read into the customer's legal
// fields: the type decides the law's rules for letters (consumer protections, the
// Norwegian inkassovarsel, Italian B2B interest), the channel how letters go out.
// A word not listed is not guessed: the import names it as a problem on its row.

const TYPE_WORDS: Record<CustomerType, string[]> = {
  business: [
    "business",
    "company",
    "corporate",
    "organisation",
    "organization",
    "b2b",
    "bedrift",
    "firma",
    "foretak",
    "selskap",
    "virksomhet",
    "juridisk person",
    "offentlig",
    "public sector",
    "azienda",
    "impresa",
    "società",
    "societa",
    "ente",
    "pubblica amministrazione",
    "pa",
  ],
  consumer: [
    "consumer",
    "private",
    "private person",
    "individual",
    "person",
    "b2c",
    "privat",
    "privatperson",
    "privatkunde",
    "forbruker",
    "privato",
    "consumatore",
    "persona fisica",
  ],
  sole_trader: [
    "sole trader",
    "sole proprietor",
    "sole proprietorship",
    "self employed",
    "enkeltpersonforetak",
    "enk",
    "ditta individuale",
    "libero professionista",
  ],
};

const CHANNEL_WORDS: Record<PreferredChannel, string[]> = {
  email: ["email", "e mail", "send later", "e post", "epost", "posta elettronica", "pec"],
  post: ["post", "letter", "paper", "print", "print later", "postal", "brev", "papir", "posta", "cartaceo", "lettera"],
};
/** Invoice networks, not a way to send a letter: named as such, never taken for email or post. */
const E_INVOICE = ["ehf", "efaktura", "e faktura", "peppol", "sdi", "fattura elettronica", "e invoice", "edi"];
/** Cells that say "no preference": the channel the customer has (post for a new one) stays. */
const NO_PREFERENCE = ["none", "ingen", "nessuno", "n a", "na", "-"];

type Read<T> = { ok: true; value: T | null } | { ok: false; error: string };
const words = (text: string) => normalizeHeader(text).replace(/[,;]+/g, " ").replace(/\s+/g, " ").trim();

function lookup<T extends string>(table: Record<T, string[]>, text: string): T | undefined {
  const w = words(text);
  return (Object.keys(table) as T[]).find((k) => k === w.replace(/ /g, "_") || table[k].includes(w));
}

/** "Company", "Bedrift", "Privat", "Privato", "Azienda", "Sole trader"… as a customer type; null for an empty cell. */
export function readCustomerType(text: string): Read<CustomerType> {
  if (!text.trim()) return { ok: true, value: null };
  const type = lookup(TYPE_WORDS, text);
  return type
    ? { ok: true, value: type }
    : {
        ok: false,
        error: `"${text.trim()}" is not a customer type we know: write business (company), consumer (private person) or sole trader`,
      };
}

/** "Email", "E-post", "Post", "Print later"… as a preferred channel; null for an empty cell or "none". */
export function readPreferredChannel(text: string): Read<PreferredChannel> {
  const w = words(text);
  if (!w || NO_PREFERENCE.includes(w)) return { ok: true, value: null };
  if (E_INVOICE.includes(w))
    return {
      ok: false,
      error: `"${text.trim()}" is an e-invoice network, not a way to send letters: write email or post, or leave this column out`,
    };
  const channel = lookup(CHANNEL_WORDS, text);
  return channel
    ? { ok: true, value: channel }
    : { ok: false, error: `"${text.trim()}" is not a channel we know: write email or post` };
}
