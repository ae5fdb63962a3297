import { describe, expect, it } from "vitest";
import { letterDeadline } from "./deadline";
import { type LetterInput, renderLetter } from "./render";
import type { Stage } from "./template-types";

const input = (stage: Stage): LetterInput => ({
  stage,
  language: "en",
  locale: "en-GB",
  currency: "EUR",
  letterDate: "2026-12-07",
  deadline: "2026-12-21",
  org: {
    name: "Aurora Components AS",
    addressLine1: "Akersgata 32",
    addressLine2: "",
    postalCode: "0180",
    city: "Oslo",
    country: "Norway",
    phone: "+47 22 00 45 00",
    email: "ar@aurora.example",
    website: "aurora.example",
    contactPerson: "Colin Collector",
    paymentInstructions: "Bank transfer to IBAN NO93 8601 1117 947.",
  },
  customer: {
    name: "Beta SpA",
    addressLine1: "Via Roma 1",
    addressLine2: "",
    postalCode: "20100",
    city: "Milano",
    country: "Italy",
    contactPerson: "Paola Rossi",
  },
  invoices: [
    {
      invoiceId: "a",
      number: "INV-101",
      issueDate: "2026-10-01",
      dueDate: "2026-10-31",
      amountMinor: 120000,
      openMinor: 70000,
      daysPastDue: 37,
    },
    {
      invoiceId: "b",
      number: "INV-104",
      issueDate: "2026-10-10",
      dueDate: "2026-11-09",
      amountMinor: 50050,
      openMinor: 50050,
      daysPastDue: 28,
    },
  ],
  attempts: [
    { on: "2026-11-03", channel: "EMAIL", outcome: "SENT" },
    { on: "2026-11-05", channel: "PHONE", outcome: "NO_ANSWER" },
    ...(stage > 1 ? [{ on: "2026-11-10", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 1 }] : []),
    ...(stage > 2 ? [{ on: "2026-11-24", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 2 }] : []),
    ...(stage > 3 ? [{ on: "2026-12-01", channel: "LETTER" as const, outcome: "SENT" as const, letterStage: 3 }] : []),
  ],
  handoff: stage === 4 ? { agency: "Nordic Recovery AS", reference: "NR-5531", handedOverOn: "2026-12-06" } : null,
});

// Every letter: letterhead, routing, contact details, amounts, deadline date, each earlier attempt.
const common = [
  "Aurora Components AS",
  "Akersgata 32",
  "0180 Oslo",
  "ATTN: Accounts Department",
  "Beta SpA",
  "Via Roma 1",
  "+47 22 00 45 00",
  "ar@aurora.example",
  "INV-101",
  "INV-104",
  "€1,200.00",
  "€700.00",
  "€500.50",
  "€1,200.50",
  "21 December 2026",
  "3 November 2026: email, sent",
  "5 November 2026: phone call, no answer",
  "1 October 2026: invoice INV-101 issued",
];
const checklist: Record<Stage, string[]> = {
  1: [
    "37 days past due",
    "Days past due",
    "31 Oct 2026",
    "1 Oct 2026",
    "What to do next",
    "Bank transfer to IBAN",
    "error in our invoice",
    "payment plan",
    "never reached you",
  ],
  2: [
    "10 November 2026: letter 1 (first reminder) sent",
    "original due date of 31 October 2026",
    "37 days",
    "payment plan",
    "credit rating",
    "credit limits",
    "card over the phone",
    "cheque",
    "Payment methods",
  ],
  3: [
    "10 November 2026: letter 1",
    "24 November 2026: letter 2",
    "collection agency",
    "attorney",
    "payment plan is agreed",
    "final request to get in touch",
  ],
  4: [
    "have not heard from you",
    "1 December 2026: letter 3",
    "Nordic Recovery AS",
    "NR-5531",
    "credit bureau",
    "out of our hands",
    "registered mail",
    "6 December 2026",
  ],
};
const HARSH = /\b(fail(ed)? to|demand|immediately|deadbeat|threat|lawsuit|sue|shame|ignore[sd]?)\b/i;

describe("letter templates", () => {
  it.each([1, 2, 3, 4] as Stage[])("stage %i contains its checklist and no harsh words", (stage) => {
    const { subject, body } = renderLetter(input(stage));
    for (const text of [...common, ...checklist[stage]]) expect(body, text).toContain(text);
    expect(subject).toContain("Beta SpA");
    expect(body).not.toMatch(HARSH);
    expect(body).not.toMatch(/\{\{|\}\}|undefined|NaN/);
    expect(body).not.toMatch(/business days|within \d+ days/i);
  });

  it("lists attempts in time order and is deterministic", () => {
    const a = renderLetter(input(3));
    expect(a).toEqual(renderLetter(input(3)));
    const lines = a.body.split("\n").filter((l) => l.startsWith("  - "));
    const dates = lines.map((l) => new Date(l.slice(4, l.indexOf(":"))).getTime());
    expect(dates).toEqual([...dates].sort((x, y) => x - y));
  });

  it("sets a real deadline, off weekends, never before an earlier one", () => {
    expect(letterDeadline("2026-12-07", 14)).toBe("2026-12-21"); // Monday
    expect(letterDeadline("2026-12-05", 14)).toBe("2026-12-21"); // Saturday -> Monday
    expect(letterDeadline("2026-12-06", 14)).toBe("2026-12-21"); // Sunday -> Monday
    expect(letterDeadline("2026-12-07", 14, "2026-12-30")).toBe("2026-12-30");
  });
});

// Issue 14, item 11: an invoice number "INV-{{nope}}" was expanded as a placeholder and broke every letter of the account.
describe("data is never read as a template", () => {
  it("prints invoice numbers and names with braces or $ patterns exactly as stored", () => {
    const base = input(2);
    const letter = renderLetter({
      ...base,
      customer: { ...base.customer, name: "Beta {{deadline}} $& SpA" },
      invoices: [{ ...base.invoices[0], number: "INV-{{nope}}-$'" }],
    });
    expect(letter.body).toContain("invoice INV-{{nope}}-$' issued");
    expect(letter.body).toContain("Beta {{deadline}} $& SpA");
  });
});
