"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/define-action";

/** Which of the file's first rows holds the column names (exports put title lines above them). */
export function ImportHeaderRowForm(props: {
  importId: string;
  headerLine: number;
  rows: { line: number; cells: string[] }[];
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
}) {
  const [state, formAction, pending] = useActionState(props.action, undefined);
  return (
    <details className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm" open={props.headerLine > 1}>
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">
        Header row: row {props.headerLine}
        {props.headerLine > 1 && (
          <span className="font-normal text-slate-600"> (the rows above it are titles and are skipped)</span>
        )}
      </summary>
      <form action={formAction} className="mt-3 space-y-3">
        <input type="hidden" name="importId" value={props.importId} />
        <fieldset>
          <legend className="text-xs text-slate-600">
            The file's first rows: choose the one with the column names.
          </legend>
          <div className="mt-2 max-h-72 overflow-auto">
            {props.rows.map((r) => (
              <label key={r.line} className="flex items-center gap-3 py-0.5 text-sm">
                <input type="radio" name="headerLine" value={r.line} defaultChecked={r.line === props.headerLine} />
                <span className="w-10 tabular-nums text-slate-500">{r.line}</span>
                <span className="truncate font-mono text-xs text-slate-800">
                  {r.cells
                    .filter((c) => c.trim())
                    .join(" | ")
                    .slice(0, 140) || "(empty)"}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="submit"
          disabled={pending}
          aria-describedby="header-row-message"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-60"
        >
          {pending ? "Reading…" : "Use this row as the header"}
        </button>
        <p id="header-row-message" aria-live="polite" className="text-sm empty:hidden">
          {state ? state.message : ""}
        </p>
      </form>
    </details>
  );
}
