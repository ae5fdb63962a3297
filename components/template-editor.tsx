"use client";

import { startTransition, useActionState, useId } from "react";
import { LetterText } from "@/components/letter-text";
import type { ActionResult } from "@/lib/actions/define-action";

type Data = { preview?: { customerName: string; subject: string; body: string } };
type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<Data>>;

/** Edit one stage's template in one language; preview it on a real account; save (checked) or restore the standard text. */
export function TemplateEditor(props: {
  language: string;
  stage: number;
  subject: string;
  body: string;
  placeholders: string[];
  action: Action;
}) {
  const [result, formAction, pending] = useActionState(props.action, undefined);
  const statusId = useId();
  const problems = result && !result.ok ? (result.fieldErrors?.template ?? []) : [];
  const preview = result?.ok ? result.data?.preview : undefined;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <form
        className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
        data-testid="template-form"
        aria-describedby={statusId}
        onSubmit={(event) => {
          event.preventDefault();
          const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
          const data = new FormData(event.currentTarget);
          data.set("intent", submitter?.value ?? "preview");
          startTransition(() => formAction(data));
        }}
      >
        <input type="hidden" name="language" value={props.language} />
        <input type="hidden" name="stage" value={String(props.stage)} />
        <div>
          <label htmlFor="tpl-subject" className="block text-sm font-medium text-slate-700">
            Subject
          </label>
          <input
            id="tpl-subject"
            name="subject"
            defaultValue={props.subject}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="tpl-body" className="block text-sm font-medium text-slate-700">
            Letter text (paragraphs separated by a blank line)
          </label>
          <textarea
            id="tpl-body"
            name="body"
            defaultValue={props.body}
            rows={24}
            aria-invalid={problems.length ? true : undefined}
            aria-describedby="tpl-problems"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs leading-relaxed aria-[invalid=true]:border-red-500"
          />
          <p className="mt-1 text-xs text-slate-500">
            Placeholders: {props.placeholders.map((p) => `{{${p}}}`).join(" ")}. Lists, tables, payment details, the
            formal notice and the agency's details stand alone in their paragraph. {"{{n:invoice|invoices}}"} follows
            the number of invoices.
          </p>
        </div>
        <div id="tpl-problems" aria-live="polite">
          {problems.length > 0 && (
            <ul
              className="list-disc space-y-1 rounded-md bg-red-50 p-3 pl-7 text-sm text-red-800"
              data-testid="template-problems"
            >
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
        <div
          id={statusId}
          role="status"
          aria-live="polite"
          className={`min-h-5 text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
        >
          {problems.length ? "Fix what is listed above; nothing was saved." : result?.message}
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="submit"
            value="preview"
            disabled={pending}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-semibold hover:bg-slate-50"
          >
            Preview
          </button>
          <button
            type="submit"
            value="save"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60"
          >
            Save template
          </button>
          <button
            type="submit"
            value="revert"
            disabled={pending}
            className="ml-auto rounded-md px-3 py-2 text-sm text-slate-600 hover:bg-slate-100"
          >
            Restore the standard text
          </button>
        </div>
      </form>
      <section aria-label="Preview" data-testid="template-preview">
        {preview ? (
          <LetterText subject={preview.subject} body={preview.body} />
        ) : (
          <p className="rounded-xl border border-dashed border-slate-300 p-6 text-sm text-slate-500">
            Press Preview to see this template on a real account of a customer writing in this language.
          </p>
        )}
      </section>
    </div>
  );
}
