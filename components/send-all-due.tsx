"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/define-action";
import type { BulkSendProgress } from "@/lib/letters/bulk-send";

const POLL_MS = 1000;

function summary(run: BulkSendProgress): string {
  if (run.status === "running") return `Sending: ${run.done} of ${run.total} done…`;
  return `Done: ${run.sent} sent, ${run.skipped} skipped${run.failed ? `, ${run.failed} failed` : ""}.`;
}

/**
 * Starts a run on the job queue, then polls its progress (GET /api/bulk-sends/latest)
 * with a progress bar and a result per account. The worker sends; closing the tab
 * stops nothing, and a run under way shows again when the page is opened.
 */
export function SendAllDue({
  start,
}: {
  start: (
    prev: unknown,
    input: Record<string, unknown>,
  ) => Promise<ActionResult<{ bulkSendId: string | null; total: number }>>;
}) {
  const [starting, startTransition] = useTransition();
  const [run, setRun] = useState<BulkSendProgress | null>(null);
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const router = useRouter();

  const poll = useCallback(
    async (onlyRunning: boolean) => {
      if (timer.current) clearTimeout(timer.current);
      try {
        const res = await fetch("/api/bulk-sends/latest", { cache: "no-store" });
        const body = (await res.json()) as { run?: BulkSendProgress | null; message?: string };
        if (!res.ok) return setMessage(body.message ?? "Could not load the progress. Reload the page.");
        const latest = body.run ?? null;
        if (!latest || (onlyRunning && latest.status !== "running")) return;
        setRun(latest);
        setMessage(summary(latest));
        if (latest.status === "running") timer.current = setTimeout(() => void poll(false), POLL_MS);
        else router.refresh(); // the worklist below now shows the letters sent
      } catch {
        setMessage("Could not load the progress; the letters are still being sent. Reload the page.");
      }
    },
    [router],
  );

  // A run under way (started here before, or by a colleague) shows when the page opens.
  useEffect(() => {
    void poll(true);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [poll]);

  function send() {
    startTransition(async () => {
      setRun(null);
      setMessage("Finding due letters…");
      const started = await start(undefined, {});
      if (!started.ok) {
        setMessage(started.message);
        if (started.code === "CONFLICT") await poll(true);
        return;
      }
      setMessage(started.message);
      if (started.data?.bulkSendId) await poll(false);
    });
  }

  const running = starting || run?.status === "running";
  const total = run?.total ?? 0;
  const progress = total ? Math.round((run!.done / total) * 100) : 0;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm" data-testid="send-all">
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="button"
          onClick={send}
          disabled={running}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
        >
          {running ? "Sending…" : "Send all due letters"}
        </button>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {message}
        </p>
      </div>
      {run && total > 0 && (
        <>
          <div
            role="progressbar"
            aria-label="Letters processed"
            aria-valuemin={0}
            aria-valuemax={total}
            aria-valuenow={run.done}
            className="h-2 overflow-hidden rounded-full bg-slate-100"
          >
            <div className="h-full bg-brand-600 transition-all" style={{ width: `${progress}%` }} />
          </div>
          <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm" aria-label="Results per account">
            {run.results.map((r) => (
              <li key={`${r.customerId}:${r.currency}`} className="flex gap-3 py-1.5">
                <span
                  className={`w-16 shrink-0 text-xs font-medium ${r.status === "sent" ? "text-emerald-700" : r.status === "failed" ? "text-red-700" : "text-slate-500"}`}
                >
                  {r.status}
                </span>
                <span className="font-medium">
                  {r.name} ({r.currency})
                </span>
                <span className="text-slate-600">{r.status === "sent" ? `letter ${r.stage}` : r.reason}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
