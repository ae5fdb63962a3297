import type { LetterTemplateSet } from "../template-types";

// English collection letters, one per stage. Wording only: the data and the
// blocks ({{invoiceTable}}, {{attemptList}}, ...) are filled in by render.ts.
// Tone climbs from friendly to firm, never harsh (docs: COLLECTIONS.md).
export const en: LetterTemplateSet = {
  common: {
    attention: "ATTN: Accounts Department",
    greeting: "Dear {{contactPerson}},",
    signOff: "Kind regards,",
    contactLine: "Contact us: {{orgContactPerson}}, phone {{orgPhone}}, email {{orgEmail}}.",
    dateLine: "{{letterDate}}",
    channel: { LETTER: "letter", EMAIL: "email", PHONE: "phone call" },
    outcome: {
      SENT: "sent",
      DELIVERED: "delivered",
      DELIVERY_FAILED: "not delivered",
      NO_ANSWER: "no answer",
      VOICEMAIL: "voicemail left",
      SPOKE: "we spoke",
      REPLIED: "reply received",
    },
    invoiceIssued: "invoice {{number}} issued",
    letterSent: "letter {{stage}} ({{stageName}}) sent",
    invoiceHeader: ["Invoice", "Invoice date", "Amount", "Open balance", "Due date", "Days past due"],
    totalLine: "  Total now due: {{totalDue}}",
    stageNames: { 1: "first reminder", 2: "second reminder", 3: "third reminder", 4: "final notice" },
  },
  stages: {
    1: {
      subject: "Payment reminder: {{totalDue}} past due ({{customerName}})",
      paragraphs: [
        "We are writing about the invoice(s) below, which are now {{daysPastDue}} days past due, with {{totalDue}} outstanding. Perhaps our invoice never reached you, or payment is already on its way; if so, thank you, and please disregard this letter.",
        "We have already been in touch about this:",
        "{{attemptList}}",
        "Account summary:",
        "{{invoiceTable}}",
        "What to do next: please pay {{totalDue}} by {{deadline}}. {{paymentInstructions}}",
        "If you believe there is an error in our invoice, or if you would like to arrange a different payment plan, please tell us before {{deadline}} and we will gladly work it out with you.",
      ],
    },
    2: {
      subject: "Second reminder: {{totalDue}} overdue ({{customerName}})",
      paragraphs: [
        "We have not yet received payment of {{totalDue}}, now {{daysPastDue}} days past the original due date of {{oldestDueDate}}, and we have not heard from you since our earlier contacts:",
        "{{attemptList}}",
        "The open invoices are:",
        "{{invoiceTable}}",
        "Please pay {{totalDue}} by {{deadline}}. Payment methods: {{paymentInstructions}} You can also pay by card over the phone on {{orgPhone}}, or by cheque posted to the address at the top of this letter.",
        "If paying the full amount at once is difficult, call us: we are willing to agree a payment plan that works for both of us.",
        "Please be aware that accounts left unpaid can affect your credit rating and the credit limits we and others can offer you in future.",
      ],
    },
    3: {
      subject: "Third and urgent reminder: {{totalDue}} overdue ({{customerName}})",
      paragraphs: [
        "Despite our letters, calls and emails, the balance of {{totalDue}} on your account remains unpaid, now {{daysPastDue}} days past the original due date of {{oldestDueDate}}. Our contacts so far:",
        "{{attemptList}}",
        "The open invoices are:",
        "{{invoiceTable}}",
        "Unless the full amount is paid, or a payment plan is agreed with us, by {{deadline}}, we will pass the account to a collection agency and/or our attorney, without further notice.",
        "To pay: {{paymentInstructions}} You can also pay by card over the phone on {{orgPhone}}.",
        "This is our final request to get in touch with us before {{deadline}} so that we can settle this together.",
      ],
    },
    4: {
      subject: "Final notice: account handed to a collection agency ({{customerName}})",
      paragraphs: [
        "We have not heard from you about the invoice(s) below, {{totalDue}} in total, originally due on {{oldestDueDate}}, nor had answers to our calls, emails and letters:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "The matter is now out of our hands. On {{handoffDate}} the account was handed to {{agency}} (reference {{handoffReference}}), which will contact you, and it has been reported to the credit bureau. Any payment must be made in full by {{deadline}}, quoting that reference.",
        "This letter is sent by registered mail as a record of our repeated contacts, the invoices and the amount owed.",
      ],
    },
  },
};
