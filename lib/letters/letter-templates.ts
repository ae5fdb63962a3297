import { z } from "zod";
import { recordAudit } from "@/lib/audit/events";
import type { Actor } from "@/lib/auth/actor";
import type { Db, DbOrTx } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import type { CustomerType, Language } from "@/lib/generated/prisma/enums";
import type { Stage } from "@/lib/stages/stage";
import { templatesFor } from "./render";
import type { LetterTemplateSet } from "./template-types";
import { defaultDraft, type TemplateDraft, validateTemplate } from "./validate-template";

// Admins' edits of letter templates: append-only versions per organization,
// language and stage; the newest is in force. Without one, the code's template.

export interface TemplateInForce {
  draft: TemplateDraft;
  /** Null when the code's default is in force. */
  versionId: string | null;
  savedAt: Date | null;
}

export async function templateInForce(
  tx: DbOrTx,
  opts: { orgId: string; language: Language; stage: Stage },
): Promise<TemplateInForce> {
  const row = await tx.letterTemplateVersion.findFirst({
    where: { orgId: opts.orgId, language: opts.language, stage: opts.stage },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  if (!row || row.reverted)
    return { draft: defaultDraft(opts.language, opts.stage), versionId: null, savedAt: row?.createdAt ?? null };
  return {
    draft: { subject: row.subject, paragraphs: z.array(z.string()).parse(row.paragraphs) },
    versionId: row.id,
    savedAt: row.createdAt,
  };
}

/**
 * The template set to render one stage with: the code's set with that stage
 * replaced by the draft. An edited draft carries its own contact paragraph, so
 * the shared contact line is left out.
 */
export function templateSetWith(language: Language, stage: Stage, draft: TemplateDraft): LetterTemplateSet {
  const base = templatesFor(language);
  return { contactLine: "", stages: { ...base.stages, [stage]: draft } };
}

/**
 * The template set a letter of this stage is rendered with now (undefined: the code's defaults).
 * An edited Norwegian or Italian template is written to a company ("dere", "Voi"): a consumer
 * keeps the code's personal form ("du", "Lei") rather than read an edit in the wrong form.
 */
export async function templatesForLetter(
  tx: DbOrTx,
  opts: { orgId: string; language: Language; stage: Stage; customerType?: CustomerType },
): Promise<LetterTemplateSet | undefined> {
  if (templatesFor(opts.language, opts.customerType) !== templatesFor(opts.language)) return undefined;
  const inForce = await templateInForce(tx, opts);
  return inForce.versionId ? templateSetWith(opts.language, opts.stage, inForce.draft) : undefined;
}

export async function saveLetterTemplate(
  db: Db,
  opts: { orgId: string; actor: Actor; language: Language; stage: Stage; draft: TemplateDraft | null },
): Promise<{ versionId: string }> {
  if (opts.actor.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only an administrator can edit letter templates.");
  const draft = opts.draft ?? defaultDraft(opts.language, opts.stage);
  const check = validateTemplate(draft, opts);
  if (!check.ok) throw new AppError("INVALID_INPUT", check.problems.join(" "), { template: check.problems });
  return db.$transaction(async (tx) => {
    const row = await tx.letterTemplateVersion.create({
      data: {
        orgId: opts.orgId,
        language: opts.language,
        stage: opts.stage,
        subject: draft.subject.trim(),
        paragraphs: draft.paragraphs.map((p) => p.trim()).filter(Boolean),
        reverted: opts.draft === null,
        createdById: opts.actor.userId,
      },
    });
    await recordAudit(
      tx,
      { orgId: opts.orgId, userId: opts.actor.userId },
      {
        kind: "letter_template.saved",
        payload: {
          templateVersionId: row.id,
          language: opts.language,
          stage: opts.stage,
          reverted: opts.draft === null,
        },
      },
    );
    return { versionId: row.id };
  });
}
