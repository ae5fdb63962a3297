import { printedRfReference } from "@/lib/iso/payment-reference";
import type { ProfileId } from "@/lib/law/profile";
import type { LetterPhrases } from "./types";
import { DEBT_PROTOCOL_URL, joinList } from "./util";

// Each charge line names its basis under the customer's law (none where the profile is not
// known, as on a statement); the working basis stays in the charge row.
const CHARGE = {
  interest: "Late payment interest",
  compensation: "Fixed-sum compensation",
  reminder_fee: "Reminder fee",
  contractual_interest: "Interest under our payment terms",
  flat_fee: "Late fee under our payment terms",
} as const;
const BASIS: Partial<Record<ProfileId, Partial<Record<keyof typeof CHARGE | "inkassovarsel", string>>>> = {
  GB: {
    interest: "Statutory interest (Late Payment Act 1998, s. 1)",
    compensation: "Fixed sum (Late Payment Act 1998, s. 5A)",
  },
  IT: {
    interest: "Late payment interest (art. 5 D.Lgs. 231/2002)",
    compensation: "Fixed compensation (art. 6 D.Lgs. 231/2002)",
  },
  NO: {
    interest: "Late payment interest (forsinkelsesrenteloven § 3)",
    compensation: "Standard compensation (forsinkelsesrenteloven § 3 a)",
    reminder_fee: "Reminder fee (inkassoforskriften § 1-2)",
    inkassovarsel: "Fee for the debt collection notice (inkassoforskriften § 1-2)",
  },
};

export const en: LetterPhrases = {
  attention: (person) => `Attn: ${person || "Accounts Department"}`,
  greeting: (person) => (person ? `Dear ${person},` : "Dear Sir or Madam,"),
  signOff: ({ named, locale }) =>
    locale === "en-US" ? "Sincerely," : named ? "Yours sincerely," : "Yours faithfully,",
  dateLine: (_city, date) => date,
  contactsIntro: (stage) => (stage === 1 ? "We have already been in touch about this:" : "Our contacts so far:"),
  contact(c, day) {
    if (c.kind === "promise") {
      const outcome = { kept: "paid", broken: "not paid", pending: "not yet due" }[c.status];
      return `you promised to pay ${c.amount} by ${day(c.promisedFor)}: ${outcome}`;
    }
    const letter = c.letterStage ? `our letter ${c.letterStage} (${en.stageNames[c.letterStage as 1]})` : null;
    if (c.direction === "INBOUND")
      return {
        EMAIL: "your email received",
        PHONE: "you called us",
        LETTER: "your letter received",
        PORTAL: "your message on your account page",
      }[c.channel];
    if (c.channel === "PHONE")
      return c.outcome === "NO_ANSWER"
        ? "we called you: no answer"
        : c.outcome === "VOICEMAIL"
          ? "we called you and left a voicemail"
          : c.outcome === "SPOKE"
            ? "we called you and spoke with you"
            : "we called you";
    if (c.channel === "EMAIL") {
      if (c.outcome === "DELIVERY_FAILED") return `${letter ?? "our email"}: email not delivered`;
      return letter ? `${letter} sent by email` : "we emailed you";
    }
    return letter ? `${letter} sent by post` : "we wrote to you";
  },
  contactStatus: (s, day) =>
    s.lastAnswerOn
      ? `We refer to your reply of ${day(s.lastAnswerOn)}.`
      : s.lastLetterOn
        ? `We have not heard from you since our letter of ${day(s.lastLetterOn)}.`
        : "",
  invoiceHeader: ["Invoice", "Invoice date", "Amount", "Open balance", "Due date", "Days past due"],
  chargeHeader: ["Charges", "Amount"],
  charge: (c, f) =>
    [
      `${(f.profile && BASIS[f.profile]?.[c.notice === "inkassovarsel" ? "inkassovarsel" : c.kind]) || CHARGE[c.kind]}${c.invoiceNumber ? `, invoice ${c.invoiceNumber}` : ""}`,
      c.ratePercent ? `${f.rate(c.ratePercent)} a year` : "",
      c.fromDate && c.toDate ? `${f.day(c.fromDate)}–${f.day(c.toDate)}` : "",
    ]
      .filter(Boolean)
      .join(", "),
  interestRunning: (daily) =>
    daily
      ? `Interest continues to run until payment, at ${daily} a day on the amounts now outstanding.`
      : "Interest continues to run until payment.",
  totalLine: (total) => `Total now due: ${total}`,
  subtotalLines: (invoices, charges) => [`Invoices: ${invoices}`, `Charges: ${charges}`],
  creditLine: (amount) => `Less unallocated credit on your account: ${amount}`,
  creditNote: (amount) =>
    `Our records show an unallocated credit of ${amount} on your account (a payment or credit note not yet matched to an invoice). We have deducted it from the amount now due.`,
  enclosures(enclosed, onRequest) {
    const parts: string[] = [];
    if (enclosed.length)
      parts.push(
        `Enclosed: ${enclosed.length === 1 ? "a copy of invoice" : "copies of invoices"} ${joinList(enclosed, "and")}.`,
      );
    if (onRequest.length)
      parts.push(
        `If you need a copy of ${onRequest.length === 1 ? "invoice" : "invoices"} ${joinList(onRequest, "or")}, we will send it on request.`,
      );
    return parts.join(" ");
  },
  payment(p) {
    const lines: string[] = [];
    if (p.bank) {
      const b = p.bank;
      lines.push(
        `Bank transfer${b.bankName ? ` to ${b.bankName}` : ""}: ${[
          b.iban && `IBAN ${b.iban}`,
          b.bic && `BIC ${b.bic}`,
          b.accountNumber && `account number ${b.accountNumber}`,
        ]
          .filter(Boolean)
          .join(", ")}.`,
      );
      const kids = p.invoices.filter((i) => i.kid);
      if (b.usesKid && kids.length === p.invoices.length)
        lines.push(
          `Please use the KID reference: ${p.invoices.map((i) => `${i.kid} (invoice ${i.number})`).join(", ")}.`,
        );
      else if (p.invoices.every((i) => i.rfReference))
        lines.push(
          `Payment reference (RF): ${p.invoices.map((i) => `${printedRfReference(i.rfReference!)} (invoice ${i.number})`).join(", ")}.`,
        );
      else
        lines.push(
          `Please ${p.locale === "en-US" ? "include" : "quote"} ${p.invoices.length === 1 ? "the invoice number" : "the invoice numbers"} ${joinList(
            p.invoices.map((i) => i.number),
            "and",
          )} ${p.locale === "en-US" ? "in the payment memo" : "as the payment reference"}.`,
        );
    }
    if (p.otherMethods) lines.push(p.otherMethods);
    if (!lines.length) lines.push("Please contact us for our payment details.");
    return lines;
  },
  agencyDetails: (a) => [
    `${a.agency}, reference ${a.reference}`,
    a.contact ? `Contact: ${a.contact}` : `${a.agency} will contact you.`,
    a.paymentDetails ? `Payment: ${a.paymentDetails}` : "",
  ],
  noticeTitle: (profile) =>
    ({
      NO: "Debt collection notice (inkassovarsel)",
      IT: "Final reminder and formal notice of default (messa in mora)",
      GB: "Letter before action",
      US: "Final demand",
    })[profile],
  formalNotice(f) {
    switch (f.profile) {
      case "NO":
        return [
          `If ${f.totalDue} is not paid by ${f.deadline}, the claim will be sent to debt collection, and collection costs may be added. This is a debt collection notice (inkassovarsel) under section 9 of the Norwegian Debt Collection Act (inkassoloven).`,
        ];
      case "IT":
        return [
          `By this letter we formally put you in default (messa in mora) under article 1219 of the Italian Civil Code and demand payment of ${f.totalDue} by ${f.deadline}. This letter is sent by registered post with return receipt (raccomandata A/R); it also interrupts the limitation period (article 2943 of the Civil Code).`,
          "If payment is not received by that date, we will take steps to recover the debt, through the courts if necessary.",
        ];
      case "GB":
        return [
          `Unless ${f.totalDue} is paid in full, or a payment plan is agreed with us, by ${f.deadline}, we intend to instruct solicitors to recover the debt, which may include court proceedings against you.`,
          ...(f.customerType === "business"
            ? [
                // Practice Direction on Pre-Action Conduct, paragraphs 6 (basis, facts, sum and how it is
                // calculated, a reply date) and 8-11 (ADR).
                `Our claim is for the unpaid invoices listed above, for goods and services supplied to you on our terms of payment${f.interestClaimed ? ", with statutory interest and compensation under the Late Payment of Commercial Debts (Interest) Act 1998, calculated as shown in the table (simple interest from the day after each due date at the rate shown, which continues to run until payment)" : ""}. Please reply by ${f.deadline}: if you dispute any part of the claim, tell us which and why, and send copies of any documents you rely on.`,
                "We are willing to consider alternative dispute resolution, such as mediation, to settle this without court proceedings; a court may take into account a refusal to consider it.",
              ]
            : [
                // The forms are printed after this letter (lib/law/debt-protocol.ts); the Financial Statement is not, so the letter says where it is.
                `The Pre-Action Protocol for Debt Claims applies: it gives you ${f.replyDays} days to reply to this letter, so please reply by ${f.deadline}. Enclosed with this letter are the Protocol's Information Sheet and Reply Form (Annex 1). If you dispute the debt, need documents, are getting debt advice or want to pay by instalments, please complete the Reply Form and return it to us at the address above by that date. If you offer instalments, please also fill in a financial statement: the Financial Statement form is published with the Protocol at ${DEBT_PROTOCOL_URL} (Annex 2), and we will send you a paper copy on request.`,
              ]),
        ];
      default:
        return [
          `Unless ${f.totalDue} is paid in full, or a payment plan is agreed with us, by ${f.deadline}, we will refer the account to a collection agency or to our attorney.`,
        ];
    }
  },
  registeredPost: (locale) => (locale === "en-US" ? "certified mail" : "registered post"),
  stageNames: { 1: "first reminder", 2: "second reminder", 3: "final reminder", 4: "final notice" },
};
