import type { Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { templatesFor } from "./render";
import type { StageTemplate } from "./template-types";

// An admin's edit of a stage template is checked before it is stored: every
// element the stage's checklist needs must be there (docs: COLLECTIONS.md), and
// every {{placeholder}} must be one render.ts fills. A typo is an error here,
// never an empty gap in a letter that goes to a customer.

/** Filled with text inside a paragraph or the subject. */
export const INLINE_PLACEHOLDERS = [
  "customerName",
  "contactPerson",
  "totalDue",
  "invoicesDue",
  "daysPastDue",
  "oldestDueDate",
  "deadline",
  "letterDate",
  "paymentInstructions",
  "orgPhone",
  "orgEmail",
  "orgContactPerson",
  "agency",
  "handoffReference",
  "handoffDate",
  "contactStatus",
  "noticeTitle",
  "registeredPost",
] as const;
/** Replaced by a block (list, table, payment details, the country's formal notice): must be a paragraph of its own. */
export const BLOCK_PLACEHOLDERS = [
  "attemptList",
  "invoiceTable",
  "paymentDetails",
  "formalNotice",
  "agencyDetails",
] as const;
/** {{n:singular|plural}}: the wording follows the number of invoices; {{us:American|British}}: the English of the reader. */
const CHOICE = /\{\{(?:n|us):[^|{}]*\|[^{}]*\}\}/g;

/** An editable stage template: subject and paragraphs; the last paragraphs usually carry the contact details. */
export type TemplateDraft = StageTemplate;

const PAYMENT_PLAN: Record<Language, { pattern: RegExp; example: string }> = {
  en: { pattern: /payment plan/i, example: "payment plan" },
  it: { pattern: /piano di pagamento|rateizzazione|piano di rientro/i, example: "piano di pagamento" },
  nb: { pattern: /betalingsplan|nedbetalingsplan|avdragsordning/i, example: "betalingsplan" },
};

export type TemplateCheck = { ok: true } | { ok: false; problems: string[] };

/** The template the code ships for a language and stage, as an editor shows it (the contact line as the last paragraph). */
export function defaultDraft(language: Language, stage: Stage): TemplateDraft {
  const t = templatesFor(language);
  return {
    subject: t.stages[stage].subject,
    paragraphs: [...t.stages[stage].paragraphs, ...(stage === 4 ? [] : [t.contactLine])],
  };
}

export function validateTemplate(draft: TemplateDraft, opts: { language: Language; stage: Stage }): TemplateCheck {
  const problems: string[] = [];
  const paragraphs = draft.paragraphs.map((p) => p.trim()).filter(Boolean);
  if (!draft.subject.trim()) problems.push("The subject is empty.");
  if (!paragraphs.length) problems.push("The letter has no text.");

  const used = new Set<string>();
  const check = (raw: string, where: string, allowBlock: boolean) => {
    const text = raw.replace(CHOICE, "");
    const tokens = [...text.matchAll(/\{\{([^{}]*)\}\}/g)];
    for (const [token, rawName] of tokens) {
      const name = rawName.trim();
      if ((INLINE_PLACEHOLDERS as readonly string[]).includes(name)) {
        if (name !== rawName) problems.push(`${where}: write ${token} without spaces, as {{${name}}}.`);
        used.add(name);
      } else if ((BLOCK_PLACEHOLDERS as readonly string[]).includes(name)) {
        if (allowBlock && text.trim() === token && name === rawName) used.add(name);
        else problems.push(`${where}: {{${name}}} is a table or list and must be a paragraph of its own.`);
      } else {
        const hint = closest(name);
        problems.push(`${where}: unknown placeholder ${token}${hint ? `; did you mean {{${hint}}}?` : "."}`);
      }
    }
    const leftover = text.replace(/\{\{[^{}]*\}\}/g, "");
    if (/[{}]/.test(leftover))
      problems.push(`${where}: a placeholder is not closed properly (placeholders look like {{deadline}}).`);
  };
  check(draft.subject, "Subject", false);
  paragraphs.forEach((p, i) => check(p, `Paragraph ${i + 1}`, true));

  const missing: string[] = [];
  const body = paragraphs.join("\n");
  if (!used.has("deadline") || !/\{\{\s*deadline\s*\}\}/.test(body))
    missing.push("the payment deadline date {{deadline}}");
  if (!/\{\{\s*totalDue\s*\}\}/.test(body)) missing.push("the amount due {{totalDue}}");
  if (!paragraphs.includes("{{invoiceTable}}"))
    missing.push("the invoice table {{invoiceTable}} (as a paragraph of its own)");
  // Letters 1-3 carry our contact details; letter 4 sends the customer to the agency instead.
  const contact =
    opts.stage === 4
      ? []
      : ["orgPhone", "orgEmail"].filter((name) => !new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).test(body));
  if (contact.length) missing.push(`the contact details ${contact.map((n) => `{{${n}}}`).join(" and ")}`);
  if (opts.stage === 3 && !paragraphs.includes("{{formalNotice}}"))
    missing.push("the country's formal notice {{formalNotice}} (as a paragraph of its own)");
  if (opts.stage === 4) {
    if (!paragraphs.includes("{{agencyDetails}}"))
      missing.push("the agency's details {{agencyDetails}} (as a paragraph of its own)");
    if (/\{\{\s*(paymentDetails|paymentInstructions)\s*\}\}/.test(body))
      problems.push("Letter 4 sends payment to the agency: remove our payment details.");
  }
  if (opts.stage === 2 && !PAYMENT_PLAN[opts.language].pattern.test(body)) {
    missing.push(`the offer of a payment plan (a sentence with "${PAYMENT_PLAN[opts.language].example}")`);
  }
  if (missing.length) problems.unshift(`Letter ${opts.stage} must contain ${missing.join(", ")}.`);
  return problems.length ? { ok: false, problems } : { ok: true };
}

function closest(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of [...INLINE_PLACEHOLDERS, ...BLOCK_PLACEHOLDERS]) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

/** Paragraphs as an admin types them: separated by blank lines. */
export function paragraphsFromText(text: string): string[] {
  return text
    .replace(/\r\n/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
