"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { DueLetter, SendResult } from "@/lib/collections/send-all-due";

const CHUNK = 10;

/** Plans the due letters, then sends them chunk by chunk with a progress bar and a result per account. */
export function SendAllDue({ plan, sendChunk }: {
  plan: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<DueLetter[]>>;
  sendChunk: (prev: unknown, input: Record<string, unknown>) => Promise<ActionResult<SendResult[]>>;
}) {
  const [running, startTransition] = useTransition();
  const [total, setTotal] = useState<number | null>(null);
  const [results, setResults] = useState<SendResult[]>([]);
  const [message, setMessage] = useState("");

  function run() {
    startTransition(async () => {
      setResults([]);
      setMessage("Finding due letters…");
      const planned = await plan(undefined, {});
      if (!planned.ok) return setMessage(planned.message);
      const due = planned.data ?? [];
      setTotal(due.length);
      const done: SendResult[] = [];
      for (let i = 0; i < due.length; i += CHUNK) {
        const chunk = await sendChunk(undefined, { letters: due.slice(i, i + CHUNK) });
        if (!chunk.ok) return setMessage(chunk.message);
        done.push(...(chunk.data ?? []));
        setResults([...done]);
      }
      const sent = done.filter((r) => r.status === "sent").length;
      setMessage(due.length ? `Done: ${sent} sent, ${done.length - sent} skipped.` : "No letters are due.");
    });
  }

  const progress = total ? Math.round((results.length / total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="send-all">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={run} disabled={running}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {running ? "Sending…" : "Send all due letters"}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">{message}</p>
      </div>
      {total !== null && total > 0 && (
        <>
          <div role="progressbar" aria-label="Letters processed" aria-valuemin={0} aria-valuemax={total} aria-valuenow={results.length}
            className="h-2 overflow-hidden rounded-full bg-slate-100">
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm" aria-label="Results per account">
            {results.map((r) => (
              <li key={`${r.customerId}:${r.currency}`} className="flex gap-3 py-1.5">
                <span className={`w-16 shrink-0 text-xs font-medium ${r.status === "sent" ? "text-emerald-700" : "text-slate-500"}`}>{r.status}</span>
                <span className="font-medium">{r.name} ({r.currency})</span>
                <span className="text-slate-600">{r.status === "sent" ? `letter ${r.stage}` : r.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
