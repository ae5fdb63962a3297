"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { BulkSendProgress } from "@/lib/letters/bulk-send";

const POLL_MS = 1000;

function summary(run: BulkSendProgress): string {
  if (run.status === "running") return `Sending: ${run.done} of ${run.total} done…`;
  return `Done: ${run.sent} sent, ${run.skipped} skipped${run.failed ? `, ${run.failed} failed` : ""}.`;
}

/**
 * Polls the organization's latest run (GET /api/bulk-sends/latest) while it runs.
 * `poll(true)` shows only a run still under way (a page opened mid-run); `poll(false)`
 * shows the latest run whatever its state (just confirmed). The worker sends:
 * closing the tab stops nothing.
 */
export function useBulkSendProgress() {
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
        else router.refresh(); // the page around now shows the letters sent
      } catch {
        setMessage("Could not load the progress; the letters are still being sent. Reload the page.");
      }
    },
    [router],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return { run, message, setMessage, poll };
}

/** The run's progress bar and a result per account. */
export function BulkSendProgressView({ run }: { run: BulkSendProgress | null }) {
  const total = run?.total ?? 0;
  if (!run || !total) return null;
  const progress = Math.round((run.done / total) * 100);
  return (
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
      <ul
        className="max-h-64 divide-y divide-slate-100 overflow-y-auto text-sm"
        aria-label="Results per account"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable list must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
      >
        {run.results.map((r) => (
          <li key={`${r.customerId}:${r.currency}`} className="flex flex-wrap gap-x-3 py-1.5">
            <span
              className={`w-16 shrink-0 text-xs font-medium ${r.status === "sent" ? "text-emerald-700" : r.status === "failed" ? "text-red-700" : "text-slate-600"}`}
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
  );
}
