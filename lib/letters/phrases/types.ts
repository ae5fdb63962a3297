import type { BankDetails } from "@/lib/documents/bank-accounts";
import type { ContactChannel, ContactDirection, ContactOutcome, CustomerType } from "@/lib/generated/prisma/enums";
import type { LetterCharge } from "@/lib/law/charges";
import type { ProfileId } from "@/lib/law/profile";
import type { DateOnly } from "@/lib/time/dates";

// The sentences of a letter that carry data or law, one set per language. They are code,
// not editable templates: data reaches them as arguments and is never read as a template,
// so an invoice numbered "INV-{{nope}}" prints exactly so.

/** One entry of the contact log as a letter lists it. */
export type LetterContact =
  | {
      kind: "contact";
      on: DateOnly;
      channel: ContactChannel;
      direction: ContactDirection;
      outcome: ContactOutcome;
      /** The letter this entry is about (letter sent, letter emailed). */
      letterStage?: number | null;
    }
  | { kind: "promise"; on: DateOnly; amount: string; promisedFor: DateOnly; status: "kept" | "broken" | "pending" };

/** The bank account of the letter's currency (lib/documents/bank-accounts.ts). */
export type { BankDetails } from "@/lib/documents/bank-accounts";

export interface PaymentFacts {
  bank: BankDetails | null;
  /** Invoice numbers with their KID and ISO 11649 RF reference, when recorded. */
  invoices: { number: string; kid: string | null; rfReference: string | null }[];
  /** The organization's other accepted payment methods, in its own words. */
  otherMethods: string;
  /** The letter's locale: US readers put the reference "in the payment memo". */
  locale?: string;
}

export interface AgencyFacts {
  agency: string;
  reference: string;
  contact: string;
  paymentDetails: string;
}

export interface FormalNoticeFacts {
  profile: ProfileId;
  customerType: CustomerType;
  totalDue: string;
  deadline: string;
  /** Days the customer's country gives to reply to this notice (the profile's minimum deadline, with its source). */
  replyDays: number;
  /** The letter claims interest, which keeps running until payment. */
  interestClaimed: boolean;
}

export interface LetterPhrases {
  /** Attention line under the company name. */
  attention(contactPerson: string): string;
  /** Salutation, or "" where the language opens without one. */
  greeting(contactPerson: string, customerName: string): string;
  /** Closing formula: British "Yours faithfully" after "Dear Sir or Madam", "Yours sincerely" after a name, US "Sincerely". */
  signOff(o: { named: boolean; locale: string }): string;
  dateLine(city: string, date: string): string;
  /** Lead-in of the contact list; letter 1 says "already in touch" only when there is a list at all. */
  contactsIntro(stage: number): string;
  contact(c: LetterContact, day: (d: DateOnly) => string): string;
  /** "We have not heard from you since our letter of ..." or "We refer to your reply of ...". */
  contactStatus(
    s: { lastLetterOn: DateOnly | null; lastAnswerOn: DateOnly | null },
    day: (d: DateOnly) => string,
  ): string;
  invoiceHeader: [string, string, string, string, string, string];
  chargeHeader: [string, string];
  /** One charge line in the letter's language with its legal basis; the working basis stays in the charge row. */
  charge(
    c: LetterCharge,
    fmt: { rate: (p: string) => string; day: (d: DateOnly) => string; profile?: ProfileId },
  ): string;
  /** Interest keeps running until payment; UK letters give the daily amount. */
  interestRunning(daily: string | null): string;
  totalLine(total: string): string;
  subtotalLines(invoices: string, charges: string): [string, string];
  /** The account's unallocated credit deducted in the totals, as a negative amount ("Less unallocated credit: -£50.00"). */
  creditLine(negativeAmount: string): string;
  /** Says the credit is on record and was deducted; states only the amount the ledger holds. */
  creditNote(amount: string): string;
  enclosures(enclosed: string[], onRequest: string[]): string;
  payment(p: PaymentFacts): string[];
  agencyDetails(a: AgencyFacts): string[];
  /** Title of the formal-notice stage (subject placeholder {{noticeTitle}}). */
  noticeTitle(profile: ProfileId): string;
  formalNotice(f: FormalNoticeFacts): string[];
  /** How letter 4 travels, in the reader's words: "registered post", US "certified mail". */
  registeredPost(locale: string): string;
  stageNames: Record<1 | 2 | 3 | 4, string>;
}
