import { z } from "zod";
import { wholeNumberField } from "@/lib/actions/fields";
import { actionDefinition } from "@/lib/actions/run-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors/app-error";
import type { Stage } from "@/lib/stages/stage";
import { clockNow } from "@/lib/time/dates";
import { saveLetterTemplate } from "./letter-templates";
import { previewTemplate } from "./preview-template";
import { paragraphsFromText, validateTemplate } from "./validate-template";

// The template editor's one action (admin only): preview, save or revert a
// stage's template in one language. Pages bind it by name (lib/server-actions).

export interface TemplateActionData {
  preview?: { customerName: string; subject: string; body: string };
}

export const templateAction = actionDefinition({
  name: "letters.template",
  roles: ADMIN_ONLY,
  schema: z.object({
    intent: z.enum(["preview", "save", "revert"], "Choose preview, save or revert."),
    language: z.enum(["en", "it", "nb"], "Choose English, Italian or Norwegian."),
    stage: wholeNumberField("the letter's stage", 1, 4),
    subject: z.string({ message: "The subject is missing." }).max(500, "Keep the subject under 500 characters."),
    body: z.string({ message: "The letter text is missing." }).max(20_000, "Keep the letter under 20,000 characters."),
  }),
  run: async (ctx, input): Promise<{ message: string; data?: TemplateActionData }> => {
    const stage = input.stage as Stage;
    const actor = { userId: ctx.userId, role: ctx.role };
    const draft = { subject: input.subject.trim(), paragraphs: paragraphsFromText(input.body) };
    if (input.intent === "revert") {
      await saveLetterTemplate(ctx.db, { orgId: ctx.orgId, actor, language: input.language, stage, draft: null });
      return { message: "Back to the standard template." };
    }
    if (input.intent === "save") {
      await saveLetterTemplate(ctx.db, { orgId: ctx.orgId, actor, language: input.language, stage, draft });
      return { message: "Template saved: the next letters use it." };
    }
    const check = validateTemplate(draft, { language: input.language, stage });
    if (!check.ok)
      throw new AppError("INVALID_INPUT", "The template cannot be used yet.", { template: check.problems });
    const preview = await previewTemplate(ctx.db, {
      orgId: ctx.orgId,
      language: input.language,
      stage,
      draft,
      now: clockNow(),
    });
    return { message: `Preview on ${preview.customerName}'s account.`, data: { preview } };
  },
});
