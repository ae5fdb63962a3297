import type { LetterTemplateSet } from "../template-types";

// Purrebrev på norsk bokmål, ett per trinn. Bare tekst: data og blokker
// ({{invoiceTable}}, {{attemptList}}, ...) fylles inn av render.ts. Tonen går fra
// vennlig til bestemt, aldri krass (docs: COLLECTIONS.md).
export const nb: LetterTemplateSet = {
  common: {
    attention: "Att.: Regnskapsavdelingen",
    greeting: "Hei {{contactPerson}},",
    signOff: "Med vennlig hilsen",
    contactLine: "Kontakt oss gjerne: {{orgContactPerson}}, telefon {{orgPhone}}, e-post {{orgEmail}}.",
    dateLine: "{{letterDate}}",
    channel: { LETTER: "brev", EMAIL: "e-post", PHONE: "telefonsamtale" },
    outcome: {
      SENT: "sendt",
      DELIVERED: "levert",
      DELIVERY_FAILED: "ikke levert",
      NO_ANSWER: "ikke besvart",
      VOICEMAIL: "beskjed på telefonsvarer",
      SPOKE: "vi snakket sammen",
      REPLIED: "svar mottatt",
    },
    invoiceIssued: "faktura {{number}} utstedt",
    letterSent: "purring {{stage}} ({{stageName}}) sendt",
    invoiceHeader: ["Faktura", "Fakturadato", "Beløp", "Utestående", "Forfallsdato", "Dager over forfall"],
    totalLine: "  Å betale nå: {{totalDue}}",
    stageNames: { 1: "første påminnelse", 2: "andre purring", 3: "tredje purring", 4: "siste varsel" },
  },
  stages: {
    1: {
      subject: "Betalingspåminnelse: {{totalDue}} forfalt ({{customerName}})",
      paragraphs: [
        "Vi skriver angående fakturaen(e) nedenfor, som nå er {{daysPastDue}} dager over forfall, med {{totalDue}} utestående. Kanskje har fakturaen ikke kommet frem, eller betalingen er allerede på vei. I så fall takker vi for det, og du kan se bort fra dette brevet.",
        "Vi har allerede vært i kontakt om dette:",
        "{{attemptList}}",
        "Kontooversikt:",
        "{{invoiceTable}}",
        "Slik går du frem: Vennligst betal {{totalDue}} innen {{deadline}}. {{paymentInstructions}}",
        "Mener du at fakturaen inneholder en feil, eller ønsker du å avtale en annen betalingsplan, ber vi deg gi beskjed innen {{deadline}}, så finner vi en løsning sammen.",
      ],
    },
    2: {
      subject: "Andre purring: {{totalDue}} forfalt ({{customerName}})",
      paragraphs: [
        "Vi har ennå ikke mottatt betaling av {{totalDue}}, nå {{daysPastDue}} dager etter opprinnelig forfallsdato {{oldestDueDate}}, og vi har ikke hørt fra deg siden våre tidligere henvendelser:",
        "{{attemptList}}",
        "Disse fakturaene er fortsatt ubetalt:",
        "{{invoiceTable}}",
        "Vennligst betal {{totalDue}} innen {{deadline}}. Betalingsmåter: {{paymentInstructions}} Du kan også betale med kort over telefon på {{orgPhone}}, eller med sjekk sendt i posten til adressen øverst i brevet.",
        "Er det vanskelig å betale hele beløpet på én gang, ring oss: vi er villige til å avtale en betalingsplan som fungerer for begge parter.",
        "Vær oppmerksom på at ubetalte krav kan påvirke kredittvurderingen din og kredittgrensene vi og andre kan tilby deg senere.",
      ],
    },
    3: {
      subject: "Tredje purring, haster: {{totalDue}} forfalt ({{customerName}})",
      paragraphs: [
        "Til tross for våre brev, telefonsamtaler og e-poster står saldoen på {{totalDue}} fortsatt ubetalt, nå {{daysPastDue}} dager etter opprinnelig forfallsdato {{oldestDueDate}}. Våre henvendelser så langt:",
        "{{attemptList}}",
        "Disse fakturaene er fortsatt ubetalt:",
        "{{invoiceTable}}",
        "Dersom hele beløpet ikke er betalt, eller en betalingsplan er avtalt med oss, innen {{deadline}}, overlater vi kravet til et inkassobyrå og/eller vår advokat uten ytterligere varsel.",
        "Slik betaler du: {{paymentInstructions}} Du kan også betale med kort over telefon på {{orgPhone}}.",
        "Dette er vår siste oppfordring om å ta kontakt med oss innen {{deadline}}, slik at vi kan løse saken sammen.",
      ],
    },
    4: {
      subject: "Siste varsel: kravet er overført til inkasso ({{customerName}})",
      paragraphs: [
        "Vi har ikke hørt fra deg om fakturaen(e) nedenfor, til sammen {{totalDue}}, med opprinnelig forfall {{oldestDueDate}}, og har ikke fått svar på våre telefoner, e-poster og brev:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Saken er ikke lenger i våre hender. Den {{handoffDate}} ble kravet overført til {{agency}} (referanse {{handoffReference}}), som vil kontakte deg, og det er meldt til kredittopplysningsbyrået. Eventuell betaling må skje i sin helhet innen {{deadline}}, merket med denne referansen.",
        "Dette brevet sendes rekommandert som dokumentasjon på våre gjentatte henvendelser, fakturaene og beløpet som skyldes.",
      ],
    },
  },
};
