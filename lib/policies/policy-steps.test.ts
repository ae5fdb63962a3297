import { describe, expect, it } from "vitest";
import { dueSideSteps, runKey } from "./due-steps";
import { checkSteps, type PolicyStep } from "./policy-steps";
import { letterSettings, standardSteps } from "./policy-timeline";
import { reminderEmail } from "./reminder-email";

const letter = (stage: number, offsetDays: number, anchor: PolicyStep["anchor"] = "previous_step"): PolicyStep => ({
  key: `letter-${stage}`,
  kind: "letter",
  anchor,
  offsetDays,
  stage,
  deadlineDays: 14,
  note: "",
});
const step = (
  key: string,
  kind: PolicyStep["kind"],
  anchor: PolicyStep["anchor"],
  offsetDays: number,
  note = "Call AP",
): PolicyStep => ({
  key,
  kind,
  anchor,
  offsetDays,
  stage: null,
  deadlineDays: null,
  note,
});

const CONSUMERS = [
  step("remind", "reminder_email", "due_date", -3, ""),
  step("call-1", "call_task", "previous_step", 5),
  letter(1, 3),
  step("call-2", "call_task", "previous_step", 4),
  letter(2, 10),
  letter(3, 14),
  step("review", "review_task", "previous_step", 7, "Review before hand-off"),
  letter(4, 1),
];

describe("policy steps", () => {
  it("letters' timing: letter 1 counts from the due date through the steps before it, later letters from the letter before", () => {
    expect(letterSettings(checkSteps(CONSUMERS))).toEqual({
      letter1AfterDueDays: 5,
      letter2AfterDays: 14,
      letter3AfterDays: 14,
      letter4AfterDeadlineDays: 1,
      deadlineDays: [14, 14, 14, 14],
    });
  });

  it("Standard's steps give back today's numbers exactly", () => {
    const today = {
      letter1AfterDueDays: 3,
      letter2AfterDays: 10,
      letter3AfterDays: 12,
      letter4AfterDeadlineDays: 2,
      deadlineDays: [14, 10, 10, 7] as [number, number, number, number],
    };
    expect(letterSettings(checkSteps(standardSteps(today)))).toEqual(today);
  });

  it.each([
    [
      "letters out of order",
      [letter(2, 1, "previous_step"), letter(1, 1, "due_date"), letter(3, 1), letter(4, 1)],
      /letter 1 must come next/,
    ],
    [
      "a reminder after the due date",
      [step("r", "reminder_email", "due_date", 2, ""), ...CONSUMERS.slice(2)],
      /before or on the due date/,
    ],
    [
      "a reminder after a letter",
      [
        letter(1, 1, "due_date"),
        step("r", "reminder_email", "previous_step", 0, ""),
        letter(2, 5),
        letter(3, 5),
        letter(4, 1),
      ],
      /before any letter/,
    ],
    ["letter 1 on the due date", [letter(1, 0, "due_date"), letter(2, 5), letter(3, 5), letter(4, 1)], /overdue/],
    [
      "a task without words",
      [step("c", "call_task", "due_date", 2, ""), ...CONSUMERS.slice(2)],
      /say what the collector/,
    ],
    ["three letters", CONSUMERS.slice(0, 7), /four letters/],
    [
      "a due-date anchor after letter 1",
      [letter(1, 1, "due_date"), step("c", "call_task", "due_date", 9), letter(2, 5), letter(3, 5), letter(4, 1)],
      /count from the step before/,
    ],
  ])("refuses %s", (_name, steps, message) => {
    expect(() => checkSteps(steps)).toThrow(message);
  });

  it("side steps: the reminder 3 days before the due date, the call 2 days after, the second call 4 days after letter 1", () => {
    const steps = checkSteps(CONSUMERS);
    const invoice = { id: "i1", number: "INV-1", dueDate: "2026-03-20", open: 5000, disputed: false };
    const account = { invoices: [invoice], letters: [] as { stage: number; sentOn: string }[], paused: false };
    const none = new Set<string>();
    const kinds = (today: string, done = none, a = account) =>
      dueSideSteps(steps, a, today, done).map((d) => `${d.step.key}@${d.dueOn}`);
    expect(kinds("2026-03-16")).toEqual([]);
    expect(kinds("2026-03-17")).toEqual(["remind@2026-03-17"]);
    expect(kinds("2026-03-17", new Set([runKey("remind", "2026-03-20")]))).toEqual([]);
    // Past the due date a courtesy reminder is no longer sent late.
    expect(kinds("2026-03-22", new Set())).toEqual(["call-1@2026-03-22"]);
    const afterLetter1 = { ...account, letters: [{ stage: 1, sentOn: "2026-03-25" }] };
    expect(kinds("2026-03-28", none, afterLetter1)).toEqual([]);
    expect(kinds("2026-03-29", none, afterLetter1)).toEqual(["call-2@2026-03-29"]);
    // Paid: no call about it.
    expect(kinds("2026-03-29", none, { ...afterLetter1, invoices: [{ ...invoice, open: 0 }] })).toEqual([]);
    expect(kinds("2026-03-29", none, { ...afterLetter1, paused: true })).toEqual([]);
  });
});

describe("the courtesy reminder", () => {
  const base = {
    countryCode: "GB",
    locale: "en-GB",
    contactPerson: "Pat",
    customerName: "Acme Ltd",
    currency: "EUR",
    invoices: [{ number: "INV-7", dueDate: "2026-03-20", open: 125_000 }],
    today: "2026-03-17",
    org: { name: "Nordlys AS", phone: "+47 22 00 00 00", email: "ar@nordlys.example" },
  };
  it.each([
    [
      "en",
      "Friendly reminder: invoice INV-7 is due on 20 March 2026",
      /invoice INV-7 for €1,250\.00 is due on 20 March 2026/,
    ],
    [
      "it",
      "Promemoria: fattura n. INV-7 in scadenza il 20 marzo 2026",
      /la fattura n\. INV-7 di 1\.250,00 EUR scade il 20 marzo 2026/,
    ],
    [
      "nb",
      "Vennlig påminnelse: faktura INV-7 forfaller 20. mars 2026",
      /faktura INV-7 på EUR 1 250,00 forfaller 20\. mars 2026/,
    ],
  ] as const)(
    "in %s: names the invoice, the amount and the day, and threatens nothing",
    (language, subject, sentence) => {
      const mail = reminderEmail({ ...base, language });
      expect(mail.subject).toBe(subject);
      expect(mail.text).toMatch(sentence);
      expect(mail.text).not.toMatch(/fee|interest|agency|legal|gebyr|rente|inkasso|interessi|legale|penale/i);
    },
  );
  it("on the due date it says today", () => {
    expect(reminderEmail({ ...base, language: "en", today: "2026-03-20" }).text).toMatch(/is due today\./);
  });
  it("writes to a consumer as a person: 'du', 'Lei', greeted by the salutation or the full name", () => {
    const consumer = { ...base, contactPerson: "", customerType: "consumer" as const };
    const nb = reminderEmail({ ...consumer, language: "nb", customerName: "Kari Nordmann" }).text;
    expect(nb).toMatch(/^Hei Kari Nordmann,/);
    expect(nb).toContain("kan du se bort fra denne e-posten");
    expect(nb).not.toMatch(/\bdere\b/);
    const it_ = reminderEmail({ ...consumer, language: "it", customerName: "Anna Rossi", salutation: "Sig.ra Rossi" });
    expect(it_.text).toMatch(/^Gentile Sig\.ra Rossi,/);
    expect(it_.text).toContain("Le ricordiamo cortesemente");
    expect(it_.text).toContain("Se ha già disposto il pagamento, La ringraziamo");
    expect(it_.text).not.toMatch(/\b(Vi|avete|potete)\b/);
    expect(reminderEmail({ ...base, language: "en", salutation: "Ms Lowe" }).text).toMatch(/^Dear Ms Lowe,/);
    // A company keeps "dere"/"Voi".
    expect(reminderEmail({ ...base, language: "nb" }).text).toContain("kan dere se bort");
  });
});
