import type { ActionResult } from "@/lib/actions/run-action";

/** Errors for one field, announced and tied to its input by id (aria-describedby). */
export function FieldError({
  id,
  state,
  field,
}: {
  id: string;
  state: ActionResult<unknown> | undefined;
  field: string;
}) {
  const errors = state && !state.ok ? state.fieldErrors?.[field] : undefined;
  return (
    <p id={id} aria-live="polite" className="mt-1 min-h-4 text-xs text-red-700">
      {errors?.join(" ")}
    </p>
  );
}

/** The result of a form's action as a sentence, announced to screen readers. */
export function FormMessage({ state, id }: { state: ActionResult<unknown> | undefined; id?: string }) {
  return (
    <p
      id={id}
      role="status"
      aria-live="polite"
      className={`min-h-5 text-sm ${state?.ok ? "text-emerald-700" : "text-red-700"}`}
    >
      {state?.message}
    </p>
  );
}
