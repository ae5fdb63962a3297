import type { Language } from "@/lib/generated/prisma/enums";

// The customer's page in the customer's language, written as the letters write:
// a company is addressed as "Voi" in Italian and "dere" in Norwegian, plainly and
// politely, with no threat and nothing the letters do not say.

export interface PortalWords {
  title: (org: string) => string;
  intro: (customer: string) => string;
  totalOpen: string;
  openInvoices: string;
  noOpenInvoices: string;
  invoice: string;
  issued: string;
  due: string;
  amount: string;
  open: string;
  disputed: string;
  copy: string;
  charges: string;
  chargeKinds: Record<string, string>;
  credit: (amount: string) => string;
  letters: string;
  noLetters: string;
  letter: (stage: number) => string;
  sentOn: string;
  download: string;
  payment: string;
  bank: string;
  account: string;
  reference: string;
  kid: string;
  qrCaption: string;
  otherWays: string;
  actions: string;
  paid: { title: string; date: string; amount: string; reference: string; submit: string; done: string };
  dispute: {
    title: string;
    invoice: string;
    reason: string;
    file: string;
    fileHint: string;
    submit: string;
    done: string;
  };
  time: {
    title: string;
    promise: string;
    promiseDate: string;
    plan: string;
    planLines: string;
    planHint: string;
    note: string;
    submit: string;
    done: string;
  };
  message: { title: string; text: string; submit: string; done: string };
  yourRequests: string;
  requestKinds: Record<"PAID_CLAIM" | "DISPUTE" | "PROMISE" | "PLAN" | "MESSAGE", string>;
  received: string;
  answered: string;
  contact: (phone: string, email: string) => string;
  deadLink: { title: string; text: string };
  tooMany: string;
  errors: {
    invalid: string;
    date: string;
    amount: string;
    text: string;
    invoice: string;
    fileType: string;
    fileSize: (kb: number) => string;
    plan: string;
    generic: string;
  };
}

const en: PortalWords = {
  title: (org) => `Your account with ${org}`,
  intro: (customer) => `${customer}: here you can see what is open, download copies and answer us directly.`,
  totalOpen: "Open balance",
  openInvoices: "Open invoices",
  noOpenInvoices: "No invoice is open. Thank you.",
  invoice: "Invoice",
  issued: "Issued",
  due: "Due",
  amount: "Amount",
  open: "Open",
  disputed: "disputed",
  copy: "Copy",
  charges: "Charges claimed",
  chargeKinds: {
    interest: "Late payment interest",
    contractual_interest: "Contractual interest",
    compensation: "Compensation for recovery costs",
    reminder_fee: "Reminder fee",
    flat_fee: "Fee",
  },
  credit: (amount) => `Credit on your account: ${amount}. We will set it against what is open.`,
  letters: "Letters we sent",
  noLetters: "No letter yet.",
  letter: (stage) => `Letter ${stage}`,
  sentOn: "Sent",
  download: "Download",
  payment: "How to pay",
  bank: "Bank",
  account: "Account",
  reference: "Reference",
  kid: "KID",
  qrCaption: "Scan with your banking app to pay the open balance by SEPA transfer.",
  otherWays: "Other ways to pay",
  actions: "Answer us",
  paid: {
    title: "We have paid",
    date: "Date of payment",
    amount: "Amount paid",
    reference: "Payment reference (optional)",
    submit: "Tell us you have paid",
    done: "Thank you. We will match your payment and hold any further letter meanwhile.",
  },
  dispute: {
    title: "Dispute an invoice",
    invoice: "Invoice",
    reason: "What is wrong with it",
    file: "Attachment (optional)",
    fileHint: "PDF, PNG or JPEG, at most 2 MB.",
    submit: "Send the dispute",
    done: "Thank you. The invoice is marked as disputed and we will not remind you of it until we have answered.",
  },
  time: {
    title: "Ask for more time",
    promise: "I will pay everything by",
    promiseDate: "Date",
    plan: "Or propose instalments",
    planLines: "Instalments, one per line: date and amount",
    planHint: "For example: 2027-01-15 500.00",
    note: "Anything we should know (optional)",
    submit: "Send the request",
    done: "Thank you. We will answer your request shortly.",
  },
  message: {
    title: "Write to us",
    text: "Your message",
    submit: "Send the message",
    done: "Thank you. Your message has reached us.",
  },
  yourRequests: "What you told us",
  requestKinds: {
    PAID_CLAIM: "Payment reported",
    DISPUTE: "Dispute",
    PROMISE: "Promise to pay",
    PLAN: "Instalment proposal",
    MESSAGE: "Message",
  },
  received: "received",
  answered: "answered",
  contact: (phone, email) => `Questions: ${[phone, email].filter(Boolean).join(", ")}.`,
  deadLink: {
    title: "This link does not work",
    text: "The link may have expired or been switched off. Please use the link in our most recent letter, or contact us.",
  },
  tooMany: "Too many requests. Please wait a few minutes and try again.",
  errors: {
    invalid: "Some fields need attention.",
    date: "Enter a date.",
    amount: "Enter an amount, like 1250.00.",
    text: "Please write a few words.",
    invoice: "Choose one of your open invoices.",
    fileType: "The attachment must be a PDF, PNG or JPEG file.",
    fileSize: (kb) => `The attachment must be at most ${kb} KB.`,
    plan: "Write one instalment per line: a date and an amount.",
    generic: "Something went wrong on our side; nothing was changed. Please try again.",
  },
};

const it: PortalWords = {
  title: (org) => `La Vostra posizione presso ${org}`,
  intro: (customer) =>
    `${customer}: qui potete consultare gli importi aperti, scaricare le copie dei documenti e risponderci direttamente.`,
  totalOpen: "Saldo aperto",
  openInvoices: "Fatture aperte",
  noOpenInvoices: "Non risultano fatture aperte. Vi ringraziamo.",
  invoice: "Fattura",
  issued: "Emessa il",
  due: "Scadenza",
  amount: "Importo",
  open: "Da pagare",
  disputed: "contestata",
  copy: "Copia",
  charges: "Importi accessori richiesti",
  chargeKinds: {
    interest: "Interessi di mora",
    contractual_interest: "Interessi contrattuali",
    compensation: "Risarcimento dei costi di recupero",
    reminder_fee: "Spese di sollecito",
    flat_fee: "Spese",
  },
  credit: (amount) => `Credito a Vostro favore: ${amount}. Lo porteremo in compensazione con gli importi aperti.`,
  letters: "Lettere inviate",
  noLetters: "Nessuna lettera finora.",
  letter: (stage) => `Lettera n. ${stage}`,
  sentOn: "Inviata il",
  download: "Scarica",
  payment: "Modalità di pagamento",
  bank: "Banca",
  account: "Conto",
  reference: "Causale",
  kid: "KID",
  qrCaption: "Inquadrate il codice con l'app della Vostra banca per pagare il saldo aperto con bonifico SEPA.",
  otherWays: "Altre modalità di pagamento",
  actions: "Rispondeteci",
  paid: {
    title: "Abbiamo già pagato",
    date: "Data del pagamento",
    amount: "Importo pagato",
    reference: "Riferimento del pagamento (facoltativo)",
    submit: "Segnala il pagamento",
    done: "Grazie. Verificheremo il pagamento e nel frattempo sospenderemo ogni ulteriore sollecito.",
  },
  dispute: {
    title: "Contestare una fattura",
    invoice: "Fattura",
    reason: "Motivo della contestazione",
    file: "Allegato (facoltativo)",
    fileHint: "PDF, PNG o JPEG, al massimo 2 MB.",
    submit: "Invia la contestazione",
    done: "Grazie. La fattura risulta contestata e non Vi solleciteremo per essa fino alla nostra risposta.",
  },
  time: {
    title: "Chiedere più tempo",
    promise: "Pagheremo l'intero importo entro il",
    promiseDate: "Data",
    plan: "Oppure proponete un piano di rate",
    planLines: "Rate, una per riga: data e importo",
    planHint: "Ad esempio: 2027-01-15 500,00",
    note: "Eventuali note (facoltative)",
    submit: "Invia la richiesta",
    done: "Grazie. Risponderemo al più presto alla Vostra richiesta.",
  },
  message: {
    title: "Scriveteci",
    text: "Il Vostro messaggio",
    submit: "Invia il messaggio",
    done: "Grazie. Abbiamo ricevuto il Vostro messaggio.",
  },
  yourRequests: "Le Vostre comunicazioni",
  requestKinds: {
    PAID_CLAIM: "Pagamento segnalato",
    DISPUTE: "Contestazione",
    PROMISE: "Impegno di pagamento",
    PLAN: "Proposta di rateizzazione",
    MESSAGE: "Messaggio",
  },
  received: "ricevuta",
  answered: "evasa",
  contact: (phone, email) => `Per chiarimenti: ${[phone, email].filter(Boolean).join(", ")}.`,
  deadLink: {
    title: "Questo link non è valido",
    text: "Il link potrebbe essere scaduto o disattivato. Utilizzate il link della nostra ultima lettera oppure contattateci.",
  },
  tooMany: "Troppe richieste. Attendete qualche minuto e riprovate.",
  errors: {
    invalid: "Alcuni campi richiedono attenzione.",
    date: "Indicate una data.",
    amount: "Indicate un importo, ad esempio 1250,00.",
    text: "Scrivete qualche parola.",
    invoice: "Scegliete una delle Vostre fatture aperte.",
    fileType: "L'allegato deve essere un file PDF, PNG o JPEG.",
    fileSize: (kb) => `L'allegato può essere al massimo di ${kb} KB.`,
    plan: "Indicate una rata per riga: data e importo.",
    generic: "Si è verificato un errore da parte nostra; nulla è stato modificato. Riprovate.",
  },
};

const nb: PortalWords = {
  title: (org) => `Kontoen deres hos ${org}`,
  intro: (customer) => `${customer}: her ser dere hva som er åpent, laster ned kopier og svarer oss direkte.`,
  totalOpen: "Åpen saldo",
  openInvoices: "Åpne fakturaer",
  noOpenInvoices: "Ingen fakturaer er åpne. Takk.",
  invoice: "Faktura",
  issued: "Utstedt",
  due: "Forfall",
  amount: "Beløp",
  open: "Åpent",
  disputed: "bestridt",
  copy: "Kopi",
  charges: "Krav om renter og gebyrer",
  chargeKinds: {
    interest: "Forsinkelsesrente",
    contractual_interest: "Avtalt rente",
    compensation: "Kompensasjon for inndrivingskostnader",
    reminder_fee: "Purregebyr",
    flat_fee: "Gebyr",
  },
  credit: (amount) => `Kreditt på kontoen deres: ${amount}. Vi avregner den mot det som er åpent.`,
  letters: "Brev vi har sendt",
  noLetters: "Ingen brev ennå.",
  letter: (stage) => `Brev ${stage}`,
  sentOn: "Sendt",
  download: "Last ned",
  payment: "Slik betaler dere",
  bank: "Bank",
  account: "Kontonummer",
  reference: "Referanse",
  kid: "KID",
  qrCaption: "Skann med bankappen for å betale den åpne saldoen med SEPA-overføring.",
  otherWays: "Andre måter å betale på",
  actions: "Svar oss",
  paid: {
    title: "Vi har betalt",
    date: "Betalingsdato",
    amount: "Betalt beløp",
    reference: "Betalingsreferanse (valgfritt)",
    submit: "Gi beskjed om betalingen",
    done: "Takk. Vi finner betalingen og sender ikke flere brev i mellomtiden.",
  },
  dispute: {
    title: "Bestrid en faktura",
    invoice: "Faktura",
    reason: "Hva er feil",
    file: "Vedlegg (valgfritt)",
    fileHint: "PDF, PNG eller JPEG, høyst 2 MB.",
    submit: "Send innsigelsen",
    done: "Takk. Fakturaen er merket som bestridt, og vi purrer ikke på den før vi har svart.",
  },
  time: {
    title: "Be om utsettelse",
    promise: "Vi betaler alt innen",
    promiseDate: "Dato",
    plan: "Eller foreslå en avdragsplan",
    planLines: "Avdrag, ett per linje: dato og beløp",
    planHint: "For eksempel: 2027-01-15 500,00",
    note: "Noe vi bør vite (valgfritt)",
    submit: "Send forespørselen",
    done: "Takk. Vi svarer på forespørselen så snart vi kan.",
  },
  message: {
    title: "Skriv til oss",
    text: "Meldingen deres",
    submit: "Send meldingen",
    done: "Takk. Vi har mottatt meldingen.",
  },
  yourRequests: "Det dere har sendt oss",
  requestKinds: {
    PAID_CLAIM: "Betaling meldt",
    DISPUTE: "Innsigelse",
    PROMISE: "Betalingsløfte",
    PLAN: "Forslag til avdragsplan",
    MESSAGE: "Melding",
  },
  received: "mottatt",
  answered: "besvart",
  contact: (phone, email) => `Spørsmål: ${[phone, email].filter(Boolean).join(", ")}.`,
  deadLink: {
    title: "Denne lenken virker ikke",
    text: "Lenken kan være utløpt eller slått av. Bruk lenken i vårt siste brev, eller kontakt oss.",
  },
  tooMany: "For mange forespørsler. Vent noen minutter og prøv igjen.",
  errors: {
    invalid: "Noen felt må rettes.",
    date: "Skriv inn en dato.",
    amount: "Skriv inn et beløp, for eksempel 1250,00.",
    text: "Skriv noen ord.",
    invoice: "Velg en av de åpne fakturaene.",
    fileType: "Vedlegget må være en PDF-, PNG- eller JPEG-fil.",
    fileSize: (kb) => `Vedlegget kan være høyst ${kb} KB.`,
    plan: "Skriv ett avdrag per linje: dato og beløp.",
    generic: "Noe gikk galt hos oss; ingenting ble endret. Prøv igjen.",
  },
};

export const PORTAL_WORDS: Record<Language, PortalWords> = { en, it, nb };
