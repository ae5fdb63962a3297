import { printedRfReference } from "@/lib/iso/payment-reference";
import { italianArticle } from "@/lib/locale/letter-format";
import type { DateOnly } from "@/lib/time/dates";
import type { LetterPhrases } from "./types";
import { DEBT_PROTOCOL_URL, joinList } from "./util";

// Italian B2B letters address the company as "Voi" (capitalised, also in enclitics:
// "contattarVi"); a consumer is addressed as "Lei" ("La preghiamo", "Le abbiamo
// telefonato", "Sua"), worded so no past participle has to guess the reader's gender.
// "del 12 novembre", "dell'8 novembre".

// Each charge line names its legal basis in Italian; the working basis stays in the charge row.
const CHARGE = {
  interest: "Interessi moratori ex art. 5 D.Lgs. 231/2002",
  compensation: "Importo forfettario ex art. 6 D.Lgs. 231/2002",
  reminder_fee: "Spese di sollecito",
  contractual_interest: "Interessi convenzionali",
  flat_fee: "Penale contrattuale",
} as const;
/** A customer under another country's law: the charge named without an Italian statute. */
const CHARGE_ABROAD = {
  interest: "Interessi di mora",
  compensation: "Indennizzo forfettario per le spese di recupero",
  reminder_fee: "Spese di sollecito",
  contractual_interest: "Interessi convenzionali",
  flat_fee: "Penale contrattuale",
} as const;

/** "del 12 novembre 2026", "dell'8 novembre 2026". */
const del = (d: DateOnly, day: (d: DateOnly) => string) => `${italianArticle(d) === "l'" ? "dell'" : "del "}${day(d)}`;

/** "Voi" to a company (and a sole trader), "Lei" to a consumer. */
export type ItalianAddress = "Voi" | "Lei";

export function italianPhrases(form: ItalianAddress): LetterPhrases {
  const lei = form === "Lei";
  /** The same sentence to a company ("Voi") and to a consumer ("Lei"). */
  const v = (voi: string, toLei: string) => (lei ? toLei : voi);
  const Vostro = v("Vostro", "Suo");
  const Vostra = v("Vostra", "Sua");
  /** Direct object ("Vi preghiamo", "La preghiamo") and indirect ("Vi invieremo", "Le invieremo"). */
  const VIdir = v("Vi", "La");
  const VIind = v("Vi", "Le");
  const phrases: LetterPhrases = {
    attention: (person) => (person ? `Alla c.a. di ${person}` : "Alla c.a. dell'Ufficio Amministrazione"),
    greeting: (person, company) => (person ? `Gentile ${person},` : `Spettabile ${company},`),
    signOff: () => "Distinti saluti,",
    dateLine: (city, date) => (city ? `${city}, ${date}` : date),
    contactsIntro: (stage) =>
      stage === 1
        ? v("Vi abbiamo già contattato in merito:", "Ci siamo già messi in contatto con Lei in merito:")
        : "Riepilogo dei nostri contatti in merito:",
    contact(c, day) {
      if (c.kind === "promise") {
        const outcome = { kept: "pagamento ricevuto", broken: "pagamento non ricevuto", pending: "non ancora scaduto" }[
          c.status
        ];
        return `${v("Vi siete impegnati a pagare", "impegno da Lei assunto di pagare")} ${c.amount} entro ${day(c.promisedFor)}: ${outcome}`;
      }
      const letter = c.letterStage
        ? `la nostra lettera n. ${c.letterStage} (${STAGE_NAMES[c.letterStage as 1]})`
        : null;
      if (c.direction === "INBOUND")
        return {
          EMAIL: `ricevuta la ${Vostra} e-mail`,
          PHONE: v("ci avete telefonato", "ci ha telefonato"),
          LETTER: `ricevuta la ${Vostra} lettera`,
          PORTAL: `ricevuta la ${Vostra} comunicazione dalla pagina del conto`,
        }[c.channel];
      if (c.channel === "PHONE")
        return c.outcome === "NO_ANSWER"
          ? `${VIind} abbiamo telefonato, senza risposta`
          : c.outcome === "VOICEMAIL"
            ? `${VIind} abbiamo telefonato e lasciato un messaggio in segreteria`
            : c.outcome === "SPOKE"
              ? `${VIind} abbiamo telefonato e abbiamo parlato con ${v("Voi", "Lei")}`
              : `${VIind} abbiamo telefonato`;
      if (c.channel === "EMAIL") {
        if (c.outcome === "DELIVERY_FAILED") return `${letter ?? "la nostra e-mail"}: e-mail non recapitata`;
        return letter ? `inviata per e-mail ${letter}` : `${VIind} abbiamo scritto per e-mail`;
      }
      return letter ? `inviata per posta ${letter}` : `${VIind} abbiamo scritto per posta`;
    },
    contactStatus: (s, day) =>
      s.lastAnswerOn
        ? `Facciamo seguito al ${Vostro} riscontro ${del(s.lastAnswerOn, day)}.`
        : s.lastLetterOn
          ? `Non abbiamo ricevuto alcun riscontro alla nostra lettera ${del(s.lastLetterOn, day)}.`
          : "",
    invoiceHeader: ["Fattura", "Data", "Importo", "Da pagare", "Scadenza", "Giorni"],
    chargeHeader: ["Oneri", "Importo"],
    charge: (c, f) =>
      [
        `${f.profile && f.profile !== "IT" ? CHARGE_ABROAD[c.kind] : CHARGE[c.kind]}${c.invoiceNumber ? `, fattura ${c.invoiceNumber}` : ""}`,
        c.ratePercent ? `tasso ${f.rate(c.ratePercent)} annuo` : "",
        c.fromDate && c.toDate ? `dal ${f.day(c.fromDate)} al ${f.day(c.toDate)}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    interestRunning: () => "Sono inoltre dovuti gli interessi moratori maturandi fino al saldo.",
    totalLine: (total) => `Totale dovuto: ${total}`,
    subtotalLines: (invoices, charges) => [`Fatture: ${invoices}`, `Oneri: ${charges}`],
    creditLine: (amount) => `A dedurre, credito a ${Vostro} favore: ${amount}`,
    creditNote: (amount) =>
      `Dalla nostra contabilità risulta a ${Vostro} favore un credito di ${amount} (pagamento o nota di credito non ancora imputati ad alcuna fattura), che abbiamo detratto dall'importo ora dovuto.`,
    enclosures(enclosed, onRequest) {
      const parts: string[] = [];
      if (enclosed.length)
        parts.push(
          `In allegato: copia ${enclosed.length === 1 ? "della fattura" : "delle fatture"} ${joinList(enclosed, "e")}.`,
        );
      if (onRequest.length)
        parts.push(
          `Su richiesta ${VIind} invieremo copia ${onRequest.length === 1 ? "della fattura" : "delle fatture"} ${joinList(onRequest, "e")}.`,
        );
      return parts.join(" ");
    },
    payment(p) {
      const lines: string[] = [];
      if (p.bank) {
        const b = p.bank;
        lines.push(
          `Bonifico bancario${b.bankName ? ` presso ${b.bankName}` : ""}: ${[
            b.iban && `IBAN ${b.iban}`,
            b.bic && `BIC ${b.bic}`,
            b.accountNumber && `conto n. ${b.accountNumber}`,
          ]
            .filter(Boolean)
            .join(", ")}.`,
        );
        const kids = p.invoices.filter((i) => i.kid);
        if (b.usesKid && kids.length === p.invoices.length)
          lines.push(
            `${VIdir} preghiamo di indicare il codice KID: ${p.invoices.map((i) => `${i.kid} (fattura ${i.number})`).join(", ")}.`,
          );
        else if (p.invoices.every((i) => i.rfReference))
          lines.push(
            `Riferimento di pagamento (RF): ${p.invoices.map((i) => `${printedRfReference(i.rfReference!)} (fattura ${i.number})`).join(", ")}.`,
          );
        else
          lines.push(
            `${VIdir} preghiamo di indicare nella causale ${p.invoices.length === 1 ? "il numero della fattura" : "i numeri delle fatture"} ${joinList(
              p.invoices.map((i) => i.number),
              "e",
            )}.`,
          );
      }
      if (p.otherMethods) lines.push(p.otherMethods);
      if (!lines.length) lines.push(`Per le coordinate di pagamento ${VIdir} preghiamo di contattarci.`);
      return lines;
    },
    agencyDetails: (a) => [
      `${a.agency}, società di recupero crediti, riferimento pratica ${a.reference}`,
      a.contact ? `Recapiti: ${a.contact}` : `${a.agency} ${VIdir} contatterà direttamente.`,
      a.paymentDetails ? `Pagamento: ${a.paymentDetails}` : "",
    ],
    noticeTitle: (profile) =>
      ({
        NO: "Preavviso di recupero crediti (inkassovarsel)",
        IT: "Ultimo sollecito e costituzione in mora",
        GB: "Diffida prima dell'azione legale (letter before action)",
        US: "Ultimo sollecito di pagamento",
      })[profile],
    formalNotice(f) {
      switch (f.profile) {
        case "IT":
          return [
            `Con la presente, ai sensi e per gli effetti dell'art. 1219 c.c., ${VIdir} costituiamo formalmente in mora e ${VIind} intimiamo il pagamento di ${f.totalDue}${f.interestClaimed ? ", oltre interessi moratori maturandi fino al saldo," : ""} entro ${f.deadline}. La presente è inviata a mezzo raccomandata A/R e vale anche quale atto interruttivo della prescrizione ai sensi dell'art. 2943 c.c.`,
            "In mancanza del pagamento entro il termine indicato, procederemo al recupero del credito nelle sedi opportune, anche giudiziali.",
          ];
        case "NO":
          return [
            `In mancanza del pagamento di ${f.totalDue} entro ${f.deadline}, il credito sarà affidato a una società di recupero crediti e potranno essere addebitate le relative spese. La presente costituisce preavviso di recupero crediti (inkassovarsel) ai sensi del § 9 della legge norvegese sul recupero crediti (inkassoloven).`,
          ];
        case "GB":
          return [
            `Se l'importo di ${f.totalDue} non sarà saldato, o non sarà concordato con noi un piano di pagamento, entro ${f.deadline}, incaricheremo un legale (solicitors) del recupero del credito, anche in via giudiziale.`,
            ...(f.customerType === "business"
              ? []
              : [
                  `Si applica il Pre-Action Protocol for Debt Claims, che ${VIind} concede ${f.replyDays} giorni per rispondere alla presente: ${VIdir} preghiamo di rispondere entro ${f.deadline}. Alla presente sono allegati l'Information Sheet e il Reply Form del Protocol (Annex 1, in inglese). ${v(
                    "Se contestate il credito, avete bisogno di documenti, Vi state rivolgendo a un consulente o desiderate pagare a rate, compilate il Reply Form e rispeditelo al nostro indirizzo entro tale data. Per una proposta di pagamento rateale allegate anche un prospetto della Vostra situazione finanziaria",
                    "Se contesta il credito, ha bisogno di documenti, si sta rivolgendo a un consulente o desidera pagare a rate, compili il Reply Form e lo rispedisca al nostro indirizzo entro tale data. Per una proposta di pagamento rateale alleghi anche un prospetto della Sua situazione finanziaria",
                  )}: il modulo Financial Statement è pubblicato con il Protocol all'indirizzo ${DEBT_PROTOCOL_URL} (Annex 2) e su richiesta ${v("Ve ne", "Gliene")} invieremo copia cartacea.`,
                ]),
          ];
        default:
          return [
            `In mancanza del pagamento di ${f.totalDue} entro ${f.deadline}, affideremo la pratica a una società di recupero crediti o a un legale.`,
          ];
      }
    },
    registeredPost: () => "raccomandata A/R",
    stageNames: STAGE_NAMES,
  };
  return phrases;
}

const STAGE_NAMES = {
  1: "primo sollecito",
  2: "secondo sollecito",
  3: "costituzione in mora",
  4: "comunicazione finale",
} as const;

export const it = italianPhrases("Voi");
/** An Italian consumer: "Lei". */
export const itLei = italianPhrases("Lei");
