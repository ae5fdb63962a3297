import type { ImportKind } from "@/lib/generated/prisma/enums";
import { CUSTOMER_KEYS } from "./find-customers";

export const IMPORT_KINDS = [
  "customers",
  "invoices",
  "payments",
  "credit_notes",
  "bank_statement",
] as const satisfies readonly ImportKind[];

export interface ImportField {
  key: string;
  label: string;
  required: boolean;
  /** Header names accounting systems use for it (English, Norwegian, Italian), compared as `normalizeHeader` writes them. */
  aliases: string[];
}

const field = (key: string, label: string, required: boolean, aliases: string[] = []): ImportField => ({
  key,
  label,
  required,
  aliases,
});

// Column names of the exports of Tripletex, Fiken (Norwegian), Fatture in Cloud
// (Italian), Xero and QuickBooks (English); docs/using.md "Data in and out" has the table.
const CUSTOMER_CODE = [
  "customer",
  "customer number",
  "customer no",
  "customer id",
  "customer ref",
  "customer code",
  "account number",
  "account",
  "ref",
  "kundenummer",
  "kundenr",
  "kunde nr",
  "codice cliente",
  "codice",
  "cod cliente",
  "contact id",
  "account no",
];
const CUSTOMER_NAME = [
  "customer name",
  "company name",
  "company",
  "contact name",
  "display name",
  "name",
  "kundenavn",
  "kunde",
  "navn",
  "cliente",
  "ragione sociale",
  "denominazione",
  "nome",
];
const VAT = [
  "vat number",
  "vat",
  "vat no",
  "tax number",
  "tax id",
  "partita iva",
  "p iva",
  "piva",
  "mva nummer",
  "mva nr",
];
const REGISTRATION = [
  "registration number",
  "company number",
  "company reg no",
  "company reg number",
  "company registration number",
  "reg no",
  "org nr",
  "orgnr",
  "organisasjonsnummer",
  "organisasjonsnr",
  "codice fiscale",
  "cf",
  "abn",
  "business number",
];
const CURRENCY = ["ccy", "cur", "valuta", "currency code"];
const INVOICE_NUMBER = [
  "invoice",
  "invoice no",
  "invoice #",
  "invoice number",
  "number",
  "inv no",
  "num",
  "no",
  "fakturanr",
  "fakturanummer",
  "faktura nr",
  "faktura",
  "numero",
  "numero documento",
  "n documento",
  "numero fattura",
  "n fattura",
  "document number",
];
const AMOUNT = [
  "total",
  "invoice amount",
  "gross amount",
  "amount",
  "invoice total",
  "total amount",
  "beløp",
  "belop",
  "totalbeløp",
  "beløp inkl mva",
  "sum inkl mva",
  "fakturabeløp",
  "importo totale",
  "importo",
  "totale documento",
  "totale",
  "importo lordo",
  "line amount",
];
const OPEN = [
  "amount due",
  "open balance",
  "balance",
  "balance due",
  "outstanding",
  "invoice amount due",
  "utestående",
  "utestaende",
  "gjenstående",
  "restbeløp",
  "residuo",
  "da saldare",
  "importo residuo",
  "saldo",
];
const DOCUMENT_TYPE = [
  "type",
  "document type",
  "transaction type",
  "invoice type",
  "tipo documento",
  "tipo",
  "dokumenttype",
  "bilagstype",
  "type faktura",
];

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  customers: [
    field("reference", "Customer reference (default: the name)", false, CUSTOMER_CODE.slice(1)),
    field("name", "Name", true, ["customer", ...CUSTOMER_NAME]),
    field("currency", "Currency (default: the organization's)", false, CURRENCY),
    field("email", "Email", false, [
      "e mail",
      "email address",
      "e post",
      "e postadresse",
      "epost",
      "e post adresse",
      "indirizzo email",
      "pec",
    ]),
    field("phone", "Phone", false, [
      "telephone",
      "tel",
      "phone number",
      "telefon",
      "telefonnummer",
      "mobil",
      "telefono",
      "cellulare",
    ]),
    field("contactPerson", "Contact person", false, [
      "contact",
      "attention",
      "kontaktperson",
      "referente",
      "first name",
    ]),
    field("salutation", "Salutation", false, ["title", "salutation", "form of address", "tiltale", "titolo"]),
    field("addressLine1", "Address line 1", false, [
      "address",
      "street",
      "adresse",
      "gateadresse",
      "postadresse",
      "indirizzo",
      "po address line1",
      "sa address line1",
      "address line1",
      "billing address",
    ]),
    field("addressLine2", "Address line 2", false, ["po address line2", "address line2", "adresse 2"]),
    field("postalCode", "Postal code", false, [
      "zip",
      "postcode",
      "zip code",
      "postnummer",
      "postnr",
      "cap",
      "po postal code",
      "postal code",
    ]),
    field("city", "City", false, ["town", "poststed", "sted", "città", "citta", "comune", "po city"]),
    field("region", "State or province", false, ["state", "province", "provincia", "county", "po state", "fylke"]),
    field("country", "Country", false, ["land", "nazione", "paese", "po country"]),
    field("language", "Language (en, it, nb)", false, ["lang", "språk", "lingua"]),
    field("vatNumber", "VAT number", false, VAT),
    field("registrationNumber", "Registration number", false, REGISTRATION),
    field("type", "Customer type (business, consumer or sole trader)", false, [
      "customer type",
      "contact type",
      "client type",
      "kundetype",
      "kunde type",
      "kundetyp",
      "tipo cliente",
      "tipologia cliente",
      "tipologia",
    ]),
    field("preferredChannel", "Preferred channel (email or post)", false, [
      "channel",
      "preferred delivery method",
      "delivery method",
      "send method",
      "sending method",
      "invoice delivery",
      "forsendelsesmåte",
      "sendemåte",
      "utsendelsesmåte",
      "fakturaleveranse",
      "canale",
      "canale di invio",
      "modalità di invio",
      "modalita di invio",
    ]),
  ],
  invoices: [
    field("number", "Invoice number", true, INVOICE_NUMBER),
    field("customerReference", "Customer (reference, or exact name)", false, CUSTOMER_CODE),
    field("customerVat", "Customer VAT or registration number", false, [...VAT, ...REGISTRATION]),
    field("customerName", "Customer name (exact)", false, CUSTOMER_NAME),
    field("issueDate", "Issue date", true, [
      "invoice date",
      "date",
      "issued",
      "issue date",
      "fakturadato",
      "dato",
      "data",
      "data documento",
      "data fattura",
      "data emissione",
      "txn date",
      "transaction date",
    ]),
    field("dueDate", "Due date", true, [
      "due",
      "payment due",
      "due date",
      "forfallsdato",
      "forfall",
      "forfallsdag",
      "scadenza",
      "data scadenza",
      "prossima scadenza",
    ]),
    field("amount", "Amount", true, AMOUNT),
    field("currency", "Currency (default: the customer's)", false, CURRENCY),
    field("openAmount", "Amount still owed (optional: imports the balance)", false, OPEN),
    field("paidOn", "Date paid (with the amount still owed: dates what was paid before)", false, [
      "fully paid on date",
      "fully paid on",
      "paid on",
      "date paid",
      "paid date",
      "last payment date",
      "payment date",
      "betalt dato",
      "betalingsdato",
      "data pagamento",
      "data incasso",
    ]),
    field("invoiceTotal", "Invoice total (line-item files: checked against the lines' sum)", false, []),
    // Xero's LineAmount excludes VAT: the lines plus their tax make the total.
    field("lineTax", "Tax of the line (line-item files whose line amounts exclude VAT)", false, [
      "tax amount",
      "line tax",
      "line tax amount",
      "vat amount",
      "mva beløp",
      "mvabeløp",
      "importo iva",
    ]),
    field("taxTotal", "Tax total of the invoice (line-item files whose line amounts exclude VAT)", false, [
      "total tax",
      "tax total",
      "vat total",
      "total vat",
      "sum mva",
      "totale iva",
    ]),
    field("documentType", "Document type (invoice or credit note)", false, DOCUMENT_TYPE),
    field("creditedInvoice", "Invoice credited (credit note rows)", false, [
      "credited invoice",
      "invoice credited",
      "original invoice",
      "applied to invoice",
      "fattura di riferimento",
      "riferimento fattura",
      "rif fattura",
      "fattura stornata",
      "kreditert faktura",
      "krediterer faktura",
      "opprinnelig faktura",
    ]),
  ],
  payments: [
    field("invoiceNumber", "Invoice number (or a customer reference)", false, INVOICE_NUMBER),
    field("invoiceDate", "Invoice date (when numbers restart every year)", false, [
      "invoice date",
      "fakturadato",
      "data fattura",
      "data documento",
    ]),
    field("customerReference", "Customer reference (unapplied cash, no invoice)", false, [
      "customer",
      "customer no",
      "account",
      "kundenummer",
      "kundenr",
      "codice cliente",
    ]),
    field("amount", "Amount", true, [
      "paid",
      "amount paid",
      "payment amount",
      "amount",
      "beløp",
      "innbetalt",
      "innbetalt beløp",
      "betalt",
      "importo",
      "importo pagato",
    ]),
    field("receivedOn", "Payment date", true, [
      "date",
      "received",
      "received on",
      "paid on",
      "payment date",
      "betalingsdato",
      "innbetalingsdato",
      "dato",
      "data pagamento",
      "data incasso",
      "data",
    ]),
    field("reference", "Payment reference", false, [
      "ref",
      "transaction",
      "transaction id",
      "referanse",
      "kid",
      "riferimento",
      "cro",
      "trn",
    ]),
    field("method", "Method", false, ["payment method", "betalingsmåte", "metodo", "metodo di pagamento"]),
    field("currency", "Currency (must be the invoice's)", false, CURRENCY),
  ],
  credit_notes: [
    field("number", "Credit note number", true, [
      "credit note",
      "credit note no",
      "credit note number",
      "number",
      "cn no",
    ]),
    field("invoiceNumber", "Invoice number (or a customer reference)", false, ["invoice", "invoice no", "invoice #"]),
    field("invoiceDate", "Invoice date (when numbers restart every year)", false, [
      "invoice date",
      "fakturadato",
      "data fattura",
    ]),
    field("customerReference", "Customer reference (credit on the account)", false, [
      "customer",
      "customer no",
      "account",
    ]),
    field("amount", "Amount", true, ["total", "credit amount", "amount credited"]),
    field("issuedOn", "Credit note date", true, ["date", "issue date", "issued", "credit date"]),
    field("reason", "Reason", false, ["description", "text", "memo"]),
    field("currency", "Currency (must be the invoice's)", false, ["ccy", "cur"]),
  ],
  // Banks' CSV exports: DNB and Nordea (Norwegian), Barclays (English), Intesa Sanpaolo (Italian); docs/bank-statements.md.
  bank_statement: [
    field("bookingDate", "Booking date", true, [
      "bokført dato",
      "bokføringsdato",
      "bokføringsdag",
      "date",
      "booking date",
      "posted",
      "posting date",
      "transaction date",
      "data contabile",
      "data operazione",
      "dato",
      "data",
    ]),
    field("amount", "Amount (money in positive, money out negative)", false, [
      "amount",
      "beløp",
      "beløp nok",
      "importo",
      "value",
    ]),
    field("creditAmount", "Money in (when the file has one column in, one out)", false, [
      "inn på konto",
      "innskudd",
      "inn",
      "paid in",
      "money in",
      "credit",
      "credit amount",
      "accrediti",
      "entrate",
      "avere",
    ]),
    field("debitAmount", "Money out (beside the money in)", false, [
      "ut fra konto",
      "uttak",
      "ut",
      "paid out",
      "money out",
      "debit",
      "debit amount",
      "addebiti",
      "uscite",
      "dare",
    ]),
    field("currency", "Currency (else the organization's)", false, ["currency", "valuta", "ccy", "divisa"]),
    field("reference", "Structured reference (KID, RF, invoice number)", false, [
      "kid",
      "reference",
      "referanse",
      "rf",
      "creditor reference",
      "riferimento",
      "riferimento creditore",
    ]),
    field("payerName", "Payer", false, [
      "payer",
      "payer name",
      "betaler",
      "fra",
      "navn",
      "name",
      "counterparty",
      "ordinante",
    ]),
    field("payerAccount", "Payer's account", false, [
      "payer account",
      "avsender",
      "fra konto",
      "avsenderkonto",
      "betalers konto",
      "from account",
      "iban ordinante",
      "conto ordinante",
    ]),
    field("text", "Text", false, [
      "forklaring",
      "tekst",
      "text",
      "tittel",
      "melding",
      "memo",
      "description",
      "details",
      "narrative",
      "descrizione",
      "causale",
      "descrizione operazione",
    ]),
    field("bankReference", "The bank's own reference (archive reference)", false, [
      "arkivreferanse",
      "arkivref",
      "bank reference",
      "transaction id",
      "numero operazione",
    ]),
    field("statementDate", "Statement end date (else the newest booking date)", false, [
      "statement date",
      "to date",
      "kontoutskrift til",
      "data estratto",
    ]),
  ],
};

export type ColumnMapping = Record<string, string>; // field key -> header in the file

/** A header as compared with aliases: joined words split ("InvoiceNumber"), marks and case dropped ("*DueDate", "Fakturanr."). */
export function normalizeHeader(text: string): string {
  return text
    .trim()
    .replace(/([a-zæøåàèéìòù])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1 $2") // "POAddressLine1"
    .toLowerCase()
    .replace(/[*"]/g, "")
    .replace(/[_\s.\-/:()]+/g, " ")
    .trim();
}

/**
 * The mapping to offer for a file: the organization's last mapping for this kind
 * where its headers are in the file, else headers that look like the field.
 * A header goes to one field only: the first field (in IMPORT_FIELDS order,
 * aliases in order) that names it, so "Customer" is the customer's name only
 * when no field took it before.
 */
export function suggestMapping(kind: ImportKind, headers: string[], remembered: ColumnMapping | null): ColumnMapping {
  const mapping: ColumnMapping = {};
  const byName = new Map(headers.map((h) => [normalizeHeader(h), h]));
  const taken = new Set<string>();
  for (const f of IMPORT_FIELDS[kind]) {
    const previous = remembered?.[f.key];
    if (previous && headers.includes(previous)) {
      mapping[f.key] = previous;
      taken.add(previous);
    }
  }
  // Exact field names first (a "Customer ref" column is the reference, not the name), then aliases in order.
  const candidates = IMPORT_FIELDS[kind].map((f) => ({
    f,
    names: [f.key.replace(/([A-Z])/g, " $1"), f.label, ...f.aliases].map(normalizeHeader),
  }));
  const longest = Math.max(...candidates.map((c) => c.names.length));
  for (let i = 0; i < longest; i++) {
    for (const { f, names } of candidates) {
      if (mapping[f.key] || i >= names.length) continue;
      const hit = byName.get(names[i]);
      if (hit && !taken.has(hit)) {
        mapping[f.key] = hit;
        taken.add(hit);
      }
    }
  }
  // Line-item exports (Xero): the line amount is the amount, the repeated invoice total is checked against the sum.
  if (kind === "invoices") {
    const line = headers.find((h) =>
      ["line amount", "line total", "linjebeløp", "importo riga"].includes(normalizeHeader(h)),
    );
    if (line) {
      if (mapping.amount && mapping.amount !== line) mapping.invoiceTotal = mapping.amount;
      mapping.amount = line;
    } else if (mapping.invoiceTotal) {
      // Remembered from a line-item file: in a file of whole invoices the total is the amount.
      mapping.amount ??= mapping.invoiceTotal;
      delete mapping.invoiceTotal;
    }
  }
  // An invoice names its customer one way: the code if the file has one, else the VAT number, else the name.
  if (kind === "invoices") {
    const first = CUSTOMER_KEYS.find((k) => mapping[k]);
    for (const k of CUSTOMER_KEYS) if (k !== first) delete mapping[k];
  }
  return mapping;
}

/** Required fields without a column, as messages keyed by field. */
export function missingFields(kind: ImportKind, mapping: ColumnMapping, headers: string[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const f of IMPORT_FIELDS[kind]) {
    const column = mapping[f.key];
    if (column && !headers.includes(column)) errors[f.key] = [`The file has no column "${column}".`];
    else if (f.required && !column) errors[f.key] = [`Choose the column that holds the ${f.label.toLowerCase()}.`];
  }
  if (kind === "bank_statement" && !mapping.amount && !mapping.creditAmount) {
    errors.amount = ["Choose the column that holds the amount, or the column of money in."];
  }
  if (kind === "invoices" && !CUSTOMER_KEYS.some((k) => mapping[k])) {
    errors.customerReference = [
      "Choose the column that names the customer: its reference, its VAT or registration number, or its exact name.",
    ];
  }
  return errors;
}
