"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/define-action";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { saveLetterTemplate } from "@/lib/letters/letter-templates";
import { previewTemplate } from "@/lib/letters/preview-template";
import type { Stage } from "@/lib/letters/template-types";
import { paragraphsFromText, validateTemplate } from "@/lib/letters/validate-template";
import { clockNow } from "@/lib/time/dates";

export interface TemplateActionData {
  preview?: { customerName: string; subject: string; body: string };
  problems?: string[];
}

export const templateAction = defineAction<z.ZodType<{ intent: "preview" | "save" | "revert"; language: "en" | "it" | "nb"; stage: number; subject: string; body: string }>, TemplateActionData>({
  roles: ADMIN_ONLY,
  schema: z.object({
    intent: z.enum(["preview", "save", "revert"]),
    language: z.enum(["en", "it", "nb"]),
    stage: z.coerce.number().int().min(1).max(4),
    subject: z.string().max(500, "Keep the subject under 500 characters.").default(""),
    body: z.string().max(20_000).default(""),
  }),
  run: async (ctx, input) => {
    const stage = input.stage as Stage;
    const actor = { userId: ctx.userId, role: ctx.role };
    const draft = { subject: input.subject.trim(), paragraphs: paragraphsFromText(input.body) };
    if (input.intent === "revert") {
      await saveLetterTemplate(db(), { orgId: ctx.orgId, actor, language: input.language, stage, draft: null });
      revalidatePath("/settings/templates");
      return { message: "Back to the standard template." };
    }
    if (input.intent === "save") {
      await saveLetterTemplate(db(), { orgId: ctx.orgId, actor, language: input.language, stage, draft });
      revalidatePath("/settings/templates");
      return { message: "Template saved: the next letters use it." };
    }
    const check = validateTemplate(draft, { language: input.language, stage });
    if (!check.ok) throw new AppError("INVALID_INPUT", "The template cannot be used yet.", { template: check.problems });
    const preview = await previewTemplate(db(), { orgId: ctx.orgId, language: input.language, stage, draft, now: clockNow() });
    return { message: `Preview on ${preview.customerName}'s account.`, data: { preview } };
  },
});
