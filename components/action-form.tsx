"use client";

import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

const FormResult = createContext<ActionResult<unknown> | undefined>(undefined);
const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100 aria-[invalid=true]:border-red-500";

/** A form posting to a server action, with the result announced (aria-live) and per-field errors for its Fields. */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = "Saving…",
  hidden = {},
  children,
  testId,
  danger = false,
  resetOnSuccess = true,
  confirm,
  fieldsMessage = "Check the fields marked below.",
}: {
  action: Action;
  submitLabel: string;
  pendingLabel?: string;
  hidden?: Record<string, string>;
  children?: React.ReactNode;
  testId?: string;
  danger?: boolean;
  /** Edit forms keep what was saved on screen; forms that add something start empty again. */
  resetOnSuccess?: boolean;
  /** For what cannot be undone: a modal dialog spells out the consequences before the action runs. */
  confirm?: { title: string; consequences: string[]; confirmLabel: string };
  /** Said when fields are refused (the customer's page says it in the customer's language). */
  fieldsMessage?: string;
}) {
  const [result, formAction, pending] = useActionState(action, undefined);
  const statusId = useId();
  const form = useRef<HTMLFormElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const held = useRef<FormData | null>(null);
  // Keep what was typed when the action refuses it; clear the form once it succeeds.
  useEffect(() => {
    if (result?.ok && resetOnSuccess) form.current?.reset();
  }, [result, resetOnSuccess]);
  return (
    <form
      ref={form}
      action={formAction}
      noValidate
      className="space-y-3"
      data-testid={testId}
      aria-describedby={statusId}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        if (confirm) {
          held.current = data;
          dialog.current?.showModal();
          return;
        }
        startTransition(() => formAction(data));
      }}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormResult.Provider value={result}>{children}</FormResult.Provider>
      <div
        id={statusId}
        aria-live="polite"
        role="status"
        className={`min-h-5 text-sm ${result?.ok ? "text-emerald-700" : "text-red-700"}`}
      >
        {result && !result.ok && result.fieldErrors ? fieldsMessage : result?.message}
      </div>
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-4 py-2 text-sm font-semibold text-white shadow-sm disabled:opacity-60 ${danger ? "bg-red-700 hover:bg-red-800" : "bg-brand-600 hover:bg-brand-700"}`}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
      {confirm && (
        <dialog
          ref={dialog}
          aria-labelledby={`${statusId}-confirm-title`}
          className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
        >
          <h2 id={`${statusId}-confirm-title`} className="text-base font-semibold text-slate-900">
            {confirm.title}
          </h2>
          <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {confirm.consequences.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="mt-5 flex justify-end gap-2">
            <button
              type="button"
              className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
              onClick={() => dialog.current?.close()}
            >
              Cancel
            </button>
            <button
              type="button"
              className="rounded-md bg-red-700 px-4 py-2 text-sm font-semibold text-white hover:bg-red-800"
              onClick={() => {
                dialog.current?.close();
                const data = held.current;
                if (data) startTransition(() => formAction(data));
              }}
            >
              {confirm.confirmLabel}
            </button>
          </div>
        </dialog>
      )}
    </form>
  );
}

type FieldProps = { name: string; label: string; hint?: string } & (
  | { as?: "input"; type?: string; defaultValue?: string; placeholder?: string; inputMode?: "decimal" | "text" }
  | { as: "textarea"; defaultValue?: string; placeholder?: string; rows?: number }
  | { as: "select"; options: { value: string; label: string }[]; defaultValue?: string }
);

/** A labelled input whose errors come from the surrounding ActionForm's result, tied by aria-describedby. */
export function Field(props: FieldProps) {
  const result = useContext(FormResult);
  const errors = result && !result.ok ? result.fieldErrors?.[props.name] : undefined;
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const common = {
    id,
    name: props.name,
    className: inputClass,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": [props.hint ? hintId : "", errorId].filter(Boolean).join(" "),
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      {props.as === "textarea" ? (
        <textarea
          {...common}
          rows={props.rows ?? 2}
          defaultValue={props.defaultValue}
          placeholder={props.placeholder}
        />
      ) : props.as === "select" ? (
        <select {...common} defaultValue={props.defaultValue}>
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={props.type ?? "text"}
          defaultValue={props.defaultValue}
          placeholder={props.placeholder}
          inputMode={props.inputMode}
        />
      )}
      {props.hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {props.hint}
        </p>
      )}
      <p id={errorId} aria-live="polite" className="mt-1 text-sm text-red-700">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** The errors of an input group that is not one Field (a list of checkboxes); `id` is what the group's aria-describedby names. */
export function FieldErrors({ name, id }: { name: string; id: string }) {
  const result = useContext(FormResult);
  const errors = result && !result.ok ? result.fieldErrors?.[name] : undefined;
  return (
    <p id={id} aria-live="polite" className="mt-1 text-sm text-red-700">
      {errors?.join(" ")}
    </p>
  );
}
