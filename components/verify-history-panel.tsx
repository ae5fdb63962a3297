"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/run-action";
import type { AnchoredVerification } from "@/lib/history/verify-anchored";

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<AnchoredVerification>>;

export function VerifyHistoryPanel({
  action,
  locale,
  timeZone,
  publicKey,
}: {
  action: Action;
  locale: string;
  timeZone: string;
  /** The installation's Ed25519 public key (PEM) that signs the chain's checkpoints. */
  publicKey: string;
}) {
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
            names the first entry that was changed, removed or reordered outside the app. It also checks every signed
            checkpoint of the chain, and, if you paste one, the head hash printed on an old letter or in a hand-off
            pack&apos;s manifest.
          </p>
        </div>
        <form action={formAction} className="flex w-full max-w-2xl flex-wrap items-end gap-2">
          <label className="min-w-0 flex-1 text-sm">
            <span className="block text-slate-600">Head hash from a letter or pack (optional)</span>
            <input
              name="head"
              autoComplete="off"
              spellCheck={false}
              aria-describedby="verify-result"
              className="mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 font-mono text-xs"
            />
          </label>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "Verifying…" : "Verify history"}
          </button>
        </form>
      </div>
      <details className="mt-3 text-xs text-slate-600">
        <summary className="cursor-pointer">Public key that signs the checkpoints (Ed25519)</summary>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 font-mono" data-testid="history-public-key">
          {publicKey}
        </pre>
      </details>
      <div role="status" aria-live="polite" id="verify-result" className="mt-3 text-sm" data-testid="verify-result">
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
              <dd>
                {result.checked} entries, {result.checkpoints} signed checkpoints
              </dd>
            </dl>
          </div>
        )}
      </div>
    </section>
  );
}
