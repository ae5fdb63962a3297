import type { Stage } from "@/lib/stages/stage";

/**
 * Text with {{placeholders}}; a paragraph that is exactly one block placeholder becomes
 * that block. {{n:singular|plural}} picks by the number of invoices in the letter.
 */
export interface StageTemplate {
  subject: string;
  paragraphs: string[];
}

/** The editable wording of one language: a stage template each, and the contact line under letters 1-3. */
export interface LetterTemplateSet {
  contactLine: string;
  stages: Record<Stage, StageTemplate>;
}
