import { z } from "zod";
import type { Stage } from "@/lib/stages/stage";
import type { CustomerType, ProfileId } from "./profile-types";

// The Pre-Action Protocol for Debt Claims (England and Wales): a letter of claim from a
// business to an individual or sole trader encloses the Protocol's Information Sheet and
// Reply Form (Annex 1) and a Financial Statement form, and gives 30 days to reply
// (paras 3.1, 3.2 and 4). The letter before action of the GB profile is that letter
// of claim; its PDF carries the two forms as pages after it (lib/documents).
//
// Dated data with its sources, like lib/law/rates. What was NOT available when this was
// written (no internet here, and the stored pages the search tool serves hold only the
// Protocol's paragraphs 1 to 3 and descriptions of the forms): the verbatim text of
// Annex 1. The Information Sheet below is a plain-English summary of the Protocol's own
// paragraphs, and the Reply Form follows the Protocol's structure (sections on owing the
// debt, options A to D; paying; debt advice) as described by the sources cited. Before
// relying on it in court, compare both with Annex 1 at DEBT_PROTOCOL.url and replace the
// wording here (one place) with the Annex's; bump `version` when you do.

export const DEBT_PROTOCOL = {
  /** Stored on each letter that encloses the forms, so its PDF prints the wording it was sent with. */
  version: "GB-PAP-DEBT-2017-10-01/summary-1",
  title: "Pre-Action Protocol for Debt Claims",
  inForceFrom: "2017-10-01",
  url: "https://www.justice.gov.uk/courts/procedure-rules/civil/protocol/pre-action-protocol-for-debt-claims",
  sources: [
    "Pre-Action Protocol for Debt Claims, made by the Master of the Rolls, in force 1 October 2017: para 1.1 (business claiming from an individual, including a sole trader), 1.2 (template Information Sheet and Reply Form to be provided in all cases), 3.1 (contents of the letter of claim), 3.2 (enclose the Information Sheet, Reply Form and a Financial Statement form), 4 (30 days to reply using the Reply Form) and 6 (settlement and ADR); text of paras 1 to 3 as quoted at https://legalbeagles.info/forums/showthread.php?p=756161 (read 2026-12-01)",
    "Eversheds Sutherland, 'The Pre-Action Protocol for Debt Claims' (12 June 2017): the letter of claim encloses an Information Sheet (Annex 1), a Reply Form (Annex 1) and a Financial Statement form (example at Annex 2); 30 days to reply; documents requested are provided within 30 days",
    "Reply Form structure (Section 1 options A: owe the debt and the amount; B: owe the debt, not the amount; C: do not know whether I owe it, documents or advice needed; D: dispute the debt; Section 2: paying in full or by instalments, with a financial statement): https://sites.google.com/view/letter-of-claim-response (read 2026-12-01)",
    "Not verified against the Protocol PDF: the verbatim wording of Annex 1 and the advice organisations' contact details it prints",
  ],
  replyDays: 30,
} as const;

/** Does this letter have to enclose the Protocol's forms? The letter of claim to an individual or sole trader. */
export function encloseDebtProtocolForms(o: {
  profile: ProfileId;
  customerType: CustomerType;
  stage: Stage;
  formalNoticeStage: Stage | null;
}): boolean {
  return o.profile === "GB" && o.customerType !== "business" && o.stage === o.formalNoticeStage;
}

/** The forms as filled in for one letter: stored on the letter row, printed after it. */
export const protocolFormsSchema = z.object({
  version: z.string(),
  creditor: z.object({ name: z.string(), address: z.array(z.string()) }),
  debtor: z.object({ name: z.string(), address: z.array(z.string()) }),
  /** Our reference for the customer, and the invoices the letter claims. */
  reference: z.string(),
  invoices: z.array(z.string()),
  amountClaimed: z.string(),
  letterDate: z.string(),
  replyBy: z.string(),
});
export type ProtocolForms = z.infer<typeof protocolFormsSchema>;

export function parseProtocolForms(value: unknown): ProtocolForms | null {
  const parsed = protocolFormsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Titles of the enclosed documents, as the letter lists them. */
export const DEBT_PROTOCOL_ENCLOSURES = [
  "the Information Sheet and Reply Form of the Pre-Action Protocol for Debt Claims (Annex 1)",
];

/** The Information Sheet: headed paragraphs, from the Protocol's own paragraphs (see the note at the top). */
export function informationSheet(f: ProtocolForms): { heading: string; text: string }[] {
  return [
    {
      heading: "Why you have this sheet",
      text: `${f.creditor.name} says that you owe it ${f.amountClaimed}, as set out in its letter of claim dated ${f.letterDate}. The Pre-Action Protocol for Debt Claims says what the court expects you and the creditor to do before a claim is started in court. This sheet and the Reply Form come with every letter of claim the Protocol covers.`,
    },
    {
      heading: "What you should do",
      text: `Read the letter of claim and the statement of the account carefully. Reply within ${DEBT_PROTOCOL.replyDays} days of the date of the letter, that is by ${f.replyBy}, using the Reply Form that follows. Keep a copy of everything you send.`,
    },
    {
      heading: "If you do not reply",
      text: `If you do not reply within ${DEBT_PROTOCOL.replyDays} days, the creditor may start court proceedings against you.`,
    },
    {
      heading: "If you need documents or information",
      text: "Say on the Reply Form which documents or information you need (for example a copy of the agreement or of an invoice). The creditor should send them, or explain why they will not be sent, within 30 days of your request.",
    },
    {
      heading: "If you are getting debt advice",
      text: "Say so on the Reply Form, with the name of the adviser if you have one. The creditor should then allow you a reasonable time to get the advice, and should not start court proceedings less than 30 days after receiving your completed Reply Form, or 30 days after sending any documents you asked for, whichever is later. Free, independent debt advice is available from, among others, National Debtline, Citizens Advice and, if you are self-employed, Business Debtline.",
    },
    {
      heading: "If you want to pay",
      text: `You can pay the full amount, or offer to pay by instalments. If you offer instalments, please fill in a financial statement so that the creditor can see what you can afford: the Financial Statement form is published with the Protocol at ${DEBT_PROTOCOL.url} (Annex 2), and we will send you a paper copy on request.`,
    },
    {
      heading: "If you disagree",
      text: "If you dispute the debt or the amount, say why on the Reply Form and enclose any documents that support what you say. You and the creditor should try to settle the matter without going to court; a mediation or other form of alternative dispute resolution may help.",
    },
  ];
}

export interface ReplyFormField {
  /** Box letter on the form, or null for a plain field. */
  box: string | null;
  label: string;
  /** Lines left for the debtor's answer. */
  lines: number;
}

/** The Reply Form: sections of tick boxes and fields (see the note at the top for its source). */
export function replyForm(f: ProtocolForms): { heading: string; intro?: string; fields: ReplyFormField[] }[] {
  return [
    {
      heading: "About you and the debt",
      intro: `Return this form by ${f.replyBy} to ${f.creditor.name}, ${f.creditor.address.join(", ")}. Claim: ${f.amountClaimed}; reference ${f.reference}${f.invoices.length ? `; invoice ${f.invoices.join(", ")}` : ""}; letter of claim dated ${f.letterDate}.`,
      fields: [
        { box: null, label: "Your full name", lines: 1 },
        { box: null, label: "Your address", lines: 2 },
        { box: null, label: "Your phone number or email (if you want us to use them)", lines: 1 },
      ],
    },
    {
      heading: "Section 1: The debt (tick one box)",
      fields: [
        { box: "A", label: "I agree that I owe the debt and the amount claimed.", lines: 0 },
        { box: "B", label: "I agree that I owe the debt, but not the amount claimed. I believe I owe:", lines: 1 },
        {
          box: "C",
          label: "I do not know whether I owe the debt. I need these documents or this information before I can say:",
          lines: 2,
        },
        {
          box: "D",
          label: "I dispute the debt. My reasons are (and I enclose any documents that support them):",
          lines: 3,
        },
      ],
    },
    {
      heading: "Section 2: Paying (only if you ticked A or B)",
      fields: [
        { box: "E", label: "I will pay the amount I owe in full by (date):", lines: 1 },
        {
          box: "F",
          label:
            "I cannot pay in full now. I offer to pay (amount and how often, e.g. each month), and I enclose a completed financial statement:",
          lines: 1,
        },
      ],
    },
    {
      heading: "Section 3: Debt advice",
      fields: [
        {
          box: "G",
          label: "I am getting debt advice from (name of adviser), and expect to reply fully by (date):",
          lines: 1,
        },
        {
          box: "H",
          label: "I would like time to get debt advice; I have not yet been able to see an adviser.",
          lines: 0,
        },
      ],
    },
    {
      heading: "Section 4: Anything else you want us to know",
      fields: [{ box: null, label: "", lines: 3 }],
    },
    {
      heading: "Signature",
      fields: [
        { box: null, label: "Signed", lines: 1 },
        { box: null, label: "Date", lines: 1 },
      ],
    },
  ];
}
