import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { defaultDraft, paragraphsFromText, type TemplateDraft, validateTemplate } from "./validate-template";

const without = (draft: TemplateDraft, pattern: RegExp, replacement = ""): TemplateDraft => ({
  subject: draft.subject,
  paragraphs: draft.paragraphs.map((p) => p.replace(pattern, replacement)).filter((p) => p.trim()),
});

function problems(draft: TemplateDraft, language: Language = "en", stage: Stage = 1): string {
  const result = validateTemplate(draft, { language, stage });
  return result.ok ? "" : result.problems.join("\n");
}

describe("validateTemplate", () => {
  it("accepts every shipped template, in every language and stage", () => {
    for (const language of ["en", "it", "nb"] as const) {
      for (const stage of [1, 2, 3, 4] as const)
        expect(validateTemplate(defaultDraft(language, stage), { language, stage })).toEqual({ ok: true });
    }
  });

  it("refuses a template without the deadline date, naming it", () => {
    expect(problems(without(defaultDraft("en", 1), /\{\{deadline\}\}/g, "soon"))).toContain(
      "the payment deadline date {{deadline}}",
    );
  });

  it("refuses a template without the amount due", () => {
    expect(problems(without(defaultDraft("it", 3), /\{\{totalDue\}\}/g, "l'importo"), "it", 3)).toContain(
      "the amount due {{totalDue}}",
    );
  });

  it("refuses a template without the invoice table", () => {
    expect(problems(without(defaultDraft("nb", 1), /^\{\{invoiceTable\}\}$/), "nb", 1)).toContain(
      "the invoice table {{invoiceTable}}",
    );
  });

  it("refuses a template without contact details, naming the one missing", () => {
    const noPhone = problems(without(defaultDraft("en", 3), /\{\{orgPhone\}\}/g, "us"), "en", 3);
    expect(noPhone).toContain("the contact details {{orgPhone}}");
    expect(noPhone).not.toContain("{{orgEmail}}");
    expect(problems(without(defaultDraft("en", 3), /\{\{org(Phone|Email)\}\}/g, "us"), "en", 3)).toContain(
      "{{orgPhone}} and {{orgEmail}}",
    );
  });

  it("keeps the law's blocks: the formal notice on letter 3, the agency and no bank account of ours on letter 4", () => {
    expect(problems(without(defaultDraft("nb", 3), /^\{\{formalNotice\}\}$/), "nb", 3)).toContain(
      "the country's formal notice {{formalNotice}}",
    );
    expect(problems(without(defaultDraft("it", 4), /^\{\{agencyDetails\}\}$/), "it", 4)).toContain(
      "the agency's details {{agencyDetails}}",
    );
    const draft = defaultDraft("en", 4);
    expect(problems({ ...draft, paragraphs: [...draft.paragraphs, "{{paymentDetails}}"] }, "en", 4)).toContain(
      "Letter 4 sends payment to the agency",
    );
    expect(problems(defaultDraft("en", 4), "en", 4)).toBe("");
  });

  it("accepts singular/plural choices and never reads them as placeholders", () => {
    expect(problems(defaultDraft("it", 1), "it", 1)).toBe("");
    const draft = defaultDraft("en", 1);
    const broken = { ...draft, paragraphs: [...draft.paragraphs, "{{n:one invoice}} due"] };
    expect(problems(broken, "en", 1)).toContain("unknown placeholder {{n:one invoice}}");
  });

  it("refuses letter 2 without the payment-plan offer, in each language", () => {
    expect(problems(without(defaultDraft("en", 2), /payment plan/gi, "arrangement"), "en", 2)).toContain(
      "the offer of a payment plan",
    );
    expect(problems(without(defaultDraft("it", 2), /piano di pagamento/gi, "accordo"), "it", 2)).toContain(
      "the offer of a payment plan",
    );
    expect(problems(without(defaultDraft("nb", 2), /betalingsplan/gi, "avtale"), "nb", 2)).toContain(
      "the offer of a payment plan",
    );
    // Letter 1 does not need it.
    expect(problems(without(defaultDraft("en", 1), /payment plan/gi, "arrangement"), "en", 1)).toBe("");
  });

  it("names every missing element in one message", () => {
    const draft = { subject: "Hello", paragraphs: ["Please pay."] };
    const message = problems(draft, "en", 2);
    for (const part of [
      "{{deadline}}",
      "{{totalDue}}",
      "{{invoiceTable}}",
      "{{orgPhone}} and {{orgEmail}}",
      "payment plan",
    ])
      expect(message).toContain(part);
  });

  it("treats a typo in a placeholder as an error and suggests the right one", () => {
    const draft = without(defaultDraft("en", 1), /\{\{daysPastDue\}\}/, "{{daysPassedDue}}");
    expect(problems(draft)).toContain("unknown placeholder {{daysPassedDue}}; did you mean {{daysPastDue}}?");
    expect(problems(without(defaultDraft("en", 1), /\{\{daysPastDue\}\}/, "{{banana}}"))).toContain(
      "unknown placeholder {{banana}}.",
    );
  });

  it("catches placeholders with spaces, unclosed braces and blocks inside a sentence", () => {
    expect(problems(without(defaultDraft("en", 1), /\{\{daysPastDue\}\}/, "{{ daysPastDue }}"))).toContain(
      "as {{daysPastDue}}",
    );
    expect(problems(without(defaultDraft("en", 1), /\{\{daysPastDue\}\}/, "{{daysPastDue}"))).toContain(
      "not closed properly",
    );
    const inline = { ...defaultDraft("en", 1), subject: "Reminder {{invoiceTable}}" };
    expect(problems(inline)).toContain("must be a paragraph of its own");
  });

  it("reads paragraphs separated by blank lines", () => {
    expect(paragraphsFromText("One\nline two\r\n\r\n  Two  \n\n\n{{invoiceTable}}\n")).toEqual([
      "One\nline two",
      "Two",
      "{{invoiceTable}}",
    ]);
  });
});
