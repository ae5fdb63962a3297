import type { LetterTemplateSet } from "../template-types";

// Lettere di sollecito in italiano, una per livello. Alle aziende si dà del "Voi".
// Le date nel testo portano l'articolo ({{deadline}} = "il 21 dicembre 2026", "l'8 gennaio 2027").
export const it: LetterTemplateSet = {
  contactLine:
    "Per qualsiasi chiarimento potete contattare {{orgContactPerson}} al numero {{orgPhone}} o all'indirizzo {{orgEmail}}.",
  stages: {
    1: {
      subject: "Sollecito di pagamento: {{invoicesDue}} scaduti",
      paragraphs: [
        "Dalle nostre registrazioni {{n:risulta ancora aperta la fattura indicata di seguito, di|risultano ancora aperte le fatture indicate di seguito, per complessivi}} {{invoicesDue}}, {{n:scaduta da|la più datata delle quali è scaduta da}} {{daysPastDue}} giorni. Qualora abbiate già provveduto al pagamento, Vi ringraziamo e Vi preghiamo di non tenere conto della presente.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Vi preghiamo di effettuare il pagamento di {{totalDue}} entro {{deadline}}.",
        "{{paymentDetails}}",
        "Se ritenete che {{n:la fattura contenga|le fatture contengano}} un errore, o se desiderate concordare un piano di pagamento, Vi preghiamo di comunicarcelo entro {{deadline}}: troveremo insieme una soluzione.",
      ],
    },
    2: {
      subject: "Secondo sollecito di pagamento: {{invoicesDue}} scaduti",
      paragraphs: [
        "{{contactStatus}} Ad oggi non ci risulta pervenuto il pagamento di {{invoicesDue}}, {{n:scaduto|con prima scadenza}} {{oldestDueDate}}: {{n:la fattura è|la fattura più datata è}} ora in ritardo di {{daysPastDue}} giorni.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Vi invitiamo a saldare {{totalDue}} entro {{deadline}}.",
        "{{paymentDetails}}",
        "Se il pagamento dell'intero importo in un'unica soluzione Vi crea difficoltà, contattateci: siamo disponibili a concordare un piano di pagamento sostenibile per entrambe le parti.",
        "Vi ricordiamo che i ritardi nei pagamenti possono incidere sulle condizioni di credito che potremo riservarVi in futuro.",
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
        "Qualora non possiate saldare l'intero importo di {{totalDue}}, contattateci entro {{deadline}} per concordare un piano di pagamento. È il nostro ultimo invito a definire la questione direttamente con noi.",
      ],
    },
    4: {
      subject: "Affidamento del credito alla società di recupero crediti {{agency}}",
      paragraphs: [
        "{{contactStatus}} {{n:La fattura indicata di seguito, scaduta|Le fatture indicate di seguito, con prima scadenza}} {{oldestDueDate}}, per complessivi {{invoicesDue}}, {{n:risulta ancora insoluta|risultano ancora insolute}} nonostante i nostri contatti:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Vi informiamo che {{handoffDate}} abbiamo affidato il recupero del credito alla nostra società di recupero crediti, {{agency}} (riferimento pratica {{handoffReference}}). Da questo momento Vi preghiamo di versare {{totalDue}} a {{agency}}, e non a noi, entro {{deadline}}, citando il riferimento, e di rivolgere a {{agency}} ogni comunicazione sul credito:",
        "{{agencyDetails}}",
        "La presente Vi è inviata a mezzo {{registeredPost}} a documentazione dei nostri contatti, delle fatture e dell'importo dovuto.",
      ],
    },
  },
};
