import type { LetterTemplateSet } from "../template-types";

// Solleciti di pagamento in italiano, uno per fase. Solo il testo: dati e blocchi
// ({{invoiceTable}}, {{attemptList}}, ...) li inserisce render.ts. Il tono sale
// da cortese a fermo, mai aggressivo (docs: COLLECTIONS.md).
export const it: LetterTemplateSet = {
  common: {
    attention: "Alla c.a. dell'Ufficio Amministrazione",
    greeting: "Gentile {{contactPerson}},",
    signOff: "Distinti saluti,",
    contactLine: "Per qualsiasi chiarimento: {{orgContactPerson}}, tel. {{orgPhone}}, e-mail {{orgEmail}}.",
    dateLine: "{{letterDate}}",
    channel: { LETTER: "lettera", EMAIL: "e-mail", PHONE: "telefonata" },
    outcome: {
      SENT: "inviata",
      DELIVERED: "consegnata",
      DELIVERY_FAILED: "non consegnata",
      NO_ANSWER: "nessuna risposta",
      VOICEMAIL: "messaggio in segreteria",
      SPOKE: "colloquio avvenuto",
      REPLIED: "risposta ricevuta",
    },
    invoiceIssued: "emissione della fattura {{number}}",
    letterSent: "invio del sollecito n. {{stage}} ({{stageName}})",
    invoiceHeader: ["Fattura", "Data fattura", "Importo", "Residuo", "Scadenza", "Giorni di ritardo"],
    totalLine: "  Totale da pagare: {{totalDue}}",
    stageNames: { 1: "primo sollecito", 2: "secondo sollecito", 3: "terzo sollecito", 4: "diffida finale" },
  },
  stages: {
    1: {
      subject: "Sollecito di pagamento: {{totalDue}} scaduti ({{customerName}})",
      paragraphs: [
        "Le scriviamo in merito alle fatture indicate di seguito, scadute da {{daysPastDue}} giorni, per un importo residuo di {{totalDue}}. È possibile che la fattura non Le sia pervenuta o che il pagamento sia già in corso: in tal caso La ringraziamo e La preghiamo di non tenere conto della presente.",
        "Abbiamo già preso contatto con Voi in queste occasioni:",
        "{{attemptList}}",
        "Riepilogo della posizione:",
        "{{invoiceTable}}",
        "Come procedere: La preghiamo di saldare l'importo di {{totalDue}} entro il {{deadline}}. {{paymentInstructions}}",
        "Se ritiene che la fattura contenga un errore, o se desidera concordare un piano di pagamento diverso, ce lo comunichi entro il {{deadline}}: saremo lieti di trovare insieme una soluzione.",
      ],
    },
    2: {
      subject: "Secondo sollecito: {{totalDue}} scaduti ({{customerName}})",
      paragraphs: [
        "Non abbiamo ancora ricevuto il pagamento di {{totalDue}}, scaduto da {{daysPastDue}} giorni rispetto alla scadenza originaria del {{oldestDueDate}}, né abbiamo avuto Sue notizie dopo i nostri precedenti contatti:",
        "{{attemptList}}",
        "Le fatture ancora aperte sono:",
        "{{invoiceTable}}",
        "La invitiamo a pagare {{totalDue}} entro il {{deadline}}. Modalità di pagamento: {{paymentInstructions}} È possibile pagare anche con carta di credito per telefono al numero {{orgPhone}}, oppure con assegno inviato per posta all'indirizzo riportato in intestazione.",
        "Se il pagamento dell'intero importo in un'unica soluzione Le risulta difficile, ci contatti: siamo disponibili a concordare un piano di pagamento rateale accettabile per entrambe le parti.",
        "Le ricordiamo che i mancati pagamenti possono incidere sul Suo merito creditizio e sui limiti di fido che noi e altri fornitori potremo concederLe in futuro.",
      ],
    },
    3: {
      subject: "Terzo sollecito urgente: {{totalDue}} scaduti ({{customerName}})",
      paragraphs: [
        "Nonostante le nostre lettere, telefonate ed e-mail, il saldo di {{totalDue}} risulta ancora insoluto, a {{daysPastDue}} giorni dalla scadenza originaria del {{oldestDueDate}}. Riepiloghiamo i contatti avuti finora:",
        "{{attemptList}}",
        "Le fatture ancora aperte sono:",
        "{{invoiceTable}}",
        "Qualora l'intero importo non venga saldato, o non venga concordato con noi un piano di pagamento, entro il {{deadline}}, affideremo la pratica a una società di recupero crediti e/o al nostro legale, senza ulteriore preavviso.",
        "Per il pagamento: {{paymentInstructions}} È possibile pagare anche con carta di credito per telefono al numero {{orgPhone}}.",
        "La invitiamo pertanto, per l'ultima volta, a contattarci entro il {{deadline}} per definire insieme la posizione.",
      ],
    },
    4: {
      subject: "Diffida finale: pratica affidata al recupero crediti ({{customerName}})",
      paragraphs: [
        "Non abbiamo ricevuto alcun riscontro in merito alle fatture indicate di seguito, per complessivi {{totalDue}}, scadute il {{oldestDueDate}}, né risposte alle nostre telefonate, e-mail e lettere:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "La questione non è più di nostra competenza. In data {{handoffDate}} la pratica è stata affidata a {{agency}} (riferimento {{handoffReference}}), che La contatterà direttamente, ed è stata segnalata alla centrale rischi. Ogni pagamento dovrà essere effettuato per l'intero importo entro il {{deadline}}, indicando tale riferimento.",
        "La presente viene inviata con raccomandata con avviso di ricevimento, a prova dei ripetuti contatti, delle fatture e dell'importo dovuto.",
      ],
    },
  },
};
