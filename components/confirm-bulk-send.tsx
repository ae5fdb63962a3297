"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import { BulkSendProgressView, useBulkSendProgress } from "./bulk-send-progress";

type Started = { bulkSendId: string | null; total: number };

/**
 * Confirms the plan shown: posts its fingerprint (and the selection it was
 * narrowed to). The server plans again and refuses if the plan changed; the page
 * is then refreshed, so the fresh plan (and its new fingerprint) is what is on
 * screen, with the refusal above it. Once a run starts, its progress shows here.
 */
export function ConfirmBulkSend({
  action,
  fingerprint,
  accounts,
  letters,
  staleOverride = false,
}: {
  action: (prev: unknown, data: FormData) => Promise<ActionResult<Started>>;
  fingerprint: string;
  accounts: string[];
  letters: number;
  /** Payments are known only up to a stale day and the user is an admin: the form asks for the reason to send anyway. */
  staleOverride?: boolean;
}) {
  const [result, formAction, pending] = useActionState(action, undefined);
  const { run, message, poll } = useBulkSendProgress();
  const router = useRouter();
  useEffect(() => {
    if (result?.ok && result.data?.bulkSendId) void poll(false);
    else if (result && !result.ok && result.code === "CONFLICT") {
      router.refresh(); // the fresh plan
      void poll(true); // or the run a colleague started
    }
  }, [result, poll, router]);
  const started = result?.ok && result.data?.bulkSendId;
  return (
    <div className="space-y-3" data-testid="confirm-plan">
      {!started && (
        <form action={formAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="fingerprint" value={fingerprint} />
          {accounts.map((a) => (
            <input key={a} type="hidden" name="accounts" value={a} />
          ))}
          {staleOverride && (
            <label className="block w-full text-sm">
              <span className="font-medium text-slate-700">Why the letters go on old payment data (admin)</span>
              <input
                name="staleOverrideReason"
                className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
                placeholder="The bank's export is down; checked the account by hand"
              />
            </label>
          )}
          <button
            type="submit"
            disabled={pending || !letters}
            className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
          >
            {pending ? "Starting…" : `Confirm and send ${letters} letter${letters === 1 ? "" : "s"}`}
          </button>
        </form>
      )}
      <p
        role="status"
        aria-live="polite"
        className={`text-sm ${result && !result.ok ? "font-medium text-red-700" : "text-slate-700"}`}
      >
        {message || result?.message}
      </p>
      <BulkSendProgressView run={run} />
    </div>
  );
}
