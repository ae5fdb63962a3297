import type { LetterTemplateSet } from "../template-types";

// Lettere di sollecito in italiano a un consumatore, una per livello: al privato si dà del
// "Lei" (La, Le, Sua, con la maiuscola di cortesia). Stesso contenuto delle lettere alle
// aziende (it.ts), cambia solo la forma di cortesia.
export const itLei: LetterTemplateSet = {
  contactLine:
    "Per qualsiasi chiarimento può contattare {{orgContactPerson}} al numero {{orgPhone}} o all'indirizzo {{orgEmail}}.",
  stages: {
    1: {
      subject: "Sollecito di pagamento: {{invoicesDue}} scaduti",
      paragraphs: [
        "Dalle nostre registrazioni {{n:risulta ancora aperta la fattura indicata di seguito, di|risultano ancora aperte le fatture indicate di seguito, per complessivi}} {{invoicesDue}}, {{n:scaduta da|la più datata delle quali è scaduta da}} {{daysPastDue}} giorni. Qualora abbia già provveduto al pagamento, La ringraziamo e La preghiamo di non tenere conto della presente.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "La preghiamo di effettuare il pagamento di {{totalDue}} entro {{deadline}}.",
        "{{paymentDetails}}",
        "Se ritiene che {{n:la fattura contenga|le fatture contengano}} un errore, o se desidera concordare un piano di pagamento, La preghiamo di comunicarcelo entro {{deadline}}: troveremo insieme una soluzione.",
      ],
    },
    2: {
      subject: "Secondo sollecito di pagamento: {{invoicesDue}} scaduti",
      paragraphs: [
        "{{contactStatus}} Ad oggi non ci risulta pervenuto il pagamento di {{invoicesDue}}, {{n:scaduto|con prima scadenza}} {{oldestDueDate}}: {{n:la fattura è|la fattura più datata è}} ora in ritardo di {{daysPastDue}} giorni.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "La invitiamo a saldare {{totalDue}} entro {{deadline}}.",
        "{{paymentDetails}}",
        "Se il pagamento dell'intero importo in un'unica soluzione Le crea difficoltà, ci contatti: siamo disponibili a concordare un piano di pagamento sostenibile per entrambe le parti.",
        "Le ricordiamo che i ritardi nei pagamenti possono incidere sulle condizioni di pagamento che potremo riservarLe in futuro.",
      ],
    },
    3: {
      subject: "{{noticeTitle}}",
      paragraphs: [
        "{{contactStatus}} Nonostante i nostri solleciti, l'importo di {{invoicesDue}}, {{n:scaduto|con prima scadenza}} {{oldestDueDate}}, risulta ancora insoluto a {{daysPastDue}} giorni dalla {{n:scadenza|prima scadenza}}.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "{{formalNotice}}",
        "{{paymentDetails}}",
        "Qualora non possa saldare l'intero importo di {{totalDue}}, ci contatti entro {{deadline}} per concordare un piano di pagamento. È il nostro ultimo invito a definire la questione direttamente con noi.",
      ],
    },
    4: {
      subject: "Affidamento del credito alla società di recupero crediti {{agency}}",
      paragraphs: [
        "{{contactStatus}} {{n:La fattura indicata di seguito, scaduta|Le fatture indicate di seguito, con prima scadenza}} {{oldestDueDate}}, per complessivi {{invoicesDue}}, {{n:risulta ancora insoluta|risultano ancora insolute}} nonostante i nostri contatti:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "La informiamo che {{handoffDate}} abbiamo affidato il recupero del credito alla nostra società di recupero crediti, {{agency}} (riferimento pratica {{handoffReference}}). Da questo momento La preghiamo di versare {{totalDue}} a {{agency}}, e non a noi, entro {{deadline}}, citando il riferimento, e di rivolgere a {{agency}} ogni comunicazione sul credito:",
        "{{agencyDetails}}",
        "La presente Le è inviata a mezzo {{registeredPost}} a documentazione dei nostri contatti, delle fatture e dell'importo dovuto.",
      ],
    },
  },
};
