import type { Metadata } from "next";
import Link from "next/link";
import { TemplateEditor } from "@/components/template-editor";
import { ADMIN_ONLY } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getTemplatePage } from "@/lib/letters/pages";
import { BLOCK_PLACEHOLDERS, INLINE_PLACEHOLDERS } from "@/lib/letters/validate-template";
import { bindAction } from "@/lib/server-actions/bind";
import type { Stage } from "@/lib/stages/stage";

const templateAction = bindAction("letters.template");

export const metadata: Metadata = { title: "Letter templates" };

const LANGUAGES = { en: "English", it: "Italiano", nb: "Norsk bokmål" } as const;
const STAGES = { 1: "Letter 1: reminder", 2: "Letter 2", 3: "Letter 3", 4: "Letter 4: final notice" } as const;

export default async function TemplatesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUser();
  if (!ADMIN_ONLY.includes(user.role))
    return (
      <p className="rounded-xl border border-slate-200 bg-white p-5 text-sm">
        Only an administrator can edit letter templates.
      </p>
    );
  const sp = await searchParams;
  const language = (sp.language && sp.language in LANGUAGES ? sp.language : "en") as keyof typeof LANGUAGES;
  const stage = (["1", "2", "3", "4"].includes(sp.stage ?? "") ? Number(sp.stage) : 1) as Stage;
  const inForce = await getTemplatePage(user, language, stage);
  const tab = (active: boolean) =>
    `rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`;
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Letter templates</h1>
        <p className="text-sm text-slate-500">
          Each stage and language. A template is saved only if it keeps what the stage must say (deadline date, amount
          due, invoice table, contact details; letter 2 also the payment-plan offer) and every placeholder is known.
          Letters already sent never change.
        </p>
      </div>
      <nav aria-label="Language" className="flex gap-1">
        {Object.entries(LANGUAGES).map(([code, label]) => (
          <Link
            key={code}
            className={tab(code === language)}
            href={`/settings/templates?language=${code}&stage=${stage}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <nav aria-label="Stage" className="flex gap-1">
        {Object.entries(STAGES).map(([s, label]) => (
          <Link
            key={s}
            className={tab(Number(s) === stage)}
            href={`/settings/templates?language=${language}&stage=${s}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <p className="text-xs text-slate-500" data-testid="template-version">
        {inForce.versionId
          ? `Edited version in force since ${new Intl.DateTimeFormat(user.locale, { dateStyle: "medium", timeStyle: "short", timeZone: user.timeZone }).format(inForce.savedAt!)}.`
          : "The standard text is in force."}
      </p>
      <TemplateEditor
        key={`${language}-${stage}-${inForce.versionId ?? "default"}`}
        language={language}
        stage={stage}
        subject={inForce.draft.subject}
        body={inForce.draft.paragraphs.join("\n\n")}
        placeholders={[...INLINE_PLACEHOLDERS, ...BLOCK_PLACEHOLDERS]}
        action={templateAction}
      />
    </div>
  );
}
