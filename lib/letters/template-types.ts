import type { Stage } from "@/lib/collections/stage";
import type { ContactChannel, ContactOutcome } from "@/lib/generated/prisma/enums";

// The stage is the collections policy's (letters sit above collections).
export type { Stage } from "@/lib/collections/stage";

/** Text with {{placeholders}}; a paragraph that is exactly one block placeholder becomes that block. */
export interface StageTemplate {
  subject: string;
  paragraphs: string[];
}

export interface LetterTemplateSet {
  common: {
    attention: string;
    greeting: string;
    signOff: string;
    contactLine: string;
    dateLine: string;
    channel: Record<ContactChannel, string>;
    outcome: Record<ContactOutcome, string>;
    invoiceIssued: string;
    letterSent: string;
    invoiceHeader: [string, string, string, string, string, string];
    totalLine: string;
    stageNames: Record<Stage, string>;
  };
  stages: Record<Stage, StageTemplate>;
}
