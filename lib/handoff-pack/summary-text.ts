import { describeEvent, type EventFormat, type HistoryEvent } from "@/lib/collections/contact-history";
import type { Language } from "@/lib/generated/prisma/enums";
import type { ChargeKind } from "@/lib/law/charges";
import type { MovementKind } from "@/lib/ledger/customer-movements";

// The hand-off summary's words in the customer's language, as their letters
// are written (lib/letters/templates/{en,it,nb}.ts). The history's events are
// worded here too; notes keep the words they were recorded with.

export interface SummaryText {
  /** How table dates are written when not as the customer's letters write them (letterFormat's shortDate). */
  date?: (value: string) => string;
  title: (customer: string) => string;
  subtitle: (org: string, reference: string, asOf: string, timeZone: string) => string;
  footer: (org: string, customer: string, reference: string, asOf: string) => string;
  page: (n: number, total: number) => string;
  none: string;
  customer: {
    heading: string;
    contact: string;
    email: string;
    phone: string;
    line: (reference: string, language: string, currency: string) => string;
  };
  balance: { heading: string; currency: string; open: string; overdueOn: (day: string) => string };
  invoices: {
    heading: string;
    number: string;
    issued: string;
    due: string;
    amount: string;
    paid: string;
    open: string;
    daysPastDue: string;
    note: string;
    paidNote: string;
    disputedNote: string;
  };
  letters: {
    heading: string;
    stage: string;
    sent: string;
    by: string;
    deadline: string;
    totalDue: string;
    delivery: string;
    file: string;
    registered: string;
    postOrEmail: string;
  };
  promises: {
    heading: string;
    madeOn: string;
    kind: string;
    amount: string;
    due: string;
    status: string;
    by: string;
    note: string;
    instalment: string;
    promise: string;
    statuses: Record<"pending" | "kept" | "broken", string>;
  };
  disputes: {
    heading: string;
    invoice: string;
    opened: string;
    by: string;
    reason: string;
    status: string;
    resolution: string;
    resolvedOn: (day: string) => string;
    open: string;
  };
  handoffs: {
    heading: string;
    agency: string;
    reference: string;
    handedOverOn: string;
    amount: string;
    recordedBy: string;
    /** The lines handed over: what letter 3 claimed, and what was added with a reason. */
    linesHeading: string;
    item: string;
    invoice: string;
    claimedBy: string;
    letter3: string;
    added: (reason: string) => string;
    /** A handed-over charge named in the pack's language. */
    chargeKinds: Record<ChargeKind, string>;
  };
  movements: {
    heading: string;
    intro: string;
    on: string;
    entry: string;
    invoice: string;
    reference: string;
    amount: string;
    reason: string;
    by: string;
    kinds: Record<MovementKind, string>;
    onAccount: string;
    reversed: string;
  };
  history: {
    heading: string;
    intro: (timeZone: string) => string;
    when: string;
    who: string;
    what: string;
    note: string;
    letter: (stage: number) => string;
  };
  channels: Record<string, string>;
  directions: Record<string, string>;
  outcomes: Record<string, string>;
  /** A history event (promise, plan, dispute, hand-off, status change) in this language. */
  event: (e: HistoryEvent, f: EventFormat) => string;
}

const en: SummaryText = {
  // ISO dates, as the summary always had: compact in its narrow columns and read the same by any agency.
  date: (value) => value,
  title: (customer) => `Hand-off summary: ${customer}`,
  subtitle: (org, reference, asOf, timeZone) =>
    `${org} · customer ${reference} · figures as of ${asOf} · times in ${timeZone}`,
  footer: (org, customer, reference, asOf) => `${org} · hand-off summary · ${customer} (${reference}) · as of ${asOf}`,
  page: (n, total) => `Page ${n}/${total}`,
  none: "None.",
  customer: {
    heading: "Customer",
    contact: "Contact",
    email: "Email",
    phone: "Phone",
    line: (r, l, c) => `Reference: ${r} · language: ${l} · currency: ${c}`,
  },
  balance: { heading: "Open balance", currency: "Currency", open: "Open", overdueOn: (day) => `Overdue on ${day}` },
  invoices: {
    heading: "Invoices",
    number: "Number",
    issued: "Issued",
    due: "Due",
    amount: "Amount",
    paid: "Paid",
    open: "Open",
    daysPastDue: "Days past due",
    note: "Note",
    paidNote: "paid",
    disputedNote: "disputed",
  },
  letters: {
    heading: "Stage history (letters as sent)",
    stage: "Stage",
    sent: "Sent",
    by: "By",
    deadline: "Deadline",
    totalDue: "Total due",
    delivery: "Delivery",
    file: "File (in letters/)",
    registered: "registered",
    postOrEmail: "post/email",
  },
  promises: {
    heading: "Promises to pay",
    madeOn: "Made on",
    kind: "Kind",
    amount: "Amount",
    due: "Due",
    status: "Status",
    by: "By",
    note: "Note",
    instalment: "instalment",
    promise: "promise",
    statuses: { pending: "pending", kept: "kept", broken: "broken" },
  },
  disputes: {
    heading: "Disputes",
    invoice: "Invoice",
    opened: "Opened",
    by: "By",
    reason: "Reason",
    status: "Status",
    resolution: "Resolution",
    resolvedOn: (day) => `resolved ${day}`,
    open: "open",
  },
  handoffs: {
    heading: "Hand-off record",
    agency: "Agency",
    reference: "Reference",
    handedOverOn: "Handed over on",
    amount: "Amount",
    recordedBy: "Recorded by",

    linesHeading: "What was handed over",
    item: "Item",
    invoice: "Invoice",
    claimedBy: "Claimed by",
    letter3: "letter 3",
    added: (reason) => `added: ${reason}`,
    chargeKinds: {
      interest: "Statutory interest",
      compensation: "Fixed compensation for recovery costs",
      reminder_fee: "Reminder fee",
      contractual_interest: "Contractual interest",
      flat_fee: "Late fee",
    },
  },
  movements: {
    heading: "Money movements",
    intro:
      "Payments and ledger corrections, in the order they were entered. Dates are accounting dates (received, issued, written off, reversed, applied). The same entries are in money-movements.csv.",
    on: "Date",
    entry: "Entry",
    invoice: "Invoice",
    reference: "Reference",
    amount: "Amount",
    reason: "Method or reason",
    by: "Entered by",
    kinds: {
      payment: "payment",
      unapplied_payment: "payment, unapplied",
      credit_note: "credit note",
      write_off: "write-off",
      payment_reversal: "payment reversed",
      credit_applied: "credit applied",
      due_date_extension: "due date extended",
    },
    onAccount: "on account",
    reversed: "later reversed",
  },
  history: {
    heading: "Complete contact history",
    intro: (tz) => `Oldest first; times in ${tz}. The same entries, with UTC times, are in contact-history.csv.`,
    when: "When",
    who: "Who",
    what: "What",
    note: "Note",
    letter: (stage) => `Letter ${stage}: `,
  },
  channels: { LETTER: "letter", EMAIL: "email", PHONE: "phone" },
  directions: { OUTBOUND: "outbound", INBOUND: "inbound" },
  outcomes: {
    SENT: "sent",
    DELIVERED: "delivered",
    DELIVERY_FAILED: "delivery failed",
    NO_ANSWER: "no answer",
    VOICEMAIL: "voicemail",
    SPOKE: "spoke",
    REPLIED: "replied",
  },
  event: describeEvent,
};

const it: SummaryText = {
  title: (customer) => `Riepilogo per l'agenzia di recupero: ${customer}`,
  subtitle: (org, reference, asOf, timeZone) =>
    `${org} · cliente ${reference} · importi al ${asOf} · orari in ${timeZone}`,
  footer: (org, customer, reference, asOf) =>
    `${org} · riepilogo per l'agenzia · ${customer} (${reference}) · al ${asOf}`,
  page: (n, total) => `Pagina ${n}/${total}`,
  none: "Nessuno.",
  customer: {
    heading: "Cliente",
    contact: "Referente",
    email: "E-mail",
    phone: "Telefono",
    line: (r, l, c) => `Codice cliente: ${r} · lingua: ${l} · valuta: ${c}`,
  },
  balance: { heading: "Saldo aperto", currency: "Valuta", open: "Aperto", overdueOn: (day) => `Scaduto al ${day}` },
  invoices: {
    heading: "Fatture",
    number: "Numero",
    issued: "Emessa",
    due: "Scadenza",
    amount: "Importo",
    paid: "Pagato",
    open: "Aperto",
    daysPastDue: "Giorni di ritardo",
    note: "Nota",
    paidNote: "pagata",
    disputedNote: "contestata",
  },
  letters: {
    heading: "Solleciti (lettere come inviate)",
    stage: "Liv.",
    sent: "Inviata",
    by: "Da",
    deadline: "Termine",
    totalDue: "Totale dovuto",
    delivery: "Invio",
    file: "File (in letters/)",
    registered: "raccomandata",
    postOrEmail: "posta/e-mail",
  },
  promises: {
    heading: "Promesse di pagamento",
    madeOn: "Fatta il",
    kind: "Tipo",
    amount: "Importo",
    due: "Scadenza",
    status: "Stato",
    by: "Da",
    note: "Nota",
    instalment: "rata",
    promise: "promessa",
    statuses: { pending: "in attesa", kept: "mantenuta", broken: "non mantenuta" },
  },
  disputes: {
    heading: "Contestazioni",
    invoice: "Fattura",
    opened: "Aperta il",
    by: "Da",
    reason: "Motivo",
    status: "Stato",
    resolution: "Esito",
    resolvedOn: (day) => `risolta il ${day}`,
    open: "aperta",
  },
  handoffs: {
    heading: "Affidamento all'agenzia",
    agency: "Agenzia",
    reference: "Riferimento",
    handedOverOn: "Affidata il",
    amount: "Importo",
    recordedBy: "Registrato da",

    linesHeading: "Cosa è stato affidato",
    item: "Voce",
    invoice: "Fattura",
    claimedBy: "Richiesto da",
    letter3: "lettera 3",
    added: (reason) => `aggiunto: ${reason}`,
    chargeKinds: {
      interest: "Interessi di mora",
      compensation: "Indennizzo forfettario per le spese di recupero",
      reminder_fee: "Spese di sollecito",
      contractual_interest: "Interessi convenzionali",
      flat_fee: "Penale contrattuale",
    },
  },
  movements: {
    heading: "Movimenti contabili",
    intro:
      "Incassi e rettifiche contabili, nell'ordine in cui sono stati registrati. Le date sono quelle contabili (incasso, emissione, stralcio, storno, imputazione). Le stesse voci sono in money-movements.csv.",
    on: "Data",
    entry: "Movimento",
    invoice: "Fattura",
    reference: "Riferimento",
    amount: "Importo",
    reason: "Modalità o causale",
    by: "Registrato da",
    kinds: {
      payment: "incasso",
      unapplied_payment: "incasso non imputato",
      credit_note: "nota di credito",
      write_off: "stralcio",
      payment_reversal: "storno incasso",
      credit_applied: "credito imputato",
      due_date_extension: "scadenza prorogata",
    },
    onAccount: "in conto",
    reversed: "poi stornato",
  },
  history: {
    heading: "Cronologia completa dei contatti",
    intro: (tz) => `Dal più vecchio; orari in ${tz}. Le stesse voci, con orari UTC, sono in contact-history.csv.`,
    when: "Quando",
    who: "Chi",
    what: "Cosa",
    note: "Nota",
    letter: (stage) => `Lettera ${stage}: `,
  },
  channels: { LETTER: "lettera", EMAIL: "e-mail", PHONE: "telefono" },
  directions: { OUTBOUND: "in uscita", INBOUND: "in entrata" },
  outcomes: {
    SENT: "inviata",
    DELIVERED: "consegnata",
    DELIVERY_FAILED: "consegna non riuscita",
    NO_ANSWER: "nessuna risposta",
    VOICEMAIL: "segreteria",
    SPOKE: "parlato",
    REPLIED: "ha risposto",
  },
  event: (e, f) => {
    switch (e.kind) {
      case "promise":
        return `Promessa di pagamento di ${f.money(e.amount, e.currency)} entro il ${f.day(e.promisedFor)}`;
      case "plan":
        return `Piano di rientro: ${e.instalments.map((i) => `${f.money(i.amount, i.currency)} entro il ${f.day(i.promisedFor)}`).join(", ")}`;
      case "dispute_opened":
        return `Fattura ${e.invoiceNumber} contestata`;
      case "handoff":
        return `Affidata a ${e.agency} (riferimento ${e.reference}) il ${f.day(e.handedOverOn)}: ${f.money(e.amount, e.currency)}`;
      case "promise_broken":
        return e.promise
          ? `Promessa di ${f.money(e.promise.amount, e.promise.currency)} entro il ${f.day(e.promise.promisedFor)} non mantenuta`
          : "Promessa non mantenuta";
      case "dispute_resolved":
        return `Contestazione ${e.invoiceNumber ? `della fattura ${e.invoiceNumber} ` : ""}risolta`;
      case "tracking":
        return `Lettera ${e.stage ?? ""} raccomandata, numero di spedizione: ${e.reference}`;
      case "case_closed":
        return "Pratica chiusa: saldo scaduto pagato";
    }
  },
};

const nb: SummaryText = {
  title: (customer) => `Sammendrag for inkassooverlevering: ${customer}`,
  subtitle: (org, reference, asOf, timeZone) => `${org} · kunde ${reference} · tall per ${asOf} · tider i ${timeZone}`,
  footer: (org, customer, reference, asOf) => `${org} · inkassosammendrag · ${customer} (${reference}) · per ${asOf}`,
  page: (n, total) => `Side ${n}/${total}`,
  none: "Ingen.",
  customer: {
    heading: "Kunde",
    contact: "Kontaktperson",
    email: "E-post",
    phone: "Telefon",
    line: (r, l, c) => `Kundenummer: ${r} · språk: ${l} · valuta: ${c}`,
  },
  balance: { heading: "Åpen saldo", currency: "Valuta", open: "Åpent", overdueOn: (day) => `Forfalt per ${day}` },
  invoices: {
    heading: "Fakturaer",
    number: "Nummer",
    issued: "Utstedt",
    due: "Forfall",
    amount: "Beløp",
    paid: "Betalt",
    open: "Åpent",
    daysPastDue: "Dager over forfall",
    note: "Merknad",
    paidNote: "betalt",
    disputedNote: "bestridt",
  },
  letters: {
    heading: "Purrehistorikk (brevene slik de ble sendt)",
    stage: "Trinn",
    sent: "Sendt",
    by: "Av",
    deadline: "Frist",
    totalDue: "Å betale",
    delivery: "Forsendelse",
    file: "Fil (i letters/)",
    registered: "rekommandert",
    postOrEmail: "post/e-post",
  },
  promises: {
    heading: "Betalingsløfter",
    madeOn: "Gitt",
    kind: "Type",
    amount: "Beløp",
    due: "Forfall",
    status: "Status",
    by: "Av",
    note: "Merknad",
    instalment: "avdrag",
    promise: "løfte",
    statuses: { pending: "venter", kept: "holdt", broken: "brutt" },
  },
  disputes: {
    heading: "Innsigelser",
    invoice: "Faktura",
    opened: "Åpnet",
    by: "Av",
    reason: "Begrunnelse",
    status: "Status",
    resolution: "Løsning",
    resolvedOn: (day) => `løst ${day}`,
    open: "åpen",
  },
  handoffs: {
    heading: "Overlevering til inkasso",
    agency: "Inkassobyrå",
    reference: "Referanse",
    handedOverOn: "Overlevert",
    amount: "Beløp",
    recordedBy: "Registrert av",

    linesHeading: "Hva ble overlevert",
    item: "Post",
    invoice: "Faktura",
    claimedBy: "Krevd i",
    letter3: "brev 3",
    added: (reason) => `lagt til: ${reason}`,
    chargeKinds: {
      interest: "Forsinkelsesrente",
      compensation: "Standardkompensasjon",
      reminder_fee: "Purregebyr",
      contractual_interest: "Avtalt rente",
      flat_fee: "Gebyr",
    },
  },
  movements: {
    heading: "Innbetalinger og korreksjoner",
    intro:
      "Innbetalinger og korreksjoner i reskontro, i den rekkefølgen de ble registrert. Datoene er bokføringsdatoer (mottatt, utstedt, avskrevet, tilbakeført, avregnet). De samme oppføringene ligger i money-movements.csv.",
    on: "Dato",
    entry: "Post",
    invoice: "Faktura",
    reference: "Referanse",
    amount: "Beløp",
    reason: "Betalingsmåte eller årsak",
    by: "Registrert av",
    kinds: {
      payment: "innbetaling",
      unapplied_payment: "innbetaling, ikke avregnet",
      credit_note: "kreditnota",
      write_off: "avskrivning",
      payment_reversal: "innbetaling tilbakeført",
      credit_applied: "tilgodehavende avregnet",
      due_date_extension: "forfall utsatt",
    },
    onAccount: "på kontoen",
    reversed: "senere tilbakeført",
  },
  history: {
    heading: "Fullstendig kontakthistorikk",
    intro: (tz) => `Eldste først; tider i ${tz}. De samme oppføringene, med UTC-tider, ligger i contact-history.csv.`,
    when: "Når",
    who: "Hvem",
    what: "Hva",
    note: "Merknad",
    letter: (stage) => `Brev ${stage}: `,
  },
  channels: { LETTER: "brev", EMAIL: "e-post", PHONE: "telefon" },
  directions: { OUTBOUND: "utgående", INBOUND: "inngående" },
  outcomes: {
    SENT: "sendt",
    DELIVERED: "levert",
    DELIVERY_FAILED: "levering feilet",
    NO_ANSWER: "ikke svar",
    VOICEMAIL: "talepost",
    SPOKE: "snakket med",
    REPLIED: "svarte",
  },
  event: (e, f) => {
    switch (e.kind) {
      case "promise":
        return `Lovet å betale ${f.money(e.amount, e.currency)} innen ${f.day(e.promisedFor)}`;
      case "plan":
        return `Betalingsplan: ${e.instalments.map((i) => `${f.money(i.amount, i.currency)} innen ${f.day(i.promisedFor)}`).join(", ")}`;
      case "dispute_opened":
        return `Faktura ${e.invoiceNumber} bestridt`;
      case "handoff":
        return `Overlevert til ${e.agency} (referanse ${e.reference}) ${f.day(e.handedOverOn)}: ${f.money(e.amount, e.currency)}`;
      case "promise_broken":
        return e.promise
          ? `Løfte om ${f.money(e.promise.amount, e.promise.currency)} innen ${f.day(e.promise.promisedFor)} brutt`
          : "Betalingsløfte brutt";
      case "dispute_resolved":
        return `Innsigelse ${e.invoiceNumber ? `mot faktura ${e.invoiceNumber} ` : ""}løst`;
      case "tracking":
        return `Brev ${e.stage ?? ""} rekommandert, sporingsnummer: ${e.reference}`;
      case "case_closed":
        return "Saken avsluttet: forfalt saldo betalt";
    }
  },
};

const TEXTS: Record<Language, SummaryText> = { en, it, nb };

/** The summary's words in the customer's language; English for a language no letter template has. */
export function summaryText(language: string): SummaryText {
  return TEXTS[language as Language] ?? en;
}
