import { printedRfReference } from "@/lib/iso/payment-reference";
import type { LetterPhrases } from "./types";
import { DEBT_PROTOCOL_URL, joinList } from "./util";

// Norwegian letters to a company say "dere", to a consumer "du" (object "deg"): a person
// is written to as a person. Letters open with the heading, without a salutation.

// Each charge line names its legal basis in Norwegian; the working basis stays in the charge row.
const CHARGE = {
  interest: "Forsinkelsesrente (forsinkelsesrenteloven § 3)",
  compensation: "Standardkompensasjon (forsinkelsesrenteloven § 3 a)",
  reminder_fee: "Purregebyr (inkassoforskriften § 1-2)",
  contractual_interest: "Avtalt rente",
  flat_fee: "Gebyr",
} as const;
const INKASSOVARSEL_FEE = "Gebyr for inkassovarsel (inkassoforskriften § 1-2)";
/** A customer under another country's law: the charge named without a Norwegian statute. */
const CHARGE_ABROAD = {
  interest: "Forsinkelsesrente",
  compensation: "Kompensasjon for inndrivingskostnader",
  reminder_fee: "Purregebyr",
  contractual_interest: "Avtalt rente",
  flat_fee: "Gebyr",
} as const;

/** "dere" to a company (and a sole trader), "du"/"deg" to a consumer. */
export type NorwegianAddress = "dere" | "du";

export function norwegianPhrases(form: NorwegianAddress): LetterPhrases {
  const du = form === "du";
  /** Subject and object pronoun: "dere"/"dere", "du"/"deg". */
  const you = du ? "du" : "dere";
  const Du = du ? "Du" : "Dere";
  const deg = du ? "deg" : "dere";
  const phrases: LetterPhrases = {
    attention: (person) => `Att.: ${person || "Regnskapsavdelingen"}`,
    greeting: () => "",
    signOff: () => "Med vennlig hilsen",
    dateLine: (city, date) => (city ? `${city}, ${date}` : date),
    contactsIntro: (stage) =>
      stage === 1 ? `Vi har allerede vært i kontakt med ${deg} om dette:` : `Vår kontakt med ${deg} i saken så langt:`,
    contact(c, day) {
      if (c.kind === "promise") {
        const outcome = { kept: "betalt", broken: "ikke betalt", pending: "ikke forfalt ennå" }[c.status];
        return `${you} lovet å betale ${c.amount} innen ${day(c.promisedFor)}: ${outcome}`;
      }
      const letter = c.letterStage ? `brev ${c.letterStage} (${STAGE_NAMES[c.letterStage as 1]})` : null;
      if (c.direction === "INBOUND")
        return {
          EMAIL: `e-post fra ${deg} mottatt`,
          PHONE: `${you} ringte oss`,
          LETTER: `brev fra ${deg} mottatt`,
          PORTAL: `melding fra ${deg} via kontosiden`,
        }[c.channel];
      if (c.channel === "PHONE")
        return c.outcome === "NO_ANSWER"
          ? `vi ringte ${deg}, uten svar`
          : c.outcome === "VOICEMAIL"
            ? `vi ringte ${deg} og la igjen beskjed`
            : c.outcome === "SPOKE"
              ? `vi ringte og snakket med ${deg}`
              : `vi ringte ${deg}`;
      if (c.channel === "EMAIL") {
        if (c.outcome === "DELIVERY_FAILED") return `${letter ?? "e-posten vår"}: e-posten kom ikke fram`;
        return letter ? `${letter} sendt på e-post` : `vi sendte ${deg} e-post`;
      }
      return letter ? `${letter} sendt per post` : `vi skrev til ${deg}`;
    },
    contactStatus: (s, day) =>
      s.lastAnswerOn
        ? `Vi viser til svaret fra ${deg} ${day(s.lastAnswerOn)}.`
        : s.lastLetterOn
          ? `Vi har ikke hørt fra ${deg} siden brevet vårt av ${day(s.lastLetterOn)}.`
          : "",
    invoiceHeader: ["Faktura", "Fakturadato", "Beløp", "Utestående", "Forfall", "Dager"],
    chargeHeader: ["Tillegg", "Beløp"],
    charge: (c, f) =>
      [
        `${f.profile && f.profile !== "NO" ? CHARGE_ABROAD[c.kind] : c.notice === "inkassovarsel" ? INKASSOVARSEL_FEE : CHARGE[c.kind]}${c.invoiceNumber ? `, faktura ${c.invoiceNumber}` : ""}`,
        c.ratePercent ? `${f.rate(c.ratePercent)} p.a.` : "",
        c.fromDate && c.toDate ? `${f.day(c.fromDate)}–${f.day(c.toDate)}` : "",
      ]
        .filter(Boolean)
        .join(", "),
    interestRunning: () => "Forsinkelsesrenten løper videre fram til betaling skjer.",
    totalLine: (total) => `Totalt å betale: ${total}`,
    subtotalLines: (invoices, charges) => [`Fakturaer: ${invoices}`, `Tillegg: ${charges}`],
    creditLine: (amount) => `Fratrukket tilgodehavende: ${amount}`,
    creditNote: (amount) =>
      `${Du} har et tilgodehavende hos oss på ${amount} (innbetaling eller kreditnota som ikke er avregnet mot en faktura). Vi har trukket det fra beløpet som nå skal betales.`,
    enclosures(enclosed, onRequest) {
      const parts: string[] = [];
      if (enclosed.length)
        parts.push(`Vedlagt: kopi av ${enclosed.length === 1 ? "faktura" : "fakturaene"} ${joinList(enclosed, "og")}.`);
      if (onRequest.length)
        parts.push(
          `Ønsker ${you} kopi av ${onRequest.length === 1 ? "faktura" : "fakturaene"} ${joinList(onRequest, "og")}, sender vi ${onRequest.length === 1 ? "den" : "dem"} gjerne.`,
        );
      return parts.join(" ");
    },
    payment(p) {
      const lines: string[] = [];
      if (p.bank) {
        const b = p.bank;
        const account = b.accountNumber ? `kontonummer ${b.accountNumber}` : "";
        const international = [b.iban && `IBAN ${b.iban}`, b.bic && `BIC ${b.bic}`].filter(Boolean).join(", ");
        lines.push(
          `Betal til ${[account, international].filter(Boolean).join(" / ")}${b.bankName ? ` (${b.bankName})` : ""}.`,
        );
        const kids = p.invoices.filter((i) => i.kid);
        if (b.usesKid && kids.length === p.invoices.length)
          lines.push(
            p.invoices.length === 1
              ? `Bruk KID ${p.invoices[0].kid}.`
              : `Bruk KID for hver faktura: ${p.invoices.map((i) => `${i.kid} (faktura ${i.number})`).join(", ")}.`,
          );
        else if (p.invoices.every((i) => i.rfReference))
          lines.push(
            `Betalingsreferanse (RF): ${p.invoices.map((i) => `${printedRfReference(i.rfReference!)} (faktura ${i.number})`).join(", ")}.`,
          );
        else
          lines.push(
            `Merk betalingen med ${p.invoices.length === 1 ? "fakturanummer" : "fakturanumrene"} ${joinList(
              p.invoices.map((i) => i.number),
              "og",
            )}.`,
          );
      }
      if (p.otherMethods) lines.push(p.otherMethods);
      if (!lines.length) lines.push("Ta kontakt med oss for betalingsinformasjon.");
      return lines;
    },
    agencyDetails: (a) => [
      `${a.agency}, referanse ${a.reference}`,
      a.contact ? `Kontakt: ${a.contact}` : `${a.agency} tar kontakt med ${deg}.`,
      a.paymentDetails ? `Betaling: ${a.paymentDetails}` : "",
    ],
    noticeTitle: (profile) =>
      ({
        NO: "Inkassovarsel",
        IT: "Siste påminnelse og formelt påkrav (messa in mora)",
        GB: "Varsel før søksmål (letter before action)",
        US: "Siste påminnelse",
      })[profile],
    formalNotice(f) {
      switch (f.profile) {
        case "NO":
          return [
            `Dersom ${f.totalDue} ikke er betalt innen ${f.deadline}, vil kravet bli oversendt til inkasso, og det kan påløpe omkostninger. Dette er et inkassovarsel etter inkassoloven § 9.`,
          ];
        case "IT":
          return [
            `Med dette brevet settes ${you} formelt i mislighold (messa in mora) etter artikkel 1219 i den italienske sivillovboken, og vi krever betaling av ${f.totalDue} innen ${f.deadline}. Brevet sendes rekommandert med mottaksbevis (raccomandata A/R) og avbryter også foreldelsen (artikkel 2943).`,
            "Blir kravet ikke betalt innen fristen, vil vi inndrive det, om nødvendig ved søksmål.",
          ];
        case "GB":
          return [
            `Er ${f.totalDue} ikke betalt, eller en betalingsplan avtalt med oss, innen ${f.deadline}, vil vi overlate kravet til advokat (solicitors) for inndriving, om nødvendig ved søksmål.`,
            ...(f.customerType === "business"
              ? []
              : [
                  `Pre-Action Protocol for Debt Claims gjelder, og den gir ${deg} ${f.replyDays} dager til å svare på dette brevet: svar oss innen ${f.deadline}. Vedlagt følger protokollens informasjonsark (Information Sheet) og svarskjema (Reply Form), på engelsk (Annex 1). Bestrider ${you} kravet, trenger ${you} dokumenter, får ${you} gjeldsrådgivning eller ønsker ${you} å betale i avdrag, fyll ut svarskjemaet og send det til oss på adressen ovenfor innen fristen. Ved tilbud om avdrag ber vi også om en oversikt over økonomien ${du ? "din" : "deres"}: skjemaet Financial Statement er publisert sammen med protokollen på ${DEBT_PROTOCOL_URL} (Annex 2), og vi sender det på papir om ${you} ber om det.`,
                ]),
          ];
        default:
          return [
            `Er ${f.totalDue} ikke betalt innen ${f.deadline}, vil vi overlate kravet til et inkassobyrå eller en advokat.`,
          ];
      }
    },
    registeredPost: () => "rekommandert",
    stageNames: STAGE_NAMES,
  };
  return phrases;
}

const STAGE_NAMES = { 1: "første påminnelse", 2: "andre påminnelse", 3: "inkassovarsel", 4: "sluttvarsel" } as const;

export const nb = norwegianPhrases("dere");
/** A Norwegian consumer: "du". */
export const nbDu = norwegianPhrases("du");
