"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

/** Step 3: the file checked clean; import it all-or-nothing. */
export function ImportCommitForm(props: {
  importId: string;
  rows: number;
  kind: string;
  /** Stored invoices the file changes: importing needs the box ticked. */
  changes: number;
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const [state, formAction, pending] = useActionState(props.action, undefined);
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-center gap-4 rounded-xl border border-emerald-200 bg-emerald-50 p-5"
    >
      <input type="hidden" name="importId" value={props.importId} />
      <p className="text-sm text-emerald-900">
        <strong>No problems found.</strong> {props.rows.toLocaleString("en")} {props.kind.replace("_", " ")} rows are
        ready.{" "}
        {props.kind === "bank_statement"
          ? "Money in is matched to open invoices; lines imported before are skipped."
          : props.changes
            ? "The changes to invoices already in Dunning Desk are listed below."
            : props.kind === "invoices"
              ? "No invoice already in Dunning Desk changes."
              : "Rows already in Dunning Desk are updated where they changed."}
      </p>
      {props.changes > 0 && (
        <label className="flex w-full items-center gap-2 text-sm text-emerald-950">
          <input type="checkbox" name="confirmChanges" required className="size-4" />
          Change the {props.changes === 1 ? "invoice" : `${props.changes.toLocaleString("en")} invoices`} as listed
          below (each change is recorded as a correction)
        </label>
      )}
      <button
        type="submit"
        disabled={pending}
        aria-describedby="commit-error"
        className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-emerald-800 disabled:opacity-60"
      >
        {pending ? "Starting…" : `Import ${props.rows.toLocaleString("en")} ${props.rows === 1 ? "row" : "rows"}`}
      </button>
      <p id="commit-error" aria-live="polite" className="w-full text-sm text-red-700 empty:hidden">
        {state && !state.ok ? state.message : ""}
      </p>
    </form>
  );
}
