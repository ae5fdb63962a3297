import type { LetterTemplateSet } from "../template-types";

// English collection letters, one per stage. Wording only: data, lists, tables, payment
// details and the country's formal notice are blocks filled by render.ts. Tone climbs
// from friendly to firm, never harsh (docs: COLLECTIONS.md).
export const en: LetterTemplateSet = {
  contactLine:
    "If you have any questions, please contact {{orgContactPerson}} {{us:at|on}} {{orgPhone}} or at {{orgEmail}}.",
  stages: {
    1: {
      subject: "Payment reminder: {{invoicesDue}} overdue",
      paragraphs: [
        "According to our records, {{n:the invoice below, for|the invoices below, totalling}} {{invoicesDue}}, {{n:is now|remain unpaid; the oldest is now}} {{daysPastDue}} days past due. If payment is already on its way, thank you, and please disregard this reminder.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Please pay {{totalDue}} by {{deadline}}.",
        "{{paymentDetails}}",
        "If you believe our {{n:invoice is|invoices are}} incorrect, or you would like to {{us:agree on|agree}} a payment plan, please let us know before {{deadline}} and we will gladly work it out with you.",
      ],
    },
    2: {
      subject: "Second reminder: {{invoicesDue}} overdue",
      paragraphs: [
        "{{contactStatus}} We have still not received payment of {{invoicesDue}}, {{n:due on|first due on}} {{oldestDueDate}}; {{n:the invoice|the oldest invoice}} is now {{daysPastDue}} days overdue.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "Please pay {{totalDue}} by {{deadline}}.",
        "{{paymentDetails}}",
        "If paying the full amount at once is difficult, please contact us: we are willing to {{us:agree on|agree}} a payment plan that works for both of us.",
        "Please be aware that unpaid accounts can affect the credit terms we are able to offer you in future.",
      ],
    },
    3: {
      subject: "{{noticeTitle}}: {{invoicesDue}} overdue",
      paragraphs: [
        "{{contactStatus}} Despite our reminders, {{invoicesDue}} remains unpaid, {{daysPastDue}} days after the {{n:original|first}} due date of {{oldestDueDate}}.",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "{{formalNotice}}",
        "{{paymentDetails}}",
        "If you cannot pay {{totalDue}} in full, contact us before {{deadline}} to {{us:agree on|agree}} a payment plan. This is our last request to settle the matter with you directly.",
      ],
    },
    4: {
      subject: "Final notice: your account has been passed to our collection agency, {{agency}}",
      paragraphs: [
        "{{contactStatus}} {{n:The invoice below|The invoices below}}, {{invoicesDue}} in total, {{n:due on|first due on}} {{oldestDueDate}}, {{n:remains|remain}} unpaid despite our contacts:",
        "{{attemptList}}",
        "{{invoiceTable}}",
        "On {{handoffDate}} we passed the claim to our collection agency, {{agency}}, reference {{handoffReference}}. Please pay {{totalDue}} to {{agency}}, not to us, by {{deadline}}, quoting that reference, and address any questions about the claim to them:",
        "{{agencyDetails}}",
        "This letter is sent by {{registeredPost}} as a record of our contacts, the invoices and the amount owed.",
      ],
    },
  },
};
