import type { LetterTemplateSet } from "../template-types";

// Norske betalingspåminnelser til forbrukere, én per trinn: en person skriver vi "du" til.
// Samme innhold som til bedrifter (nb.ts), bare tiltaleformen er en annen.
export const nbDu: LetterTemplateSet = {
  contactLine: "Har du spørsmål, kontakt {{orgContactPerson}} på telefon {{orgPhone}} eller e-post {{orgEmail}}.",
  stages: {
    1: {
      subject: "Påminnelse om forfalt betaling: {{invoicesDue}}",
      paragraphs: [
        "Vi kan ikke se å ha mottatt betaling for {{n:fakturaen|fakturaene}} nedenfor, på til sammen {{invoicesDue}}. {{n:Fakturaen|Den eldste fakturaen}} er nå {{daysPastDue}} dager over forfall. Har du allerede betalt, kan du se bort fra denne påminnelsen.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Vi ber deg betale {{totalDue}} innen {{deadline}}.",
        "{{paymentDetails}}",
        "Mener du at {{n:fakturaen|fakturaene}} er feil, eller ønsker du å avtale en betalingsplan, ber vi deg ta kontakt før {{deadline}}, så finner vi en løsning sammen.",
      ],
    },
    2: {
      subject: "Andre påminnelse: {{invoicesDue}} er forfalt",
      paragraphs: [
        "{{contactStatus}} Vi har fortsatt ikke mottatt betaling av {{invoicesDue}}, {{n:som forfalt|med første forfall}} {{oldestDueDate}}. {{n:Fakturaen|Den eldste fakturaen}} er nå {{daysPastDue}} dager over forfall.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Vi ber deg betale {{totalDue}} innen {{deadline}}.",
        "{{paymentDetails}}",
        "Er det vanskelig for deg å betale hele beløpet på én gang, ta kontakt med oss. Vi er villige til å avtale en betalingsplan som fungerer for begge parter.",
        "Vi gjør oppmerksom på at ubetalte krav kan påvirke betalingsvilkårene vi kan tilby deg senere.",
      ],
    },
    3: {
      subject: "{{noticeTitle}}",
      paragraphs: [
        "{{contactStatus}} Til tross for våre påminnelser er {{invoicesDue}} fortsatt ikke betalt, {{daysPastDue}} dager etter {{n:forfall|første forfall}} {{oldestDueDate}}.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "{{formalNotice}}",
        "{{paymentDetails}}",
        "Kan du ikke betale hele beløpet på {{totalDue}}, ta kontakt med oss før {{deadline}} for å avtale en betalingsplan.",
      ],
    },
    4: {
      subject: "Kravet er oversendt til inkasso hos {{agency}}",
      paragraphs: [
        "{{contactStatus}} {{n:Fakturaen|Fakturaene}} nedenfor, til sammen {{invoicesDue}}, er fortsatt ikke betalt til tross for våre henvendelser:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Den {{handoffDate}} oversendte vi kravet til vårt inkassobyrå, {{agency}}, med referanse {{handoffReference}}. Betal {{totalDue}} til {{agency}}, ikke til oss, innen {{deadline}}, og oppgi referansen. Spørsmål om kravet retter du til {{agency}}:",
        "{{agencyDetails}}",
        "Dette brevet sendes {{registeredPost}} som dokumentasjon på våre henvendelser, fakturaene og beløpet som skyldes.",
      ],
    },
  },
};
