"use client";

import { startTransition, useActionState, useEffect, useId, useRef } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

type Action = (prev: unknown, data: FormData) => Promise<ActionResult<{ href: string | null }>>;

const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60";
const input =
  "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/**
 * What can be done with the accounts ticked in a table: the table's checkboxes
 * join this form by its id (`form=`), so the rows stay server-rendered. Each
 * action is a submit button named "intent" (the server action switches on it):
 * plan the letters of the ticked accounts, pause their dunning, or assign them
 * to a collector (shown when `assignees` is given: the working roles' pages).
 */
export function SelectionToolbar({
  formId,
  action,
  assignees,
}: {
  formId: string;
  action: Action;
  assignees?: { id: string; name: string; role: string }[];
}) {
  const [result, formAction, pending] = useActionState(action, undefined);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // Keep the ticks and the reason when the server refuses; clear them once it acted.
  useEffect(() => {
    if (result?.ok) form.current?.reset();
  }, [result]);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  const fieldError = (name: string) => errors[name]?.join(" ");
  const accountsError = Object.entries(errors)
    .filter(([k]) => k === "accounts" || k.startsWith("accounts."))
    .flatMap(([, v]) => v)[0];
  return (
    <form
      ref={form}
      id={formId}
      action={formAction}
      onSubmit={(event) => {
        // React resets a form after its action runs; submitted by hand, what was typed stays.
        event.preventDefault();
        const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      noValidate
      aria-label="Ticked accounts"
      className="space-y-2 rounded-xl border border-slate-200 bg-slate-50 p-3"
      data-testid="selection-toolbar"
    >
      <div className="flex flex-wrap items-end gap-3">
        <p className="w-full text-sm font-medium text-slate-700 sm:w-auto">With the ticked accounts:</p>
        <button type="submit" name="intent" value="plan" disabled={pending} className={button}>
          Plan their letters
        </button>
        <div className="min-w-48 flex-1">
          <label htmlFor={`${id}-reason`} className="block text-xs font-medium text-slate-700">
            Pause reason
          </label>
          <input
            id={`${id}-reason`}
            name="pauseReason"
            className={input}
            aria-invalid={fieldError("pauseReason") ? true : undefined}
            aria-describedby={`${id}-status`}
          />
        </div>
        <div>
          <label htmlFor={`${id}-until`} className="block text-xs font-medium text-slate-700">
            Paused until (optional)
          </label>
          <input
            id={`${id}-until`}
            name="pauseUntil"
            type="date"
            className={input}
            aria-invalid={fieldError("pauseUntil") ? true : undefined}
            aria-describedby={`${id}-status`}
          />
        </div>
        <button type="submit" name="intent" value="pause" disabled={pending} className={button}>
          Pause dunning
        </button>
        {assignees && (
          <>
            <div>
              <label htmlFor={`${id}-assign`} className="block text-xs font-medium text-slate-700">
                Assign to
              </label>
              <select
                id={`${id}-assign`}
                name="assignTo"
                defaultValue=""
                className={input}
                aria-invalid={fieldError("assignTo") ? true : undefined}
                aria-describedby={`${id}-status`}
              >
                <option value="">Choose a collector…</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.role.toLowerCase()})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="assign" disabled={pending} className={button}>
              Assign
            </button>
          </>
        )}
      </div>
      <p
        id={`${id}-status`}
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
      >
        {result && !result.ok
          ? [accountsError, fieldError("pauseReason"), fieldError("pauseUntil"), fieldError("assignTo")]
              .filter(Boolean)
              .join(" ") || result.message
          : result?.message}
      </p>
    </form>
  );
}
