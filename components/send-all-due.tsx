"use client";

import Link from "next/link";
import { useEffect } from "react";
import { BulkSendProgressView, useBulkSendProgress } from "./bulk-send-progress";

/**
 * The worklist's "Send all due letters": a link to the plan (nothing is sent
 * before the collector confirms it there), and the progress of a run under way
 * (started here before, or by a colleague) when the page opens.
 */
export function SendAllDue() {
  const { run, message, poll } = useBulkSendProgress();
  useEffect(() => {
    void poll(true);
  }, [poll]);
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="send-all">
      <div className="flex flex-wrap items-center gap-3">
        <Link
          href="/worklist/send-plan"
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          Send all due letters…
        </Link>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {message || "Shows the plan first: letters per stage and channel, and who is skipped."}
        </p>
      </div>
      <BulkSendProgressView run={run} />
    </div>
  );
}
