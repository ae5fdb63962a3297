"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import type { HistoryVerification } from "@/lib/history/verify-history";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<HistoryVerification>>;

export function VerifyHistoryPanel({ action, locale, timeZone }: { action: Action; locale: string; timeZone: string }) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const result = state?.ok ? state.data : undefined;
  const mismatch = result?.firstMismatch;
  return (
    <section aria-labelledby="verify-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-2xl">
          <h2 id="verify-heading" className="text-lg font-semibold">
            Verify history
          </h2>
          <p className="text-sm text-slate-600">
            Letters, contact attempts and this log form one hash chain. Verifying recomputes every entry&apos;s hash and
            names the first entry that was changed, removed or reordered outside the app.
          </p>
        </div>
        <form action={formAction}>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "Verifying…" : "Verify history"}
          </button>
        </form>
      </div>
      <div role="status" aria-live="polite" className="mt-3 text-sm" data-testid="verify-result">
        {state && !state.ok && <p className="text-red-700">{state.message}</p>}
        {result?.ok && <p className="rounded-md bg-emerald-50 px-3 py-2 text-emerald-800">✓ {state?.message}</p>}
        {result && !result.ok && mismatch && (
          <div className="rounded-md bg-red-50 px-3 py-2 text-red-800">
            <p className="font-semibold">The history does not verify.</p>
            <dl className="mt-1 grid grid-cols-[8rem_1fr] gap-x-3 gap-y-0.5">
              <dt>Entry</dt>
              <dd>
                #{mismatch.seq} in {mismatch.table}
              </dd>
              <dt>Id</dt>
              <dd className="font-mono text-xs leading-5">{mismatch.id}</dd>
              {mismatch.createdAt && (
                <>
                  <dt>Recorded</dt>
                  <dd>
                    {new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(
                      new Date(mismatch.createdAt),
                    )}
                  </dd>
                </>
              )}
              <dt>Problem</dt>
              <dd>{mismatch.reason}</dd>
              <dt>Checked</dt>
              <dd>{result.checked} entries</dd>
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
